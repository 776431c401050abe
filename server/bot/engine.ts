// The bot's synchronous work on one message, for every site: the language it is written in, then
// the FAQ decision (services/bot.ts). It holds the FAQ indexes, the matcher caches and the
// language detector's tables, so it runs on a thread of its own (bot-thread.ts) and the thread
// that serves the sockets never loads any of it; BULLE_BOT_THREAD=false runs it inline (bots.ts).
import { createFaqMatcher, createLanguageDetector, loadFaqDir, loadSiteVocabulary, type Detection, type FaqCatalog, type Thresholds } from '../../faq/index.js';
import type { Lang } from '../protocol/types.js';
import type { ConversationRecord } from '../storage/records.js';
import { createSiteBot, type BotReply, type SiteBot } from '../services/bot.js';

/** What the engine needs of a site (plain data: it crosses to the bot thread). */
export interface BotSite {
  id: string;
  languages: Lang[];
  defaultLanguage: Lang;
  /** Absolute. */
  faqDir: string;
  thresholds?: Thresholds;
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

export interface Thought {
  detected: Detection;
  reply: BotReply;
}

export interface BotEngine {
  addSite(site: BotSite): Promise<void>;
  detect(siteId: string, text: string, hints: LanguageHints): Detection;
  think(req: ThinkRequest): Thought;
}

export function createBotEngine({ cacheSize }: { cacheSize?: number } = {}): BotEngine {
  const detector = createLanguageDetector();
  const sites = new Map<string, { site: BotSite; bot: SiteBot }>();
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
  return {
    async addSite(site) {
      const catalog = await loadFaqDir(site.faqDir);
      const matcher = createFaqMatcher(catalog, { cacheSize, vocabulary: await loadSiteVocabulary(site.faqDir) });
      const bot = createSiteBot(catalog, matcher, site.defaultLanguage, site.thresholds);
      sites.set(site.id, { site, bot });
      warmUp(site, catalog, bot);
    },
    detect: (siteId, text, hints) => detect(siteOf(siteId).site, text, hints),
    think({ siteId, text, hints, locked, last }) {
      const { site, bot } = siteOf(siteId);
      const detected = locked ?? detect(site, text, hints);
      return { detected, reply: bot.reply(text, detected.lang, detected.confidence, last) };
    },
  };
}
