// "Add as a phrasing of…": the FAQ entries of the question's language, the bot's own candidates
// for it first (with how sure it was), then whatever the search finds in questions, phrasings and ids.
import { useMemo, useState } from 'preact/hooks';
import type { FaqEntrySummary, UnansweredGroup } from '../../../protocol/types.js';

interface Props {
  group: UnansweredGroup;
  /** null while loading. */
  entries: FaqEntrySummary[] | null;
  onPick(faqId: string): Promise<void>;
}

const MAX_RESULTS = 8;
const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();

export function FaqEntryPicker({ group, entries, onPick }: Props) {
  const [query, setQuery] = useState('');
  const [busy, setBusy] = useState(false);
  const confidence = new Map((group.candidates ?? (group.best ? [group.best] : [])).map((c) => [c.faqId, c.confidence]));
  const results = useMemo(() => {
    if (!entries) return [];
    // The question's language, or the default FAQ's when the site has none in it (the server decides).
    const own = entries.filter((e) => e.lang === group.lang);
    const pool = own.length ? own : entries;
    const words = fold(query).split(/\s+/).filter(Boolean);
    if (words.length === 0) {
      const first = [...confidence.keys()].flatMap((id) => pool.filter((e) => e.id === id).slice(0, 1));
      return first.length ? first : pool.slice(0, MAX_RESULTS);
    }
    return pool.filter((e) => words.every((w) => fold([e.id, e.question, ...e.phrasings].join(' ')).includes(w))).slice(0, MAX_RESULTS);
  }, [entries, query, group.key]);

  const pick = async (faqId: string) => {
    setBusy(true);
    await onPick(faqId);
    setBusy(false);
  };
  return (
    <div class="learn__panel" data-bulle="attach-panel">
      <input
        class="learn__search"
        type="search"
        placeholder="Search the FAQ (question, phrasing or id)"
        aria-label="Search the FAQ"
        data-bulle="attach-search"
        value={query}
        onInput={(e) => setQuery(e.currentTarget.value)}
      />
      {entries === null && <p class="panel__hint">Loading the FAQ…</p>}
      {entries && results.length === 0 && <p class="panel__hint">No entry matches.</p>}
      <ul class="learn__results">
        {results.map((e) => (
          <li key={`${e.lang}:${e.id}`}>
            <button type="button" class="learn__entry" data-bulle="attach-entry" data-faq-id={e.id} disabled={busy} onClick={() => void pick(e.id)}>
              <span class="learn__entry-question">{e.question}</span>
              <span class="panel__hint">
                {e.id}
                {confidence.has(e.id) ? ` · bot's candidate, ${Math.round(confidence.get(e.id)! * 100)} %` : ''}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
