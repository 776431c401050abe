// The rules of a FAQ file and of one entry (the documented format, docs/faq.md), in one place:
// the FAQ loader refuses a bad file at start with the first problem, the server refuses an edit
// or an import with every problem, and the console shows them next to the fields before sending.
// Dependency-free, like every protocol file: the console bundles it.
import { SAFE_LINK_PROTOCOLS } from './links.js';

/** One thing wrong, and where: `entries[3].links[0].url`, or `answers` for a single entry. */
export interface FieldProblem {
  path: string;
  message: string;
}

/** A FAQ entry as the files hold it (faq/types.ts FaqEntry has the same shape). */
export interface FaqEntryData {
  id: string;
  question: string;
  phrasings: string[];
  keywords: string[];
  answers: string[];
  links?: { label: string; url: string }[];
  topic?: string;
  draft?: boolean;
  /** Built-in shop intents the entry answers (faq/intents/): one id, a list, or [] for none. */
  intent?: string | string[];
}

/** What only the FAQ code knows: the built-in intent ids (absent, an intent's shape alone is checked). */
export interface CheckOptions {
  isIntentId?: (id: string) => boolean;
}

export interface FaqFileData {
  lang: string;
  entries: FaqEntryData[];
}

/** Entry ids and topic ids. */
export const FAQ_ID = /^[a-z0-9-]+$/;
const FILE_FIELDS = new Set(['lang', 'entries']);
const ENTRY_FIELDS = new Set(['id', 'question', 'phrasings', 'keywords', 'answers', 'links', 'topic', 'draft', 'intent']);
const LINK_FIELDS = new Set(['label', 'url']);

type Report = (path: string, message: string) => void;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;
const join = (at: string, field: string) => (at ? `${at}.${field}` : field);

/**
 * A parsed FAQ file for `lang`: the entries (trimmed) when nothing is wrong, and every problem.
 * `langWhy` says where the expected language comes from ("the file name").
 */
export function checkFaqFile(data: unknown, lang: string, langWhy = 'the file name', opts: CheckOptions = {}): { file?: FaqFileData; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const report: Report = (path, message) => void problems.push({ path, message });
  if (!isObject(data)) return { problems: [{ path: '', message: 'must be an object { "lang", "entries" }' }] };
  unknownFields(data, FILE_FIELDS, '', report);
  if (data.lang !== lang) report('lang', `must be "${lang}" (${langWhy})`);
  if (!Array.isArray(data.entries) || data.entries.length === 0) {
    report('entries', 'must be a non-empty array');
    return { problems };
  }
  const seen = new Set<string>();
  const entries: FaqEntryData[] = [];
  (data.entries as unknown[]).forEach((raw, i) => {
    const at = `entries[${i}]`;
    const entry = checkEntryAt(raw, at, report, opts);
    const id = isObject(raw) && typeof raw.id === 'string' ? raw.id : undefined;
    if (id !== undefined && seen.has(id)) report(`${at}.id`, `"${id}" is used twice`);
    if (id !== undefined) seen.add(id);
    if (entry) entries.push(entry);
  });
  return problems.length ? { problems } : { file: { lang, entries }, problems };
}

/** One entry (an edit from the console): the entry (trimmed) when nothing is wrong, and every problem. */
export function checkFaqEntry(raw: unknown, opts: CheckOptions = {}): { entry?: FaqEntryData; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const entry = checkEntryAt(raw, '', (path, message) => void problems.push({ path, message }), opts);
  return entry && !problems.length ? { entry, problems } : { problems };
}

/** `entries[2] ("returns").answers: must be …` — a problem as a person reads it. */
export function describeProblem(p: FieldProblem, data?: unknown): string {
  const m = /^entries\[(\d+)\]/.exec(p.path);
  const entries = isObject(data) && Array.isArray(data.entries) ? data.entries : [];
  const raw = m ? entries[Number(m[1])] : undefined;
  const id = isObject(raw) && typeof raw.id === 'string' ? ` ("${raw.id}")` : '';
  const path = m ? p.path.replace(m[0], `${m[0]}${id}`) : p.path;
  return path ? `${path}: ${p.message}` : p.message;
}

