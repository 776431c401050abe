// A site's FAQ as the bot uses it: its files (read-only) plus the additions made from the
// console (services/faq/faq-additions.ts). Plain data on both sides: the additions cross to the bot
// thread, and the files' catalog is kept untouched so a reload starts again from it.
import type { FaqCatalog, FaqEntry } from '../../faq/index.js';
import type { Lang } from '../../protocol/types.js';
import type { FaqAdditionRecord } from '../storage/records.js';

/** What the bot needs of one active addition (protocol FaqAddition, reduced). */
export interface CatalogAddition {
  kind: 'phrasing' | 'entry';
  lang: Lang;
  faqId: string;
  text: string;
  answer?: string;
}

/**
 * The files' catalog with the additions applied, in order: a phrasing joins its entry (skipped
 * when the entry is gone from the files, or already has it); a new entry joins its language's
 * FAQ (skipped when that language has no file, or the id is taken). `base` is not changed.
 */
export function applyAdditions(base: FaqCatalog, additions: readonly CatalogAddition[] = []): FaqCatalog {
  if (additions.length === 0) return base;
  const catalog: FaqCatalog = {};
  for (const [lang, file] of Object.entries(base)) {
    catalog[lang] = { lang: file.lang, entries: file.entries.map((e) => ({ ...e, phrasings: [...e.phrasings] })) };
  }
  for (const a of additions) {
    const entries = catalog[a.lang]?.entries;
    if (!entries) continue;
    const entry = entries.find((e) => e.id === a.faqId);
    if (a.kind === 'phrasing') {
      if (entry && !entry.phrasings.includes(a.text) && entry.question !== a.text) entry.phrasings.push(a.text);
    } else if (!entry && a.answer) {
      const added: FaqEntry = { id: a.faqId, question: a.text, phrasings: [], keywords: [], answers: [a.answer] };
      entries.push(added);
    }
  }
  return catalog;
}

/** What the bot applies over the files: the active additions, oldest first. */
export function toCatalogAdditions(records: readonly FaqAdditionRecord[]): CatalogAddition[] {
  return records
    .filter((r) => r.status === 'active')
    .map((r) => ({ kind: r.kind, lang: r.lang, faqId: r.faqId, text: r.text, ...(r.answer ? { answer: r.answer } : {}) }));
}
