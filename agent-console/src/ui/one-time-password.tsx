// A new agent's first password, shown once: the server keeps only its hash and never sends it
// again, so the admin copies it now and hands it over.
import { useState } from 'preact/hooks';
import type { AgentCreated } from '../../../protocol/types.js';

export function OneTimePassword({ created, onDone }: { created: AgentCreated; onDone(): void }) {
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const copy = () =>
    navigator.clipboard?.writeText(created.password).then(
      () => setCopied('yes'),
      () => setCopied('no'),
    ) ?? setCopied('no');
  return (
    <section class="otp" data-bulle="agent-created" aria-labelledby="otp-title">
      <h3 class="ctx__title" id="otp-title">
        {created.agent.name} can log in now
      </h3>
      <p>
        Their e-mail is <strong>{created.agent.email}</strong>. Their first password is shown this once only: copy it and give it to them. They can change it
        from “Change password” in the console.
      </p>
      <label class="field">
        <span>One-time password</span>
        <input class="otp__value" data-bulle="agent-password" readOnly value={created.password} onFocus={(e) => e.currentTarget.select()} />
      </label>
      <p role="status" class="muted">
        {copied === 'yes' ? 'Copied.' : copied === 'no' ? 'Could not copy: select it and copy it by hand.' : ''}
      </p>
      <div class="dialog__actions">
        <button type="button" class="btn" data-bulle="agent-password-copy" onClick={() => void copy()}>
          Copy
        </button>
        <button type="button" class="btn btn--primary" data-bulle="agent-created-done" onClick={onDone}>
          Done
        </button>
      </div>
    </section>
  );
}
