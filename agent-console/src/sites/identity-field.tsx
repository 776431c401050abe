// Signed identity for one site: whether a secret exists (its value is never sent again), a new one
// made on demand and shown once with a copy button and how the shop's server signs with it, and
// "identity required" on or off. Each action is saved at once (not with the form's Save): a new
// secret must be copied before anything else happens.
import { useState } from 'preact/hooks';
import { rotateIdentitySecret, setIdentityMode, type AdminSite } from './sites-api.js';
import { CopyButton } from './copy-button.js';

/** How the shop's server signs a customer (docs/identity-and-orders.md has the claims). */
const SIGNING_EXAMPLE = `// On your server (Node, jose), never in the page:
import { SignJWT } from 'jose';
const signature = await new SignJWT({ email: user.email, name: user.name })
  .setProtectedHeader({ alg: 'HS256' }).setSubject(String(user.id)).setExpirationTime('10m')
  .sign(new TextEncoder().encode(process.env.BULLE_IDENTITY_SECRET));
// In the page: Bulle.identify({ email, name, signature })`;

export function IdentityField({ site, onChange }: { site: AdminSite; onChange(identity: AdminSite['identity']): void }) {
  const [secret, setSecret] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { identity } = site;
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setProblem(null);
    try {
      await action();
    } catch (err) {
      setProblem((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const rotate = () =>
    run(async () => {
      const made = await rotateIdentitySecret(site.id);
      setSecret(made.secret);
      setConfirming(false);
      onChange({ ...identity, hasSecret: true, secretCreatedAt: made.secretCreatedAt });
    });
  const setRequired = (required: boolean) =>
    run(async () => {
      await setIdentityMode(site.id, required ? 'required' : 'optional');
      onChange({ ...identity, mode: required ? 'required' : 'optional' });
    });
  const secretId = `identity-secret-${site.id}`;

  return (
    <fieldset class="sites__group" data-bulle="site-identity">
      <legend>Signed identity</legend>
      <p class="muted">
        Your server signs who the logged-in customer is, so agents can trust it. Saved at once.{' '}
        <span data-bulle="identity-state">
          {identity.hasSecret ? `A secret exists (made ${new Date(identity.secretCreatedAt ?? 0).toLocaleString()}).` : 'No secret yet.'}
        </span>
      </p>
      {!identity.hasSecret || confirming ? (
        <button type="button" class="btn btn--sm" data-bulle="identity-rotate" disabled={busy} onClick={() => void rotate()}>
          {identity.hasSecret ? 'Yes, replace it (the old one stops working now)' : 'Create the secret'}
        </button>
      ) : (
        <button type="button" class="btn btn--sm" data-bulle="identity-rotate-ask" disabled={busy} onClick={() => setConfirming(true)}>
          Replace the secret…
        </button>
      )}
      <label class={`chip${identity.mode === 'required' ? ' is-on' : ''}`}>
        <input type="checkbox" data-bulle="identity-required" checked={identity.mode === 'required'} disabled={busy} onChange={(e) => void setRequired(e.currentTarget.checked)} /> Identity
        required (unsigned identify calls are refused)
      </label>
      {secret && (
        <div class="sites__secret" data-bulle="identity-secret-box">
          <label for={secretId}>New secret — shown this once: copy it to your server's settings now</label>
          <div class="sites__row">
            <input id={secretId} class="sites__snippet" data-bulle="identity-secret" readOnly value={secret} />
            <CopyButton text={secret} label="Copy the secret" />
          </div>
          <pre class="sites__code">{SIGNING_EXAMPLE}</pre>
        </div>
      )}
      <p role="alert" class="sites__error" data-bulle="identity-problem">
        {problem}
      </p>
    </fieldset>
  );
}
