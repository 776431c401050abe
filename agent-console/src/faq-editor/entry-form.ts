// The entry form's model: what the admin types (phrasings and keywords one per line, answer
// variations and links as rows) to and from the FAQ file format, and which problem belongs to
// which field. Checked with the same rules as the server (protocol/faq-entry-check.ts).
import { checkFaqEntry, type FaqEntryData, type FieldProblem } from '../../../protocol/faq-entry-check.js';

export interface EntryForm {
  id: string;
  question: string;
  phrasings: string;
  keywords: string;
  answers: string[];
  links: { label: string; url: string }[];
  topic: string;
  draft: boolean;
  /** The built-in intents, comma-separated; empty: read from the entry's sentences. */
  intent: string;
  /** The entry named `"intent": []` (links none): kept while the field stays empty. */
  noIntent: boolean;
}

export const blankForm = (): EntryForm => ({ id: '', question: '', phrasings: '', keywords: '', answers: [''], links: [], topic: '', draft: false, intent: '', noIntent: false });

export function toForm(e: FaqEntryData | null, id = ''): EntryForm {
  if (!e) return { ...blankForm(), id };
  return {
    id: e.id,
    question: e.question,
    phrasings: e.phrasings.join('\n'),
    keywords: e.keywords.join('\n'),
    answers: e.answers.length ? [...e.answers] : [''],
    links: (e.links ?? []).map((l) => ({ ...l })),
    topic: e.topic ?? '',
    draft: e.draft === true,
    intent: [e.intent ?? []].flat().join(', '),
    noIntent: Array.isArray(e.intent) && e.intent.length === 0,
  };
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** The entry to send: empty lines and empty link rows left out (a blank answer is kept, so it is named). */
export function fromForm(f: EntryForm): FaqEntryData {
  const answers = f.answers.map((a) => a.trim()).filter(Boolean);
  const links = f.links.filter((l) => l.label.trim() || l.url.trim()).map((l) => ({ label: l.label.trim(), url: l.url.trim() }));
  const entry: FaqEntryData = { id: f.id.trim(), question: f.question.trim(), phrasings: lines(f.phrasings), keywords: lines(f.keywords), answers };
  if (links.length) entry.links = links;
  if (f.topic.trim()) entry.topic = f.topic.trim();
  if (f.draft) entry.draft = true;
  const intents = f.intent
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (intents.length) entry.intent = intents.length === 1 ? intents[0]! : intents;
  else if (f.noIntent) entry.intent = [];
  return entry;
}

/** The problems the server would name, before sending. */
export const formProblems = (f: EntryForm): FieldProblem[] => checkFaqEntry(fromForm(f)).problems;

/** The problems of one field: `answers`, `links[1]` (its label and url), `links[1].url`… */
export function problemsOf(problems: readonly FieldProblem[], field: string): string[] {
  return problems.filter((p) => p.path === field || p.path.startsWith(`${field}.`) || p.path.startsWith(`${field}[`)).map((p) => p.message);
}
