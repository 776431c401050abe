// A site's topic keyword rules (`topics.json` beside its FAQ files): words that name a topic
// whatever entry they match, e.g. "cassé", "inadmissible" → complaint. They let a hand-off say
// what it is about when no FAQ entry matched, or when the visitor asked for a person at once.
// Shape: [{ "lang": "fr", "topics": { "complaint": ["cassé", "abîmé"] } }], checked at start
// like the FAQ files (errors name the file and the field).
import { join } from 'node:path';
import { FaqFileError, readOptionalJson, SITE_TOPICS_FILE } from './loader.js';

/** lang → topic → keywords. */
export type TopicRules = Record<string, Record<string, string[]>>;

const TOPIC_ID = /^[a-z0-9-]+$/;

/** The site's topic rules, or {} when it has no topics.json. */
export async function loadTopicRules(dir: string): Promise<TopicRules> {
  const file = join(dir, SITE_TOPICS_FILE);
  const data = await readOptionalJson(file);
  return data === undefined ? {} : parseTopicRules(data, file);
}

/** Checks parsed topic rules; `file` only names it in errors. */
export function parseTopicRules(data: unknown, file: string): TopicRules {
  const fail = (path: string, problem: string): never => {
    throw new FaqFileError(file, path, problem);
  };
  if (!Array.isArray(data)) return fail('', 'must be an array of { "lang", "topics" }');
  const out: TopicRules = {};
  data.forEach((raw: unknown, i) => {
    const at = `[${i}]`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail(at, 'must be an object { "lang", "topics" }');
    const r = raw as Record<string, unknown>;
    for (const key of Object.keys(r)) if (key !== 'lang' && key !== 'topics') fail(`${at}.${key}`, 'unknown field');
    if (typeof r.lang !== 'string' || !/^[a-z]{2,3}$/.test(r.lang)) fail(`${at}.lang`, 'must be a language code, e.g. "fr"');
    const lang = r.lang as string;
    if (out[lang]) fail(`${at}.lang`, `"${lang}" is given twice`);
    if (typeof r.topics !== 'object' || r.topics === null || Array.isArray(r.topics)) return fail(`${at}.topics`, 'must be an object { "<topic>": ["keyword", ...] }');
    const topics: Record<string, string[]> = {};
    for (const [topic, words] of Object.entries(r.topics as Record<string, unknown>)) {
      if (!TOPIC_ID.test(topic)) fail(`${at}.topics.${topic}`, 'a topic id is lower-case letters, digits and dashes');
      const ok = Array.isArray(words) && words.length > 0 && words.every((w) => typeof w === 'string' && w.trim() !== '');
      if (!ok) fail(`${at}.topics.${topic}`, 'must be a non-empty array of keywords');
      topics[topic] = (words as string[]).map((w) => w.trim());
    }
    out[lang] = topics;
  });
  return out;
}
