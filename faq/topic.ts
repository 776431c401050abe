// What a visitor's message is about, as one of the site's topics, for routing a hand-off to the
// agents with that skill (server/routing/). Two signals, read together: the topics of the
// matcher's best candidates (an entry the merchant filed under "returns" says the message is
// about returns even when it is not sure enough to answer it), and the site's topic keyword
// rules (faq/topic-rules.ts), which also work when no entry matched or the visitor asked for a
// person outright. Pure: the server stores the reading with the bot's decision.
import type { Lang } from '../protocol/types.js';
import { analyze } from './analyzer.js';
import { createKeywordRules, type KeywordRules } from './keyword-rules.js';
import type { TopicRules } from './topic-rules.js';
import type { FaqCatalog, MatchCandidate } from './types.js';

export interface TopicReading {
  id: string;
  /** 0..1: how much more the best topic is supported than the next one. */
  confidence: number;
  /** 'faq': from the candidates' entries; 'keywords': from a topic rule; 'both'. */
  via: 'faq' | 'keywords' | 'both';
}

/** How many candidates vote: beyond the third, entries are mostly noise. */
const VOTERS = 3;
/** Below this support the best topic is a guess, not a reading. */
const MIN_SUPPORT = 0.2;

/**
 * Combines the two signals per topic (noisy-or: independent evidence adds up, never past 1) and
 * returns the best topic, or null when nothing supports any. `topicOf`: faqId → topic.
 */
export function readTopic(
  candidates: readonly MatchCandidate[],
  topicOf: (faqId: string) => string | undefined,
  keywordHits: ReadonlyMap<string, number> = new Map(),
): TopicReading | null {
  const missed = new Map<string, { faq: number; keywords: number }>();
  const of = (t: string) => missed.get(t) ?? (missed.set(t, { faq: 1, keywords: 1 }), missed.get(t)!);
  for (const c of candidates.slice(0, VOTERS)) {
    const topic = topicOf(c.faqId);
    if (topic) of(topic).faq *= 1 - Math.max(0, Math.min(1, c.confidence));
  }
  for (const [topic, specificity] of keywordHits) of(topic).keywords *= 1 - specificity;
  const ranked = [...missed]
    .map(([topic, m]) => ({ topic, support: 1 - m.faq * m.keywords, faq: m.faq < 1, keywords: m.keywords < 1 }))
    .sort((a, b) => b.support - a.support || (a.topic < b.topic ? -1 : 1));
  const best = ranked[0];
  if (!best || best.support < MIN_SUPPORT) return null;
  const second = ranked[1]?.support ?? 0;
  const confidence = Math.round(Math.max(0, best.support - second / 2) * 1000) / 1000;
  return { id: best.topic, confidence, via: best.faq && best.keywords ? 'both' : best.faq ? 'faq' : 'keywords' };
}

export interface TopicReader {
  read(text: string, lang: Lang, candidates: readonly MatchCandidate[]): TopicReading | null;
}

/** A site's reader: its entries' topics (per language) and its keyword rules (per language). */
export function createTopicReader(catalog: FaqCatalog, rules: TopicRules = {}): TopicReader {
  const topics = new Map<string, string>();
  for (const file of Object.values(catalog)) for (const e of file?.entries ?? []) if (e.topic) topics.set(e.id, e.topic);
  const byLang = new Map<string, KeywordRules>();
  for (const [lang, perTopic] of Object.entries(rules)) {
    const entries = Object.entries(perTopic).map(([id, keywords]) => ({ id, keywords, question: id, phrasings: [], answers: [id] }));
    byLang.set(lang, createKeywordRules(entries, lang));
  }
  return {
    read(text, lang, candidates) {
      const rule = byLang.get(lang);
      const hits = rule ? rule.match(analyze(text, lang)) : undefined;
      return readTopic(candidates, (id) => topics.get(id), hits);
    },
  };
}
