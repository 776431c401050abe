// Allowed origins: the pages that may open the widget. "Test" asks the server what a typed
// address becomes and means (the same explanation as first-run setup); "Add" adds what it became.
import { useState } from 'preact/hooks';
import { checkOrigin } from './sites-api.js';

interface Props {
  siteId: string;
  origins: string[];
  onChange(origins: string[]): void;
}

export function OriginsField({ siteId, origins, onChange }: Props) {
  const [typed, setTyped] = useState('');
  const [notes, setNotes] = useState<{ ok: boolean; lines: string[] } | null>(null);
  const id = `origin-${siteId}`;
  const test = async (): Promise<string | null> => {
    const r = await checkOrigin(typed).catch((e: Error) => ({ ok: false as const, message: e.message }));
    setNotes(r.ok ? { ok: true, lines: r.notes } : { ok: false, lines: [r.message] });
    return r.ok ? r.origin : null;
  };
  const add = async () => {
    const origin = await test();
    if (origin && !origins.includes(origin)) onChange([...origins, origin]);
    if (origin) setTyped('');
  };
  return (
    <fieldset class="sites__group" data-bulle="site-origins">
      <legend>Allowed origins</legend>
      <p class="muted">Pages at these addresses may open the chat. Empty: only this server's own pages.</p>
      <ul class="sites__list">
        {origins.map((o) => (
          <li key={o} data-bulle="site-origin">
            <code>{o}</code>{' '}
            <button type="button" class="btn btn--ghost btn--sm" aria-label={`Remove ${o}`} onClick={() => onChange(origins.filter((x) => x !== o))}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      <label for={id}>Shop address</label>
      <div class="sites__row">
        <input id={id} data-bulle="origin-input" value={typed} placeholder="https://shop.example" maxLength={300} onInput={(e) => setTyped(e.currentTarget.value)} />
        <button type="button" class="btn btn--sm" data-bulle="origin-test" disabled={!typed.trim()} onClick={() => void test()}>
          Test
        </button>
        <button type="button" class="btn btn--sm" data-bulle="origin-add" disabled={!typed.trim()} onClick={() => void add()}>
          Add
        </button>
      </div>
      <div role="status" data-bulle="origin-notes">
        {notes && (
          <ul class={notes.ok ? 'sites__notes' : 'sites__problems'}>
            {notes.lines.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
        )}
      </div>
    </fieldset>
  );
}
