// What the console's FAQ editor shows of one FAQ language, from what the bot uses (files, edits,
// additions: bot/engine.ts FaqLangView) and the language's stored versions. Pure.
import type { FaqEditorEntry, FaqEditorListItem, FaqEntryData, FaqEntryVersion } from '../../../protocol/types.js';
import type { FaqLangView } from '../../bot/engine.js';
import type { FaqVersionRecord } from '../../storage/records.js';

/** Each entry's versions, oldest first. */
export function versionsById(versions: readonly FaqVersionRecord[]): Map<string, FaqVersionRecord[]> {
  const by = new Map<string, FaqVersionRecord[]>();
  for (const v of versions) by.set(v.entryId, [...(by.get(v.entryId) ?? []), v]);
  for (const list of by.values()) list.sort((a, b) => a.version - b.version);
  return by;
}

/** The version a save of this entry must name: its latest, 0 when never edited. */
export const latestVersion = (versions: readonly FaqVersionRecord[] | undefined): number => versions?.at(-1)?.version ?? 0;

/** The entry as the bot uses it, in the file format (what a save or an export holds). */
export function asData(e: FaqEntryData): FaqEntryData {
  const out: FaqEntryData = { id: e.id, question: e.question, phrasings: [...e.phrasings], keywords: [...e.keywords], answers: [...e.answers] };
  if (e.links?.length) out.links = e.links.map((l) => ({ label: l.label, url: l.url }));
  if (e.topic) out.topic = e.topic;
  if (e.draft) out.draft = true;
  if (e.intent !== undefined) out.intent = Array.isArray(e.intent) ? [...e.intent] : e.intent;
  return out;
}

/** Same content (what an import leaves alone). */
export const sameEntry = (a: FaqEntryData | null | undefined, b: FaqEntryData | null | undefined): boolean =>
  JSON.stringify(a ? asData(a) : null) === JSON.stringify(b ? asData(b) : null);

/** The language's entries in the bot's order, then those deleted in the editor (so an undo can bring them back). */
export function listItems(faq: FaqLangView, versions: readonly FaqVersionRecord[]): FaqEditorListItem[] {
  const by = versionsById(versions);
  const inFiles = new Set(faq.inFiles);
  const item = (id: string, question: string, draft: boolean, deleted: boolean): FaqEditorListItem => ({
    id,
    question,
    draft,
    edited: by.has(id),
    deleted,
    version: latestVersion(by.get(id)),
    inFiles: inFiles.has(id),
  });
  const live = faq.current.map((e) => item(e.id, e.question, e.draft === true, false));
  const shown = new Set(live.map((i) => i.id));
  const gone = [...by.entries()]
    .filter(([id, list]) => !shown.has(id) && list.at(-1)!.entry === null)
    .map(([id, list]) => item(id, lastQuestion(list) ?? faq.base.find((e) => e.id === id)?.question ?? id, false, true));
  return [...live, ...gone];
}

/** One entry with its history, newest first; undefined when the language never had it. */
export function entryView(faq: FaqLangView, versions: readonly FaqVersionRecord[], id: string): FaqEditorEntry | undefined {
  const item = listItems(faq, versions).find((i) => i.id === id);
  if (!item) return undefined;
  const entry = faq.current.find((e) => e.id === id);
  const history = (versionsById(versions).get(id) ?? []).map(({ siteId: _site, ...v }): FaqEntryVersion => v).reverse();
  return { item, entry: entry && !item.deleted ? asData(entry) : null, history };
}

function lastQuestion(list: readonly FaqVersionRecord[]): string | undefined {
  for (let i = list.length - 1; i >= 0; i--) if (list[i]!.entry) return list[i]!.entry!.question;
  return undefined;
}
