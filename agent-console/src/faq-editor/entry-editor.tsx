// One FAQ entry's form: question, phrasings and keywords (one per line), answer variations,
// links, topic, draft; Save, Undo (back to the previous version), Delete; and its history.
// Problems show next to their fields, from the same checks the server makes, or from the server.
import { useEffect, useState } from 'preact/hooks';
import type { FaqEditorEntry, FieldProblem } from '../../../protocol/types.js';
import { FaqApiError, faqApi } from './faq-api.js';
import { blankForm, formProblems, fromForm, problemsOf, toForm, type EntryForm } from './entry-form.js';
import { FieldError, invalid } from './field-error.js';

interface Props {
  site: string;
  lang: string;
  /** null: a new entry. */
  current: FaqEditorEntry | null;
  topics: string[];
  onChanged(next: FaqEditorEntry, said: string): void;
}

const when = (at: number) => new Date(at).toLocaleString([], { dateStyle: 'short', timeStyle: 'short' });
const ACTION = { save: 'saved', delete: 'deleted', undo: 'undo', import: 'imported' } as const;

export function EntryEditor({ site, lang, current, topics, onChanged }: Props) {
  const [form, setForm] = useState<EntryForm>(() => (current ? toForm(current.entry, current.item.id) : blankForm()));
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setForm(current ? toForm(current.entry, current.item.id) : blankForm());
    setProblems([]);
    setError('');
  }, [current]);

  const isNew = !current;
  // Said next to Save, so an admin leaving the entry knows what would be lost.
  const dirty = JSON.stringify(fromForm(form)) !== JSON.stringify(fromForm(current ? toForm(current.entry, current.item.id) : blankForm()));
  const version = current?.item.version ?? 0;
  const set = (patch: Partial<EntryForm>) => setForm({ ...form, ...patch });
  const of = (field: string) => problemsOf(problems, field);

  const run = async (what: () => Promise<FaqEditorEntry>, said: string) => {
    setBusy(true);
    setError('');
    try {
      const next = await what();
      setProblems([]);
      onChanged(next, said);
    } catch (err) {
      const e = err as FaqApiError;
      setProblems(e.fields ?? []);
      setError(e.message);
    } finally {
      setBusy(false);
    }
  };

  const save = (e: Event) => {
    e.preventDefault();
    const found = formProblems(form);
    if (found.length) {
      setProblems(found);
      setError('Some fields need a change (see below each one).');
      return;
    }
    void run(() => faqApi.save(site, lang, fromForm(form), version, isNew), 'Saved: visitors get it from now on.');
  };

  const id = (f: string) => `faq-${f}`;
  return (
    <form class="faq-form" data-bulle="faq-form" data-entry={current?.item.id ?? ''} onSubmit={save} noValidate>
      {current?.item.deleted && (
        <p class="notice notice--warn" data-bulle="faq-deleted">
          This entry is deleted: the bot no longer knows it. Undo brings it back.
        </p>
      )}
      <label class="field" for={id('id')}>
        <span>Id</span>
      </label>
      <input id={id('id')} class="faq-input" value={form.id} readOnly={!isNew} data-bulle="faq-id" onInput={(e) => set({ id: e.currentTarget.value })} {...invalid(id('id'), of('id'))} />
      <FieldError forId={id('id')} messages={of('id')} />

      <label class="field" for={id('question')}>
        <span>Question</span>
      </label>
      <input id={id('question')} class="faq-input" value={form.question} data-bulle="faq-question" onInput={(e) => set({ question: e.currentTarget.value })} {...invalid(id('question'), of('question'))} />
      <FieldError forId={id('question')} messages={of('question')} />

      <div class="faq-form__two">
        <div>
          <label class="field" for={id('phrasings')}>
            <span>Other ways to ask it (one per line)</span>
          </label>
          <textarea id={id('phrasings')} class="field__area" rows={4} value={form.phrasings} data-bulle="faq-phrasings" onInput={(e) => set({ phrasings: e.currentTarget.value })} {...invalid(id('phrasings'), of('phrasings'))} />
          <FieldError forId={id('phrasings')} messages={of('phrasings')} />
        </div>
        <div>
          <label class="field" for={id('keywords')}>
            <span>Keywords (one per line)</span>
          </label>
          <textarea id={id('keywords')} class="field__area" rows={4} value={form.keywords} data-bulle="faq-keywords" onInput={(e) => set({ keywords: e.currentTarget.value })} {...invalid(id('keywords'), of('keywords'))} />
          <FieldError forId={id('keywords')} messages={of('keywords')} />
        </div>
      </div>

      <fieldset class="faq-fieldset" {...invalid(id('answers'), of('answers'))}>
        <legend>Answers (the bot picks one; at least one)</legend>
        {form.answers.map((a, i) => (
          <div class="faq-row" key={i}>
            <textarea
              class="field__area"
              rows={3}
              aria-label={`Answer ${i + 1}`}
              value={a}
              data-bulle="faq-answer"
              onInput={(e) => set({ answers: form.answers.map((x, j) => (j === i ? e.currentTarget.value : x)) })}
            />
            {form.answers.length > 1 && (
              <button type="button" class="btn btn--ghost btn--sm" aria-label={`Remove answer ${i + 1}`} onClick={() => set({ answers: form.answers.filter((_, j) => j !== i) })}>
                Remove
              </button>
            )}
          </div>
        ))}
        <button type="button" class="link-btn" data-bulle="faq-answer-add" onClick={() => set({ answers: [...form.answers, ''] })}>
          + Add a variation
        </button>
        <FieldError forId={id('answers')} messages={of('answers')} />
      </fieldset>

      <fieldset class="faq-fieldset">
        <legend>Links (http, https or mailto)</legend>
        {form.links.map((l, i) => {
          const msgs = of(`links[${i}]`);
          return (
            <div class="faq-row" key={i}>
              <input class="faq-input" aria-label={`Link ${i + 1} label`} value={l.label} onInput={(e) => set({ links: form.links.map((x, j) => (j === i ? { ...x, label: e.currentTarget.value } : x)) })} {...invalid(id(`link-${i}`), msgs)} />
              <input class="faq-input" aria-label={`Link ${i + 1} address`} value={l.url} data-bulle="faq-link-url" onInput={(e) => set({ links: form.links.map((x, j) => (j === i ? { ...x, url: e.currentTarget.value } : x)) })} {...invalid(id(`link-${i}`), msgs)} />
              <button type="button" class="btn btn--ghost btn--sm" aria-label={`Remove link ${i + 1}`} onClick={() => set({ links: form.links.filter((_, j) => j !== i) })}>
                Remove
              </button>
              <FieldError forId={id(`link-${i}`)} messages={msgs} />
            </div>
          );
        })}
        <button type="button" class="link-btn" onClick={() => set({ links: [...form.links, { label: '', url: '' }] })}>
          + Add a link
        </button>
      </fieldset>

      <div class="faq-form__two">
        <div>
          <label class="field" for={id('topic')}>
            <span>Topic</span>
          </label>
          <select id={id('topic')} class="faq-input" value={form.topic} onChange={(e) => set({ topic: e.currentTarget.value })} {...invalid(id('topic'), of('topic'))}>
            <option value="">(none)</option>
            {[...new Set([...topics, ...(form.topic ? [form.topic] : [])])].map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
          <FieldError forId={id('topic')} messages={of('topic')} />
        </div>
        <div>
          <label class="field" for={id('intent')}>
            <span>Built-in intents (comma-separated; empty: read from the sentences)</span>
          </label>
          <input id={id('intent')} class="faq-input" value={form.intent} data-bulle="faq-intent" onInput={(e) => set({ intent: e.currentTarget.value })} {...invalid(id('intent'), of('intent'))} />
          <FieldError forId={id('intent')} messages={of('intent')} />
        </div>
        <label class="faq-check">
          <input type="checkbox" checked={form.draft} onChange={(e) => set({ draft: e.currentTarget.checked })} /> Draft (starter text not yet adapted to the shop)
        </label>
      </div>

      {error && (
        <p class="notice notice--error" role="alert" data-bulle="faq-error">
          {error}
        </p>
      )}
      <div class="dialog__actions">
        {!isNew && (
          <>
            <button type="button" class="btn btn--danger-ghost" data-bulle="faq-delete" disabled={busy || current.item.deleted} onClick={() => void run(() => faqApi.remove(site, lang, current.item.id, version), 'Deleted.')}>
              Delete
            </button>
            <button type="button" class="btn btn--ghost" data-bulle="faq-undo" disabled={busy || version === 0} title="Restore the previous version" onClick={() => void run(() => faqApi.undo(site, lang, current.item.id, version), 'Previous version restored.')}>
              Undo
            </button>
          </>
        )}
        {dirty && (
          <span class="muted" data-bulle="faq-dirty">
            Unsaved changes
          </span>
        )}
        <button type="submit" class="btn btn--primary" data-bulle="faq-save" disabled={busy}>
          {isNew ? 'Add entry' : 'Save'}
        </button>
      </div>

      {current && current.history.length > 0 && (
        <section class="faq-history" aria-label="Versions">
          <h3 class="panel__title">Versions</h3>
          <ol data-bulle="faq-history">
            {current.history.map((h) => (
              <li key={h.version}>
                v{h.version} · {ACTION[h.action]}
                {h.restored !== undefined ? ` (back to v${h.restored})` : ''} · {h.by.name} · {when(h.at)}
              </li>
            ))}
          </ol>
        </section>
      )}
    </form>
  );
}
