// The site's order-status webhook: its URL set, replaced (a new shared secret each time, shown
// once) or removed, the server's objection shown at the field; and "Send a test", which has the
// server call it signed, as the bot would, and says what came back. Saved at once, like identity.
import { useState } from 'preact/hooks';
import { removeOrderWebhook, setOrderWebhook, testOrderWebhook, type AdminSite, type WebhookTestResult } from './sites-api.js';
import { CopyButton } from './copy-button.js';

/** What a test's answer means, in words. */
export function describeTest(t: WebhookTestResult): string {
  const r = t.result;
  if (r.kind === 'found') return `Found order ${t.orderNumber}: ${r.order.status}${r.order.carrier ? ` (${r.order.carrier})` : ''} — ${t.ms} ms.`;
  if (r.kind === 'not-found') return `The webhook answered 404 for ${t.orderNumber} (no such order) — ${t.ms} ms. It works: the bot says the order was not found.`;
  return `Failed: ${r.why} — ${t.ms} ms.`;
}

export function WebhookField({ site, onChange }: { site: AdminSite; onChange(hook: AdminSite['orderWebhook']): void }) {
  const [url, setUrl] = useState(site.orderWebhook?.url ?? '');
  const [urlProblem, setUrlProblem] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [orderNumber, setOrderNumber] = useState('');
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const id = (f: string) => `webhook-${f}-${site.id}`;
  const busyWhile = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } finally {
      setBusy(false);
    }
  };
  const save = () =>
    busyWhile(async () => {
      setUrlProblem(null);
      try {
        const set = await setOrderWebhook(site.id, url.trim());
        setSecret(set.secret);
        onChange({ url: set.url });
      } catch (err) {
        // The server names the field ("url: the webhook must be https"): shown under it.
        setUrlProblem((err as Error).message.replace(/^url: /, ''));
      }
    });
  const remove = () =>
    busyWhile(async () => {
      await removeOrderWebhook(site.id).then(
        () => {
          setUrl('');
          setSecret(null);
          setResult(null);
          onChange(null);
        },
        (err: Error) => setUrlProblem(err.message),
      );
    });
  const test = () =>
    busyWhile(async () => {
      setResult({ ok: true, text: 'Calling the webhook…' });
      await testOrderWebhook(site.id, orderNumber.trim() || undefined).then(
        (t) => setResult({ ok: t.result.kind !== 'failed', text: describeTest(t) }),
        (err: Error) => setResult({ ok: false, text: err.message }),
      );
    });

  return (
    <fieldset class="sites__group" data-bulle="site-webhook">
      <legend>Order-status webhook</legend>
      <p class="muted">The bot asks your server where an order is (https; signed with a shared secret). Saved at once.</p>
      <label class="sites__field" for={id('url')}>
        Webhook URL
      </label>
      <div class="sites__row">
        <input
          id={id('url')}
          class="sites__wide"
          data-bulle="webhook-url"
          value={url}
          maxLength={2048}
          placeholder="https://shop.example/bulle/orders"
          aria-invalid={urlProblem ? 'true' : undefined}
          aria-describedby={id('url-problem')}
          onInput={(e) => setUrl(e.currentTarget.value)}
        />
        <button type="button" class="btn btn--sm" data-bulle="webhook-save" disabled={busy || !url.trim()} onClick={() => void save()}>
          {site.orderWebhook ? 'Replace (new secret)' : 'Set the webhook'}
        </button>
        {site.orderWebhook && (
          <button type="button" class="btn btn--ghost btn--sm" data-bulle="webhook-remove" disabled={busy} onClick={() => void remove()}>
            Remove
          </button>
        )}
      </div>
      <p id={id('url-problem')} class="sites__error" data-bulle="webhook-url-problem">
        {urlProblem}
      </p>
      {secret && (
        <div class="sites__secret" data-bulle="webhook-secret-box">
          <label for={id('secret')}>Shared secret — shown this once: your server checks X-Bulle-Signature with it</label>
          <div class="sites__row">
            <input id={id('secret')} class="sites__snippet" data-bulle="webhook-secret" readOnly value={secret} />
            <CopyButton text={secret} label="Copy the secret" />
          </div>
        </div>
      )}
      {site.orderWebhook && (
        <div class="sites__row">
          <label class="sites__field">
            Order number to ask about
            <input data-bulle="webhook-test-number" value={orderNumber} maxLength={32} placeholder="BULLE-TEST-0001" onInput={(e) => setOrderNumber(e.currentTarget.value)} />
          </label>
          <button type="button" class="btn btn--sm" data-bulle="webhook-test" disabled={busy} onClick={() => void test()}>
            Send a test
          </button>
        </div>
      )}
      <p role="status" class={result && !result.ok ? 'sites__error' : 'sites__notes'} data-bulle="webhook-test-result">
        {result?.text}
      </p>
    </fieldset>
  );
}
