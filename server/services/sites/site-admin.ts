// What an admin's sites page shows and changes: each of their sites with its snippet, origins,
// languages, welcome texts, business hours, closing tags, bot thresholds, the widget's look and
// proactive rules, whether signed identity and the order webhook are set, draft FAQ entries, and
// who works on it.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ERR } from '../../../protocol/events.js';
import type { SitePatch } from '../../../protocol/schemas.js';
import type { Lang } from '../../../protocol/types.js';
import type { AdminSiteView } from '../../../protocol/admin-site-view.js';
import type { ChatStore } from '../../storage/chat-store.js';
import type { Bots } from '../../bot/bots.js';
import type { FaqLangView } from '../../bot/engine.js';
import type { AgentRecord, SiteRecord } from '../../storage/records.js';
import { AppError } from '../app-error.js';
import { agentSiteIds, worksOn } from '../agent/agent-sites.js';
import { normaliseOrigins, snippetFor, writeStarterFaq } from './site-creation.js';
import type { SiteRegistry } from './site-registry.js';
import { MAX_WELCOME_TOPICS } from './welcome.js';
import { DEFAULT_TAGS } from '../conversations/tags.js';
import { widgetLanguagesProblem, widgetSettingsProblem } from '../../widget-config/settings-schema.js';

export type SiteView = AdminSiteView;

/** Every agent of the admin's sites (the pool a site's agents are picked from). */
export async function agentsOf(store: ChatStore, admin: AgentRecord): Promise<AgentRecord[]> {
  const seen = new Map<string, AgentRecord>();
  for (const id of agentSiteIds(admin)) for (const a of await store.listAgents(id)) seen.set(a.id, a);
  seen.set(admin.id, admin);
  return [...seen.values()];
}

/**
 * Draft entries per language as the bot uses them (the FAQ editor's edits included), or as the
 * files say when the bot does not have the site.
 */
async function countDrafts(dir: string, languages: Lang[], faq?: (lang: Lang) => Promise<FaqLangView | null>): Promise<Record<string, number>> {
  const drafts: Record<string, number> = {};
  for (const lang of languages) {
    const live = faq ? await faq(lang).catch(() => undefined) : undefined;
    if (live !== undefined) {
      drafts[lang] = live?.current.filter((e) => e.draft === true).length ?? 0;
      continue;
    }
    const text = await readFile(join(dir, `${lang}.json`), 'utf8').catch(() => null);
    const entries = text ? ((JSON.parse(text) as { entries?: { draft?: boolean }[] }).entries ?? []) : [];
    drafts[lang] = entries.filter((e) => e.draft === true).length;
  }
  return drafts;
}

export async function siteView(site: SiteRecord, pool: AgentRecord[], baseUrl: string, faqDir: string, bots?: Bots): Promise<SiteView> {
  return {
    id: site.id,
    name: site.name,
    disabled: site.disabled === true,
    languages: site.languages,
    defaultLanguage: site.defaultLanguage,
    allowedOrigins: site.allowedOrigins,
    welcome: { ...(site.welcome?.messages ?? {}) },
    businessHours: site.businessHours ?? null,
    tags: [...(site.tags ?? DEFAULT_TAGS)],
    thresholds: site.thresholds ? { answer: site.thresholds.answer, suggest: site.thresholds.suggest } : null,
    appearance: site.appearance ?? null,
    proactive: site.proactive ?? null,
    identity: { mode: site.identity?.mode ?? 'optional', hasSecret: !!site.identity?.secret, secretCreatedAt: site.identity?.secretCreatedAt ?? null },
    orderWebhook: site.orderWebhook ? { url: site.orderWebhook.url } : null,
    snippet: snippetFor(baseUrl, site.id),
    drafts: await countDrafts(faqDir, site.languages, bots && ((lang) => bots.faq(site.id, lang))),
    agents: pool.map((a) => ({ id: a.id, name: a.name, email: a.email, role: a.role, works: worksOn(a, site.id) })),
  };
}

