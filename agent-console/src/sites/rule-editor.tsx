// One proactive rule being edited: its name, when it fires (every condition given must hold), its
// message and up to three quick replies per language, and how often a visitor may see it.
import type { Lang } from '../../../protocol/types.js';
import { languageName } from '../lib/format.js';
import { CAPS, type Cap, type RuleDraft } from './rule-draft.js';

const MAX_QUICK_REPLIES = 3;

export function RuleEditor({ draft, languages, onChange }: { draft: RuleDraft; languages: Lang[]; onChange(d: RuleDraft): void }) {
  const set = (patch: Partial<RuleDraft>) => onChange({ ...draft, ...patch });
  const setReply = (i: number, field: 'label' | 'text', l: string, v: string) =>
    set({ quickReplies: draft.quickReplies.map((q, j) => (j === i ? { ...q, [field]: { ...q[field], [l]: v } } : q)) });
  const text = (label: string, key: 'seconds' | 'url' | 'minPages' | 'event', attrs: Record<string, unknown>) => (
    <label class="sites__field">
      {label}
      <input data-bulle={`rule-${key}`} value={draft[key]} onInput={(e) => set({ [key]: e.currentTarget.value })} {...attrs} />
    </label>
  );
  return (
    <div class="sites__rule-editor" data-bulle="rule-editor">
      <div class="sites__row">
        <label class="sites__field">
          Name <span class="muted">(a-z, 0-9, -)</span>
          <input data-bulle="rule-id" value={draft.id} maxLength={40} required onInput={(e) => set({ id: e.currentTarget.value })} />
        </label>
        <label class="sites__field">
          How often
          <select data-bulle="rule-cap" value={draft.cap} onChange={(e) => set({ cap: e.currentTarget.value as Cap })}>
            {CAPS.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p class="muted">When (every condition given must hold; empty ones are ignored):</p>
      <div class="sites__row">
        {text('Seconds on the page', 'seconds', { type: 'number', min: 0, max: 3600 })}
        {text('Page address (* = anything)', 'url', { placeholder: '/product*', maxLength: 200 })}
        {text('From page n of the visit', 'minPages', { type: 'number', min: 1, max: 100 })}
        {text('On the tracked event', 'event', { placeholder: 'checkout_failed', maxLength: 64 })}
        <label class={`chip${draft.returning ? ' is-on' : ''}`}>
          <input type="checkbox" data-bulle="rule-returning" checked={draft.returning} onChange={(e) => set({ returning: e.currentTarget.checked })} /> Returning visitors only
        </label>
      </div>
      {draft.event.trim() && (
        <label class="sites__field">
          The event's data must match <span class="muted">(one key=value a line)</span>
          <textarea rows={2} data-bulle="rule-data" value={draft.data} onInput={(e) => set({ data: e.currentTarget.value })} />
        </label>
      )}
      {languages.map((l) => (
        <label key={l} class="sites__field">
          Message, {languageName(l)}
          <textarea rows={2} maxLength={300} data-bulle="rule-message" data-lang={l} value={draft.message[l] ?? ''} onInput={(e) => set({ message: { ...draft.message, [l]: e.currentTarget.value } })} />
        </label>
      ))}
      {draft.quickReplies.map((q, i) => (
        <fieldset key={i} class="sites__group" data-bulle="rule-reply">
          <legend>Quick reply {i + 1}</legend>
          {languages.map((l) => (
            <div key={l} class="sites__row">
              <label class="sites__field">
                Button, {languageName(l)}
                <input maxLength={40} data-bulle="rule-reply-label" data-lang={l} value={q.label[l] ?? ''} onInput={(e) => setReply(i, 'label', l, e.currentTarget.value)} />
              </label>
              <label class="sites__field">
                Sends, {languageName(l)}
                <input maxLength={200} data-bulle="rule-reply-text" data-lang={l} value={q.text[l] ?? ''} onInput={(e) => setReply(i, 'text', l, e.currentTarget.value)} />
              </label>
            </div>
          ))}
          <button type="button" class="btn btn--ghost btn--sm" onClick={() => set({ quickReplies: draft.quickReplies.filter((_, j) => j !== i) })}>
            Remove quick reply {i + 1}
          </button>
        </fieldset>
      ))}
      {draft.quickReplies.length < MAX_QUICK_REPLIES && (
        <button type="button" class="btn btn--ghost btn--sm" data-bulle="rule-reply-add" onClick={() => set({ quickReplies: [...draft.quickReplies, { label: {}, text: {} }] })}>
          Add a quick reply
        </button>
      )}
    </div>
  );
}
