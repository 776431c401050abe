// Reads a site's FAQ folder (one <lang>.json per language) once at start and checks every file
// strictly, so a merchant's typo stops the server with the file and the field to fix, instead
// of a bot that silently never answers (or sends a javascript: link to a visitor).
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FaqCatalog, FaqFile } from './types.js';
import type { LangVocabulary } from './vocabulary/types.js';
import { checkFaqFile } from '../protocol/faq-entry-check.js';
import { isIntentId } from './intents/index.js';

/** Base language codes only: detection and the site config speak "fr", never "fr-CH". */
const LANG_FILE = /^([a-z]{2,3})\.json$/;
/** A site's own shop words, beside its FAQ files (see loadSiteVocabulary). */
export const SITE_VOCABULARY_FILE = 'vocabulary.json';
/** A site's topic keyword rules, beside its FAQ files (faq/topic-rules.ts). */
export const SITE_TOPICS_FILE = 'topics.json';
const CONCEPT_ID = /^[a-z]+(_[a-z]+)*$/;

/** Thrown for any unusable FAQ file; the message reads `<file>: <field path>: <problem>`. */
export class FaqFileError extends Error {
  constructor(file: string, path: string, problem: string) {
    super(path ? `${file}: ${path}: ${problem}` : `${file}: ${problem}`);
    this.name = 'FaqFileError';
  }
}

export async function loadFaqDir(dir: string): Promise<FaqCatalog> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json') && n !== SITE_VOCABULARY_FILE && n !== SITE_TOPICS_FILE).sort();
  } catch (err) {
    throw new FaqFileError(dir, '', `cannot read the FAQ folder (${(err as Error).message})`);
  }
  if (names.length === 0) throw new FaqFileError(dir, '', 'no <lang>.json FAQ file in this folder');
  const catalog: FaqCatalog = {};
  for (const name of names) {
    const file = join(dir, name);
    const lang = LANG_FILE.exec(name)?.[1];
    if (!lang) throw new FaqFileError(file, '', 'the file name must be a language code, e.g. "fr.json"');
    let data: unknown;
    try {
      data = JSON.parse(await readFile(file, 'utf8'));
    } catch (err) {
      throw new FaqFileError(file, '', `not valid JSON (${(err as Error).message})`);
    }
    catalog[lang] = parseFaqFile(data, lang, file);
  }
  return catalog;
}

/**
 * The site's own vocabulary (`vocabulary.json` in its FAQ folder), or {} when there is none: an
 * array of `{ "lang": "fr", "concepts": { "<concept id>": ["form", ...] } }`, the shape of the
 * built-in vocabulary (faq/vocabulary/). A site adds forms to known concepts ("canapé" for
 * `item`) or names concepts of its own; the matcher puts them on top of the built-in ones.
 */
export async function loadSiteVocabulary(dir: string): Promise<Record<string, LangVocabulary>> {
  const file = join(dir, SITE_VOCABULARY_FILE);
  const data = await readOptionalJson(file);
  return data === undefined ? {} : parseSiteVocabulary(data, file);
}

/** A site's optional JSON file, parsed; undefined when there is none. Unreadable or bad JSON names the file. */
export async function readOptionalJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new FaqFileError(file, '', `cannot read (${(err as Error).message})`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new FaqFileError(file, '', `not valid JSON (${(err as Error).message})`);
  }
}

/** Checks a parsed site vocabulary; `file` only names it in errors. */
export function parseSiteVocabulary(data: unknown, file: string): Record<string, LangVocabulary> {
  const fail = (path: string, problem: string): never => {
    throw new FaqFileError(file, path, problem);
  };
  if (!Array.isArray(data)) return fail('', 'must be an array of { "lang", "concepts" }');
  const out: Record<string, LangVocabulary> = {};
  data.forEach((raw: unknown, i) => {
    const at = `[${i}]`;
    if (!isObject(raw)) return fail(at, 'must be an object { "lang", "concepts" }');
    unknownFields(raw, new Set(['lang', 'concepts']), at, fail);
    if (typeof raw.lang !== 'string' || !/^[a-z]{2,3}$/.test(raw.lang)) fail(`${at}.lang`, 'must be a language code, e.g. "fr"');
    const lang = raw.lang as string;
    if (out[lang]) fail(`${at}.lang`, `"${lang}" is given twice`);
    if (!isObject(raw.concepts)) return fail(`${at}.concepts`, 'must be an object { "<concept id>": ["form", ...] }');
    const concepts: Record<string, string[]> = {};
    for (const [id, forms] of Object.entries(raw.concepts)) {
      if (!CONCEPT_ID.test(id)) fail(`${at}.concepts.${id}`, 'a concept id is lower-case words joined by "_"');
      concepts[id] = strings(forms, `${at}.concepts.${id}`, true, fail);
    }
    out[lang] = { lang, concepts };
  });
  return out;
}

/** Checks one parsed file (protocol/faq-entry-check.ts); `file` only names it in errors, with the first problem. */
export function parseFaqFile(data: unknown, lang: string, file: string): FaqFile {
  const { file: parsed, problems } = checkFaqFile(data, lang, 'the file name', { isIntentId });
  const first = problems[0];
  if (first || !parsed) throw new FaqFileError(file, first?.path ?? '', first?.message ?? 'unusable');
  return parsed as FaqFile;
}

type Fail = (path: string, problem: string) => never;

function strings(value: unknown, path: string, nonEmpty: boolean, fail: Fail): string[] {
  const ok = Array.isArray(value) && value.every(isText) && (!nonEmpty || value.length > 0);
  if (!ok) fail(path, nonEmpty ? 'must be a non-empty array of strings' : 'must be an array of non-empty strings');
  return (value as string[]).map((s) => s.trim());
}

function unknownFields(obj: Record<string, unknown>, known: Set<string>, at: string, fail: Fail): void {
  for (const key of Object.keys(obj)) if (!known.has(key)) fail(at ? `${at}.${key}` : key, 'unknown field');
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;
