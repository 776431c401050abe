// E-mail and password; the server answers with an httpOnly cookie, never a token we keep.
import { useState } from 'preact/hooks';
import { HttpError, login, type Session } from '../api/http.js';

interface Props {
  notice: string | null;
  onLoggedIn(session: Session): void;
}

export function LoginScreen({ notice, onLoggedIn }: Props) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onLoggedIn(await login(email.trim(), password));
    } catch (err) {
      const status = err instanceof HttpError ? err.status : 0;
      setError(status === 401 ? 'Wrong e-mail or password.' : (err as Error).message);
      setBusy(false);
    }
  };

  return (
    <main class="login">
      <form class="login__card" onSubmit={submit} data-bulle="login-form">
        <div class="login__brand">
          <span class="brand-mark" aria-hidden="true" />
          <div>
            <h1>Bulle</h1>
            <p>Agent console</p>
          </div>
        </div>
        {notice && !error && <p class="login__notice">{notice}</p>}
        {error && (
          <p class="login__error" role="alert" data-bulle="login-error">
            {error}
          </p>
        )}
        <label class="field">
          <span>E-mail</span>
          <input type="email" autocomplete="username" autofocus required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span>Password</span>
          <input type="password" autocomplete="current-password" required value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
        </label>
        <button type="submit" class="btn btn--primary btn--block" disabled={busy}>
          {busy ? 'Logging in…' : 'Log in'}
        </button>
      </form>
    </main>
  );
}
