// The console's Unanswered list, grouped: a question asked twenty times is one line with a count,
// not twenty lines. Questions group when they read the same once case, accents, punctuation,
// e-mails, links and figures (order numbers, amounts, dates) are set aside. This runs on the
// server thread, which never loads faq/ (its analyser needs the language's stemmer and lexicon):
// a plain normaliser is enough to put "Where is order #48213?" beside "where is order 50122".
import type { FaqAddition, UnansweredGroup, UnansweredItem } from '../../../protocol/types.js';

const MARKS = /\p{M}+/gu;
const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/g;
const URL = /\b(?:https?:\/\/|www\.)\S+/gi;
/** A word with a digit in it: an order or tracking number, an amount, a date, a size. */
const FIGURE = /[\p{L}\p{N}_#-]*\p{N}[\p{L}\p{N}_#.,:/-]*/gu;
const NOT_WORD = /[^\p{L}\p{N}#@]+/gu;

/** The text two near-identical questions share: "Où est ma commande #48213 ??" → "ou est ma commande #". */
export function questionKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(EMAIL, ' @ ')
    .replace(URL, ' / ')
    .replace(FIGURE, ' # ')
    .replace(NOT_WORD, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

const groupKey = (lang: string, text: string) => `${lang}:${questionKey(text)}`;

/**
 * `items` newest first (as the store lists them) → groups newest first, each with its newest
 * question's words and id, a count, and the latest addition (not dismissed) made from one of
 * its questions or from a question that reads the same.
 */
export function groupUnanswered(items: readonly UnansweredItem[], additions: readonly FaqAddition[] = []): UnansweredGroup[] {
  const groups = new Map<string, UnansweredGroup & { ids: Set<string> }>();
  for (const item of items) {
    const key = groupKey(item.lang, item.text);
    const group = groups.get(key);
    if (group) {
      group.count++;
      group.ids.add(item.id);
      if (!group.reasons.includes(item.reason)) group.reasons.push(item.reason);
      continue;
    }
    groups.set(key, {
      key,
      text: item.text,
      lang: item.lang,
      count: 1,
      latestAt: item.at,
      id: item.id,
      conversationId: item.conversationId,
      reasons: [item.reason],
      ...(item.best ? { best: item.best } : {}),
      ...(item.candidates ? { candidates: item.candidates } : {}),
      ids: new Set([item.id]),
    });
  }
  const list = [...groups.values()];
  for (const a of additions) {
    if (a.status === 'dismissed') continue;
    const byText = groups.get(groupKey(a.lang, a.text));
    const targets = new Set(byText ? [byText] : []);
    if (a.unansweredId) for (const g of list) if (g.ids.has(a.unansweredId)) targets.add(g);
    for (const g of targets) {
      if (!g.attached || g.attached.at <= a.at) {
        g.attached = { additionId: a.id, faqId: a.faqId, kind: a.kind, status: a.status, at: a.at };
      }
    }
  }
  return list.sort((a, b) => b.latestAt - a.latestAt).map(({ ids: _ids, ...g }) => g);
}
