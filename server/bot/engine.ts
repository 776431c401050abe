// The bot's synchronous work on one message, for every site: the language it is written in, then
// the FAQ decision (bot/site-bot.ts). It holds the FAQ indexes, the matcher caches and the
// language detector's tables, so it runs on a thread of its own (bot-thread.ts) and the thread
// that serves the sockets never loads any of it; BULLE_BOT_THREAD=false runs it inline (bots.ts).
import {
  createFaqMatcher,
  createLanguageDetector,
  createTopicReader,
  FaqFileError,
  loadFaqDir,
  loadTopicRules,
  loadSiteVocabulary,
  smallTalkLanguage,
  type Detection,
  type FaqCatalog,
  type FaqEntry,
  type LangVocabulary,
  type Thresholds,
  type TopicRules,
} from '../../faq/index.js';
import type { Lang } from '../../protocol/types.js';
import type { ConversationRecord } from '../storage/records.js';
import { createSiteBot, type BotReply, type SiteBot } from './site-bot.js';
import type { FaqEntrySummary, FaqTestResult } from '../../protocol/types.js';
import { applyAdditions, type CatalogAddition } from './catalog-additions.js';
import { siteCatalog, type CatalogEdit } from './catalog-edits.js';
import { INTENTS } from '../../faq/intents/index.js';

/** What the engine needs of a site (plain data: it crosses to the bot thread). */
export interface BotSite {
  id: string;
  languages: Lang[];
  defaultLanguage: Lang;
  /** Absolute. */
  faqDir: string;
  thresholds?: Thresholds;
  /** The active FAQ additions made from the console, applied over the files in this order. */
  additions?: CatalogAddition[];
  /** The entries edited in the console's FAQ editor (their latest versions), applied before the additions. */
  edits?: CatalogEdit[];
  /** The site's topic ids: the FAQ's and the topic rules' topics must be among them. Absent = not checked. */
  topics?: string[];
}

/** Hints besides the text (faq/types.ts, DetectHints; the site gives the allowed languages and the fallback). */
export interface LanguageHints {
  browser: string[];
  page?: string;
  /** The conversation's language so far: short messages do not switch it. */
  conversation?: Lang;
}

export interface ThinkRequest {
  siteId: string;
  /** At most BOT_INPUT_MAX_CHARS (the caller cuts it). */
  text: string;
  hints: LanguageHints;
  /** Chosen by the visitor or an agent: no detection. */
  locked?: Detection;
  last?: ConversationRecord['lastAnswer'];
}

/** Each FAQ language's entries, in file order: id and question (for the welcome's topics). */
export type FaqQuestions = Record<Lang, { id: string; question: string }[]>;

/** One FAQ language of a site, for the console's FAQ editor. */
export interface FaqLangView {
  /** The ids the site's FAQ file has. */
  inFiles: string[];
  /** The entries before any edit (the files plus the FAQ's additions): what an undo of a first edit goes back to. */
  base: FaqEntry[];
  /** The entries as the bot uses them now. */
  current: FaqEntry[];
  /** The built-in intent ids an entry's `intent` may name (faq/intents/). */
  intents: string[];
}

/** A question tried in the FAQ editor: in `lang`, or in the language the detector finds. */
export interface TestRequest {
  siteId: string;
  text: string;
  lang?: Lang;
}

export interface Thought {
  detected: Detection;
  reply: BotReply;
}

export interface BotEngine {
  addSite(site: BotSite): Promise<FaqQuestions>;
  /**
   * The site's FAQ again, from the files read by addSite plus these additions: a new matcher, so
   * its cache holds nothing of the old FAQ; the next message is matched against the new one.
   */
  reloadSite(siteId: string, additions: CatalogAddition[], edits?: CatalogEdit[]): void;
  /** The site's entries as the bot uses them, for the console. */
  entries(siteId: string): FaqEntrySummary[];
  /** One FAQ language of the site, for the FAQ editor; null when the site has no FAQ in it. */
  faq(siteId: string, lang: Lang): FaqLangView | null;
  think(req: ThinkRequest): Thought;
  /** The bot's decision on a question with every candidate's component scores, on the current FAQ. */
  test(req: TestRequest): FaqTestResult;
}

/**
 * A first message that is only small talk says its language better than the detector can from
 * one word and the browser's hint ("hola" from a browser set to English is Spanish). Later in a
 * conversation its language stands: a "thanks" in a French chat is still a French chat.
 */
function smallTalkDetection(site: BotSite, text: string, hints: LanguageHints, detected: Detection): Detection {
  if (hints.conversation) return detected;
  const lang = smallTalkLanguage(text, site.languages, detected.lang);
  return lang && lang !== detected.lang ? { lang, confidence: Math.max(detected.confidence, SMALL_TALK_LANG_CONFIDENCE) } : detected;
}

/** How sure a language told by small-talk words is (a word list, not a statistical guess). */
const SMALL_TALK_LANG_CONFIDENCE = 0.8;