function checkEntryAt(raw: unknown, at: string, report: Report, opts: CheckOptions): FaqEntryData | undefined {
  if (!isObject(raw)) {
    report(at, 'must be an object');
    return undefined;
  }
  let ok = true;
  const fail: Report = (path, message) => {
    ok = false;
    report(path, message);
  };
  unknownFields(raw, ENTRY_FIELDS, at, fail);
  if (typeof raw.id !== 'string' || !FAQ_ID.test(raw.id)) fail(join(at, 'id'), 'must be lower-case letters, digits and dashes');
  if (!isText(raw.question)) fail(join(at, 'question'), 'must be a non-empty string');
  const phrasings = strings(raw.phrasings, join(at, 'phrasings'), false, fail);
  const keywords = strings(raw.keywords, join(at, 'keywords'), false, fail);
  const answers = strings(raw.answers, join(at, 'answers'), true, fail);
  if (raw.topic !== undefined && (typeof raw.topic !== 'string' || !FAQ_ID.test(raw.topic))) {
    fail(join(at, 'topic'), 'must be a topic id: lower-case letters, digits and dashes');
  }
  if (raw.draft !== undefined && typeof raw.draft !== 'boolean') fail(join(at, 'draft'), 'must be true or false');
  if (raw.intent !== undefined) {
    const ids = typeof raw.intent === 'string' ? [raw.intent] : raw.intent;
    const known = opts.isIntentId ?? (() => true);
    const bad = Array.isArray(ids) ? ids.find((id) => typeof id !== 'string' || !known(id)) : raw.intent;
    if (bad !== undefined) fail(join(at, 'intent'), `must be a built-in intent id or a list of them (unknown: ${JSON.stringify(bad)}; see faq/intents/catalog.ts)`);
  }
  let links: FaqEntryData['links'];
  if (raw.links !== undefined) {
    if (!Array.isArray(raw.links)) fail(join(at, 'links'), 'must be an array of { "label", "url" }');
    else links = raw.links.map((l, j) => checkLink(l, `${join(at, 'links')}[${j}]`, fail));
  }
  if (!ok) return undefined;
  const entry: FaqEntryData = { id: raw.id as string, question: (raw.question as string).trim(), phrasings, keywords, answers };
  if (links) entry.links = links;
  if (raw.topic !== undefined) entry.topic = raw.topic as string;
  if (raw.draft === true) entry.draft = true;
  if (raw.intent !== undefined) entry.intent = Array.isArray(raw.intent) ? [...(raw.intent as string[])] : (raw.intent as string);
  return entry;
}

function checkLink(raw: unknown, at: string, fail: Report): { label: string; url: string } {
  if (!isObject(raw)) {
    fail(at, 'must be an object { "label", "url" }');
    return { label: '', url: '' };
  }
  unknownFields(raw, LINK_FIELDS, at, fail);
  if (!isText(raw.label)) fail(`${at}.label`, 'must be a non-empty string');
  let url: URL | undefined;
  try {
    url = new URL(String(raw.url));
  } catch {
    fail(`${at}.url`, 'must be an absolute URL');
  }
  // Links reach visitors' browsers: anything but these could run script or open an app.
  if (url && (typeof raw.url !== 'string' || !SAFE_LINK_PROTOCOLS.has(url.protocol))) fail(`${at}.url`, 'must use http:, https: or mailto:');
  return { label: isText(raw.label) ? raw.label.trim() : '', url: String(raw.url) };
}

function strings(value: unknown, path: string, nonEmpty: boolean, fail: Report): string[] {
  const ok = Array.isArray(value) && value.every(isText) && (!nonEmpty || value.length > 0);
  if (!ok) {
    fail(path, nonEmpty ? 'must be a non-empty array of strings' : 'must be an array of non-empty strings');
    return [];
  }
  return (value as string[]).map((s) => s.trim());
}

function unknownFields(obj: Record<string, unknown>, known: Set<string>, at: string, report: Report): void {
  for (const key of Object.keys(obj)) if (!known.has(key)) report(join(at, key), 'unknown field');
}
