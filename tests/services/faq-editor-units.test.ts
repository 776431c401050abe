// The FAQ editor's pure parts: the bot's catalog with the edits applied (latest version wins, an
// edited entry keeps its place, a deleted one leaves, the files' catalog untouched), and the
// entry and file checks every side shares (all problems at once, each naming its entry and field).
import { describe, expect, it } from 'vitest';
import { applyEdits, siteCatalog, toCatalogEdits } from '../../server/bot/catalog-edits.js';
import { checkFaqEntry, checkFaqFile, describeProblem } from '../../protocol/faq-entry-check.js';
import type { FaqCatalog } from '../../faq/index.js';
import type { FaqVersionRecord } from '../../server/storage/records.js';

const entry = (id: string, answer = `${id} answer`) => ({ id, question: `${id}?`, phrasings: [], keywords: [], answers: [answer] });
const files: FaqCatalog = { en: { lang: 'en', entries: [entry('a'), entry('b'), entry('c')] } };
const version = (entryId: string, v: number, e: ReturnType<typeof entry> | null, lang = 'en'): FaqVersionRecord => ({
  siteId: 's',
  lang,
  entryId,
  version: v,
  entry: e,
  action: e ? 'save' : 'delete',
  by: { agentId: 'x', name: 'X' },
  at: v,
});

describe('applyEdits', () => {
  it('puts each edited entry\'s latest version in its place, removes deleted ones, adds new ones last', () => {
    const edits = toCatalogEdits([version('b', 1, entry('b', 'old')), version('c', 1, null), version('b', 2, entry('b', 'new')), version('z', 1, entry('z')), version('a', 1, entry('a'), 'fr')]);
    const out = applyEdits(files, edits);
    expect(out.en!.entries.map((e) => [e.id, e.answers[0]])).toEqual([
      ['a', 'a answer'],
      ['b', 'new'],
      ['z', 'z answer'],
    ]);
    // No French FAQ file: the French edit is skipped, and the files' catalog is as it was.
    expect(out.fr).toBeUndefined();
    expect(files.en!.entries.map((e) => e.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('siteCatalog', () => {
  it('applies the additions after the edits; an added entry deleted in the editor stays deleted', () => {
    const additions = [
      { kind: 'entry' as const, lang: 'en', faqId: 'new', text: 'New?', answer: 'Yes' },
      { kind: 'phrasing' as const, lang: 'en', faqId: 'b', text: 'bee?' },
    ];
    const kept = siteCatalog(files, toCatalogEdits([version('b', 1, entry('b', 'edited'))]), additions);
    expect(kept.en!.entries.map((e) => e.id)).toEqual(['a', 'b', 'c', 'new']);
    expect(kept.en!.entries[1]).toMatchObject({ answers: ['edited'], phrasings: ['bee?'] });
    const gone = siteCatalog(files, toCatalogEdits([version('new', 1, null)]), additions);
    expect(gone.en!.entries.map((e) => e.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('checkFaqEntry and checkFaqFile', () => {
  it('names every problem of an entry at once', () => {
    const { entry: ok, problems } = checkFaqEntry({ id: 'Bad Id', question: ' ', phrasings: ['x'], keywords: 'k', answers: [], links: [{ label: 'x', url: 'javascript:alert(1)' }], extra: 1 });
    expect(ok).toBeUndefined();
    expect(problems.map((p) => p.path)).toEqual(['extra', 'id', 'question', 'keywords', 'answers', 'links[0].url']);
  });

  it('trims a good entry and drops a false draft', () => {
    expect(checkFaqEntry({ ...entry('a'), question: ' a? ', draft: false })).toEqual({ entry: { ...entry('a'), question: 'a?' }, problems: [] });
  });

  it('names the entry by position and id in a file', () => {
    const data = { lang: 'en', entries: [entry('a'), { ...entry('b'), answers: [] }, entry('a')] };
    const { file, problems } = checkFaqFile(data, 'en', 'the language imported into');
    expect(file).toBeUndefined();
    expect(problems.map((p) => describeProblem(p, data))).toEqual([
      'entries[1] ("b").answers: must be a non-empty array of strings',
      'entries[2] ("a").id: "a" is used twice',
    ]);
    expect(checkFaqFile({ ...data, lang: 'fr' }, 'en', 'the language imported into').problems[0]).toEqual({ path: 'lang', message: 'must be "en" (the language imported into)' });
  });
});