export function createBotEngine({ cacheSize }: { cacheSize?: number } = {}): BotEngine {
  const detector = createLanguageDetector();
  const sites = new Map<string, { site: BotSite; bot: SiteBot; files: FaqCatalog; vocabulary: Record<Lang, LangVocabulary>; rules: TopicRules; catalog: FaqCatalog }>();
  const siteOf = (id: string) => {
    const s = sites.get(id);
    if (!s) throw new Error(`bot: unknown site "${id}"`);
    return s;
  };
  const detect = (site: BotSite, text: string, hints: LanguageHints): Detection =>
    detector.detect(text, { allowed: site.languages, fallback: site.defaultLanguage, ...hints });
  /**
   * Ask the FAQ its own questions once: the code paths are compiled and the matcher's cache holds
   * the likeliest questions before the first visitor writes (bench:load: a cold bot thread was
   * saturated for the first seconds of a burst of new visitors). Same answers as without it.
   */
  const warmUp = (site: BotSite, catalog: FaqCatalog, bot: SiteBot) => {
    for (const [lang, faq] of Object.entries(catalog)) {
      for (const entry of faq?.entries ?? []) {
        for (const text of [entry.question, ...entry.phrasings]) {
          detect(site, text, { browser: [lang] });
          bot.reply(text, lang, 1);
        }
      }
    }
  };
  const build = (site: BotSite, files: FaqCatalog, vocabulary: Record<Lang, LangVocabulary>, rules: TopicRules) => {
    const catalog = siteCatalog(files, site.edits, site.additions);
    const matcher = createFaqMatcher(catalog, { cacheSize, vocabulary });
    const bot = createSiteBot(catalog, matcher, site.defaultLanguage, site.thresholds, createTopicReader(catalog, rules));
    sites.set(site.id, { site, bot, files, vocabulary, rules, catalog });
    return { catalog, bot };
  };
  return {
    async addSite(site) {
      const files = await loadFaqDir(site.faqDir);
      const rules = await loadTopicRules(site.faqDir);
      checkTopics(site, files, rules);
      const { catalog, bot } = build(site, files, await loadSiteVocabulary(site.faqDir), rules);
      warmUp(site, catalog, bot);
      return Object.fromEntries(
        Object.entries(catalog).map(([lang, faq]) => [lang, (faq?.entries ?? []).map((e) => ({ id: e.id, question: e.question }))]),
      );
    },
    reloadSite(siteId, additions, edits) {
      const { site, files, vocabulary, rules } = siteOf(siteId);
      // No warm-up: the compiled code is warm already, and the cache refills as visitors ask.
      // Without edits, the site keeps those it has (the FAQ's additions reload on their own).
      build({ ...site, additions, ...(edits ? { edits } : {}) }, files, vocabulary, rules);
    },
    faq(siteId, lang) {
      const { site, files, catalog } = siteOf(siteId);
      if (!files[lang]) return null;
      const base = applyAdditions(files, site.additions)[lang]!.entries;
      return { inFiles: files[lang].entries.map((e) => e.id), base, current: catalog[lang]?.entries ?? [], intents: Object.keys(INTENTS) };
    },
    test({ siteId, text, lang }) {
      const { site, bot, catalog } = siteOf(siteId);
      const hints = { browser: [] };
      const detected = lang ? { lang, confidence: 1 } : smallTalkDetection(site, text, hints, detect(site, text, hints));
      const { reply, candidates } = bot.explain(text, detected.lang, detected.confidence);
      const d = reply.decision;
      const faqLang = catalog[detected.lang] ? detected.lang : site.defaultLanguage;
      const question = (id: string) => catalog[faqLang]?.entries.find((e) => e.id === id)?.question;
      return {
        lang: detected.lang,
        langConfidence: detected.confidence,
        detected: !lang,
        faqLang,
        outcome: d.outcome as FaqTestResult['outcome'],
        confidence: d.confidence,
        faqId: d.faqId,
        ...(reply.answer ? { answer: reply.answer.text } : {}),
        ...(d.suggestions ? { suggestions: d.suggestions } : {}),
        candidates: candidates.map((c) => ({ faqId: c.faqId, question: question(c.faqId), confidence: c.confidence, via: c.via, scores: c.scores ?? {} })),
      };
    },
    entries(siteId) {
      return Object.entries(siteOf(siteId).catalog).flatMap(([lang, file]) =>
        file.entries.map((e) => ({ id: e.id, lang, question: e.question, phrasings: [...e.phrasings] })),
      );
    },
    think({ siteId, text, hints, locked, last }) {
      const { site, bot } = siteOf(siteId);
      const detected = locked ?? smallTalkDetection(site, text, hints, detect(site, text, hints));
      return { detected, reply: bot.reply(text, detected.lang, detected.confidence, last) };
    },
  };
}

/** A topic the site does not list would route chats to a skill nobody can be given: stop at start instead. */
function checkTopics(site: BotSite, files: FaqCatalog, rules: TopicRules): void {
  if (!site.topics) return;
  const known = new Set(site.topics);
  for (const [lang, file] of Object.entries(files)) {
    file.entries.forEach((e, i) => {
      if (e.topic && !known.has(e.topic)) throw new FaqFileError(`${site.faqDir}/${lang}.json`, `entries[${i}].topic`, `"${e.topic}" is not one of the site's topics (${site.topics!.join(', ')})`);
    });
  }
  for (const [lang, topics] of Object.entries(rules)) {
    for (const topic of Object.keys(topics)) {
      if (!known.has(topic)) throw new FaqFileError(`${site.faqDir}/topics.json`, `${lang}.${topic}`, `not one of the site's topics (${site.topics.join(', ')})`);
    }
  }
}
