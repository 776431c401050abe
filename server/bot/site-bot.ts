// One site's bot: hand-off words, small talk, then the FAQ matcher, then a decision with its
// scores (stored with the reply so an agent can see why the bot said what it said).
import type { BotDecision, Link } from '../../protocol/types.js';
import type { FaqCatalog, Matcher, MatchCandidate, Thresholds, TopicReader } from '../../faq/index.js';
import { DEFAULT_THRESHOLDS, decideMessage, smallTalkReply } from '../../faq/index.js';
import type { ConversationRecord } from '../storage/records.js';
import { BOT_INPUT_MAX_CHARS } from './limits.js';

export { BOT_INPUT_MAX_CHARS };

export interface BotReply {
  decision: BotDecision;
  /** Only for outcome 'answer'. */
  answer?: { text: string; links?: Link[]; variant: number };
  /**
   * Only for outcome 'smalltalk': the reply in the visitor's language, and what to keep as the
   * conversation's lastAnswer so the next reply of that kind is worded differently.
   */
  smallTalk?: { text: string; lastAnswer: { faqId: string; variant: number } };
}

/** ConversationRecord.lastAnswer's id for a small-talk reply (no FAQ entry has a colon in its id). */
const smallTalkAnswerId = (kind: string) => `smalltalk:${kind}`;

export interface SiteBot {
  reply(text: string, lang: string, langConfidence: number, last?: ConversationRecord['lastAnswer']): BotReply;
  /** The same reply, with every candidate the matcher gave and its component scores (the FAQ editor's test box). */
  explain(text: string, lang: string, langConfidence: number): { reply: BotReply; candidates: MatchCandidate[] };
}

export function createSiteBot(
  catalog: FaqCatalog,
  matcher: Matcher,
  defaultLanguage: string,
  thresholds: Thresholds = DEFAULT_THRESHOLDS,
  topics?: TopicReader,
): SiteBot {
  /**
   * What the message is about, for routing a hand-off by skill. A request for a person skips the
   * matcher, so it is asked here: "je veux un humain, mon colis est cassé" is about a complaint.
   */
  const readTopic = (text: string, faqLang: string, candidates: MatchCandidate[], handoff: boolean) => {
    const reading = topics?.read(text, faqLang, handoff ? matcher.match(text, faqLang) : candidates);
    return reading ? { topic: { id: reading.id, confidence: reading.confidence, via: reading.via } } : {};
  };
  /** The reply, and the matcher's candidates it was decided from. */
  const run = (fullText: string, lang: string, langConfidence: number, last?: ConversationRecord['lastAnswer']): { reply: BotReply; candidates: MatchCandidate[] } => {
    const text = fullText.slice(0, BOT_INPUT_MAX_CHARS);
    // A language without its own FAQ is answered from the site's default language (and says so).
    const faqLang = catalog[lang] ? lang : defaultLanguage;
    const d = decideMessage(matcher, text, faqLang, thresholds);
    const out = (reply: BotReply) => ({ reply, candidates: d.candidates });
    const best = d.candidates[0];
    const topic = d.outcome === 'smalltalk' ? {} : readTopic(text, faqLang, d.candidates, d.outcome === 'handoff');
    const base: BotDecision = {
      outcome: 'fallback',
      via: best?.via ?? 'none',
      lang,
      langConfidence,
      faqId: best?.faqId ?? null,
      confidence: d.confidence,
      ...(faqLang !== lang ? { faqLang } : {}),
      scores: d.scores,
      candidates: d.candidates.slice(0, 3).map((c) => ({ faqId: c.faqId, confidence: c.confidence })),
      ...topic,
    };
    if (d.outcome === 'handoff') return out({ decision: { ...base, outcome: 'handoff', via: 'handoff-words', faqId: null, confidence: 0 } });
    if (d.outcome === 'smalltalk') {
      // In the visitor's language, not the FAQ's: small talk needs no FAQ.
      const id = smallTalkAnswerId(d.kind);
      const { faqLang: _, ...rest } = base;
      const said = smallTalkReply(d.kind, lang, last?.faqId === id ? last.variant : -1);
      return out({
        decision: { ...rest, outcome: 'smalltalk', via: 'small-talk', faqId: null, confidence: 1, smallTalk: d.kind },
        smallTalk: { text: said.text, lastAnswer: { faqId: id, variant: said.variant } },
      });
    }
    const entries = catalog[faqLang]?.entries ?? [];
    if (d.outcome === 'suggest') {
      const suggestions = (d.suggestions ?? []).flatMap((id) => {
        const e = entries.find((x) => x.id === id);
        return e ? [{ faqId: id, question: e.question }] : [];
      });
      if (suggestions.length) return out({ decision: { ...base, outcome: 'suggest', suggestions } });
    }
    const entry = d.outcome === 'answer' ? entries.find((e) => e.id === d.faqId) : undefined;
    if (!entry) return out({ decision: base });
    const variant = pickVariant(entry.answers.length, last?.faqId === entry.id ? last.variant : -1);
    return out({
      decision: { ...base, outcome: 'answer', faqId: entry.id },
      answer: { text: entry.answers[variant]!, links: entry.links, variant },
    });
  };
  return {
    reply: (text, lang, langConfidence, last) => run(text, lang, langConfidence, last).reply,
    explain: (text, lang, langConfidence) => run(text, lang, langConfidence),
  };
}

/** A random variation, never the one given last time for the same entry. */
function pickVariant(count: number, previous: number): number {
  if (count <= 1) return 0;
  if (previous < 0) return Math.floor(Math.random() * count);
  const i = Math.floor(Math.random() * (count - 1));
  return i >= previous ? i + 1 : i;
}