/** The site after `patch` (nothing stored yet: the registry loads it first, so a bad one is refused whole). */
export async function patchedSite(site: SiteRecord, patch: SitePatch, registry: SiteRegistry, dataDir: string | null): Promise<SiteRecord> {
  const next: SiteRecord = { ...site };
  if (patch.name !== undefined) next.name = patch.name.trim();
  if (patch.disabled !== undefined) next.disabled = patch.disabled;
  if (patch.languages) {
    next.languages = [...patch.languages];
    // A language added later gets its starter FAQ too (files already there are the merchant's).
    if (site.faqDir.startsWith('data:') || !dataDir) await writeStarterFaq(dataDir, site.id, patch.languages);
  }
  if (patch.defaultLanguage) next.defaultLanguage = patch.defaultLanguage;
  if (!next.languages.includes(next.defaultLanguage)) throw new AppError(ERR.badPayload, 'The default language must be one of the site languages');
  if (patch.allowedOrigins) next.allowedOrigins = normaliseOrigins(patch.allowedOrigins);
  if (patch.welcome === null) delete next.welcome;
  else if (patch.welcome) {
    const questions = registry.get(site.id)?.questions[next.defaultLanguage] ?? [];
    next.welcome = { messages: { ...patch.welcome }, topics: site.welcome?.topics ?? questions.slice(0, MAX_WELCOME_TOPICS).map((q) => q.id) };
  }
  if (patch.businessHours === null) delete next.businessHours;
  else if (patch.businessHours) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: patch.businessHours.timeZone });
    } catch {
      throw new AppError(ERR.badPayload, `Unknown time zone "${patch.businessHours.timeZone}" (e.g. Europe/Paris)`);
    }
    for (const ranges of Object.values(patch.businessHours.days)) {
      // "22:00-02:00" runs past midnight into the next day (business-hours.ts); only an empty range is refused.
      if (ranges?.some(([from, to]) => from === to)) throw new AppError(ERR.badPayload, 'An opening range must not start and end at the same time');
    }
    next.businessHours = patch.businessHours;
  }
  if (patch.tags) next.tags = [...patch.tags];
  if (patch.thresholds === null) delete next.thresholds;
  else if (patch.thresholds) {
    const { answer, suggest } = patch.thresholds;
    if (!(suggest < answer)) throw new AppError(ERR.badPayload, `thresholds: suggest (${suggest}) must be below answer (${answer})`);
    next.thresholds = { answer, suggest };
  }
  if (patch.appearance === null) delete next.appearance;
  else if (patch.appearance) next.appearance = patch.appearance;
  if (patch.proactive === null) delete next.proactive;
  else if (patch.proactive) next.proactive = patch.proactive;
  if (patch.appearance || patch.proactive) {
    const problem = widgetSettingsProblem(next) ?? widgetLanguagesProblem(next);
    if (problem) throw new AppError(ERR.badPayload, problem);
  }
  return next;
}

/**
 * Who works on the site: agents of the pool in `agentIds` gain it, the others lose it (never their
 * own site, nor the admin). Returns the agents changed, as stored now.
 */
export async function setSiteAgents(store: ChatStore, siteId: string, pool: AgentRecord[], agentIds: string[], admin: AgentRecord): Promise<AgentRecord[]> {
  const wanted = new Set(agentIds);
  const changed: AgentRecord[] = [];
  for (const agent of pool) {
    const has = worksOn(agent, siteId);
    const want = wanted.has(agent.id) || agent.id === admin.id || agent.siteId === siteId;
    if (has === want) continue;
    const siteIds = want ? [...agentSiteIds(agent), siteId] : agentSiteIds(agent).filter((id) => id !== siteId);
    const next = { ...agent, siteIds };
    await store.putAgent(next);
    changed.push(next);
  }
  return changed;
}
