// One site's bot: hand-off words, then the FAQ matcher, then a decision with its scores
// (stored with the reply so an agent can see why the bot said what it said).
import type { BotDecision, Link } from '../protocol/types.js';
import type { FaqCatalog, Matcher } from '../../faq/index.js';
import { ANSWER_THRESHOLD, isHandoffRequest } from '../../faq/index.js';
import type { ConversationRecord } from '../storage/records.js';

/**
 * What the bot reads of a message (issue 5, "Limits"): a 5,000-character message costs the
 * matcher ~50 ms of event loop, its first 500 characters ~5 ms, and a question is in there.
 */
export const BOT_INPUT_MAX_CHARS = 500;

export interface BotReply {
  decision: BotDecision;
  /** Only for outcome 'answer'. */
  answer?: { text: string; links?: Link[]; variant: number };
}

export interface SiteBot {
  reply(text: string, lang: string, langConfidence: number, last?: ConversationRecord['lastAnswer']): BotReply;
}

export function createSiteBot(catalog: FaqCatalog, matcher: Matcher, defaultLanguage: string): SiteBot {
  return {
    reply(fullText, lang, langConfidence, last) {
      const text = fullText.slice(0, BOT_INPUT_MAX_CHARS);
      const base = { lang, langConfidence, faqId: null, confidence: 0 };
      if (isHandoffRequest(text)) return { decision: { ...base, outcome: 'handoff', via: 'handoff-words' } };
      // A language without its own FAQ is answered from the site's default language.
      const faqLang = catalog[lang] ? lang : defaultLanguage;
      const best = matcher.match(text, faqLang)[0];
      if (!best || best.confidence < ANSWER_THRESHOLD) {
        return { decision: { ...base, outcome: 'fallback', via: 'none', faqId: best?.faqId ?? null, confidence: best?.confidence ?? 0 } };
      }
      const entry = catalog[faqLang]?.entries.find((e) => e.id === best.faqId);
      if (!entry) return { decision: { ...base, outcome: 'fallback', via: 'none' } };
      const variant = pickVariant(entry.answers.length, last?.faqId === entry.id ? last.variant : -1);
      return {
        decision: { ...base, outcome: 'answer', via: best.via, faqId: entry.id, confidence: best.confidence },
        answer: { text: entry.answers[variant]!, links: entry.links, variant },
      };
    },
  };
}

/** A random variation, never the one given last time for the same entry. */
function pickVariant(count: number, previous: number): number {
  if (count <= 1) return 0;
  if (previous < 0) return Math.floor(Math.random() * count);
  const i = Math.floor(Math.random() * (count - 1));
  return i >= previous ? i + 1 : i;
}
