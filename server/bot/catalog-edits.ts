// A site's FAQ entries as edited in the console's FAQ editor (services/faq/faq-editor.ts): the
// latest version of each edited entry replaces the files' entry (or is a new one, or removes it).
// Applied over the read-only files before the FAQ's additions, so a phrasing learned from the
// Unanswered list still joins an edited entry. Plain data: the edits cross to the bot thread.
import type { FaqCatalog, FaqEntry } from '../../faq/index.js';
import { applyAdditions, type CatalogAddition } from './catalog-additions.js';
import type { Lang } from '../../protocol/types.js';
import type { FaqVersionRecord } from '../storage/records.js';

/** The latest version of one edited entry: its content, or null when it was deleted. */
export interface CatalogEdit {
  lang: Lang;
  id: string;
  entry: FaqEntry | null;
}

/**
 * The files' catalog with the edits applied: an edited entry keeps its place, a new one goes at
 * the end of its language, a deleted one leaves. A language without a FAQ file is skipped (the
 * editor works on the site's FAQ languages). `base` is not changed.
 */
export function applyEdits(base: FaqCatalog, edits: readonly CatalogEdit[] = []): FaqCatalog {
  if (edits.length === 0) return base;
  const catalog: FaqCatalog = { ...base };
  const byLang = new Map<Lang, CatalogEdit[]>();
  for (const e of edits) byLang.set(e.lang, [...(byLang.get(e.lang) ?? []), e]);
  for (const [lang, mine] of byLang) {
    const file = base[lang];
    if (!file) continue;
    const edited = new Map(mine.map((e) => [e.id, e.entry]));
    const entries = file.entries.flatMap((e) => {
      if (!edited.has(e.id)) return [e];
      const next = edited.get(e.id)!;
      edited.delete(e.id);
      return next ? [next] : [];
    });
    for (const added of edited.values()) if (added) entries.push(added);
    catalog[lang] = { lang: file.lang, entries };
  }
  return catalog;
}

/**
 * The bot's catalog: the files, the edits, then the additions. A new entry made from the
 * Unanswered list and edited since is the edit's (deleted stays deleted), not added again.
 */
export function siteCatalog(files: FaqCatalog, edits: readonly CatalogEdit[] = [], additions: readonly CatalogAddition[] = []): FaqCatalog {
  const edited = new Set(edits.map((e) => `${e.lang}:${e.id}`));
  return applyAdditions(
    applyEdits(files, edits),
    additions.filter((a) => a.kind !== 'entry' || !edited.has(`${a.lang}:${a.faqId}`)),
  );
}

/** What the bot applies over the files: each entry's latest version. */
export function toCatalogEdits(versions: readonly FaqVersionRecord[]): CatalogEdit[] {
  const latest = new Map<string, FaqVersionRecord>();
  for (const v of versions) {
    const key = `${v.lang}:${v.entryId}`;
    if ((latest.get(key)?.version ?? -1) < v.version) latest.set(key, v);
  }
  return [...latest.values()].map((v) => ({ lang: v.lang, id: v.entryId, entry: v.entry as FaqEntry | null }));
}
