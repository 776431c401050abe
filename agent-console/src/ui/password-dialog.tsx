// Every agent: change their own password. The current one first; the new one twice. The server
// checks its strength and ends the agent's other sessions (other tabs and devices log in again).
import { useState } from 'preact/hooks';
import { changePassword } from '../api/admin-http.js';
import { HttpError } from '../api/http.js';
import { Dialog } from './dialog.js';

export function PasswordDialog({ email, onClose }: { email: string; onClose(): void }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [done, setDone] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (next !== again) return setError('The two new passwords differ.');
    setBusy(true);
    setError('');
    try {
      await changePassword(current, next);
      setDone(true);
    } catch (err) {
      // The server says what is wrong with the new password after "next: ".
      setError(err instanceof HttpError ? err.error.message.replace(/^next: /, '') : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title="Change password" bulle="password-dialog" onCancel={onClose}>
      {done ? (
        <>
          <p role="status" data-bulle="password-changed">
            Your password is changed. Your other sessions have ended: log in there again with the new one.
          </p>
          <div class="dialog__actions">
            <button type="button" class="btn btn--primary" onClick={onClose}>
              Done
            </button>
          </div>
        </>
      ) : (
        <form onSubmit={(e) => void submit(e)}>
          {/* For password managers: whose password this is. */}
          <input type="email" autocomplete="username" value={email} readOnly hidden />
          {error && (
            <p class="login__error" role="alert" data-bulle="password-error">
              {error}
            </p>
          )}
          <label class="field">
            <span>Current password</span>
            <input name="current" type="password" autocomplete="current-password" required value={current} onInput={(e) => setCurrent(e.currentTarget.value)} />
          </label>
          <label class="field">
            <span>New password (12 characters or more; a few words are easy to remember)</span>
            <input name="next" type="password" autocomplete="new-password" required minLength={12} value={next} onInput={(e) => setNext(e.currentTarget.value)} />
          </label>
          <label class="field">
            <span>New password again</span>
            <input name="again" type="password" autocomplete="new-password" required value={again} onInput={(e) => setAgain(e.currentTarget.value)} />
          </label>
          <div class="dialog__actions">
            <button type="button" class="btn btn--ghost" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" class="btn btn--primary" disabled={busy}>
              {busy ? 'Saving…' : 'Change password'}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
