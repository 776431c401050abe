// Sites and their bots, built once at start (FAQ files are validated then, not per message).
import type { Lang, SiteInfo, Welcome } from '../../../protocol/types.js';
import type { ChatStore } from '../../storage/chat-store.js';
import type { SiteRecord } from '../../storage/records.js';
import type { Bots } from '../../bot/bots.js';
import type { FaqQuestions } from '../../bot/engine.js';
import { toCatalogAdditions } from '../../bot/catalog-additions.js';
import { toCatalogEdits } from '../../bot/catalog-edits.js';
import { resolveFaqDir } from '../../bot/faq-dir.js';
import { buildWelcome, checkWelcome } from './welcome.js';
import { widgetSettingsProblem } from '../../widget-config/settings-schema.js';

export interface LoadedSite {
  site: SiteRecord;
  /** The FAQ's questions per language (told by the bot, which loads the files). */
  questions: FaqQuestions;
}

export class SiteRegistry {
  private sites = new Map<string, LoadedSite>();

  constructor(
    private readonly store: ChatStore,
    private readonly bots: Bots,
    /** Where `data:` FAQ folders are (bot/faq-dir.ts); null in memory. */
    private readonly dataDir: string | null = null,
  ) {}

  async load(): Promise<void> {
    for (const site of await this.store.listSites()) await this.add(site);
  }

  async add(site: SiteRecord): Promise<void> {
    const dir = resolveFaqDir(site.faqDir, this.dataDir);
    const t = site.thresholds;
    // Checked once at load, like the FAQ files: 0 ≤ suggest ≤ answer ≤ 1.
    if (t && !(t.suggest >= 0 && t.suggest <= t.answer && t.answer <= 1)) {
      throw new Error(`site ${site.id}: thresholds must satisfy 0 <= suggest <= answer <= 1`);
    }
    // The bot loads the FAQ files (and rejects on a bad one, naming file and field).
    // …plus what the console added to them since (services/faq/faq-additions.ts).
    // …and the entries edited in the FAQ editor (services/faq/faq-editor.ts).
    const additions = toCatalogAdditions(await this.store.listFaqAdditions(site.id));
    const edits = toCatalogEdits(await this.store.listFaqVersions(site.id));
    const questions = await this.bots.addSite({
      id: site.id,
      languages: site.languages,
      defaultLanguage: site.defaultLanguage,
      faqDir: dir,
      ...(t ? { thresholds: t } : {}),
      ...(additions.length ? { additions } : {}),
      ...(edits.length ? { edits } : {}),
      ...(site.topics ? { topics: site.topics.map((x) => x.id) } : {}),
    });
    checkWelcome(site, questions);
    const widgetProblem = widgetSettingsProblem(site);
    if (widgetProblem) throw new Error(`site ${site.id}: ${widgetProblem}`);
    this.sites.set(site.id, { site, questions });
  }

  /** A changed site record (identity, webhook), stored and used from now on; its FAQ is not reloaded. */
  async update(siteId: string, patch: Partial<Omit<SiteRecord, 'id'>>): Promise<SiteRecord> {
    const loaded = this.sites.get(siteId);
    if (!loaded) throw new Error(`unknown site ${siteId}`);
    const site: SiteRecord = { ...loaded.site, ...patch };
    await this.store.putSite(site);
    this.sites.set(siteId, { ...loaded, site });
    return site;
  }

  /** The FAQ's questions after the FAQ changed (the editor): the welcome offers them from now on. */
  setQuestions(siteId: string, questions: FaqQuestions): void {
    const loaded = this.sites.get(siteId);
    if (loaded) this.sites.set(siteId, { ...loaded, questions });
  }

  get(siteId: string): LoadedSite | undefined {
    return this.sites.get(siteId);
  }

  all(): IterableIterator<LoadedSite> {
    return this.sites.values();
  }
}

/** The welcome of a loaded site in `lang` (services/sites/welcome.ts). */
export const siteWelcome = ({ site, questions }: LoadedSite, lang: Lang): Welcome => buildWelcome(site, questions, lang);

export const publicSiteInfo = (s: SiteRecord): SiteInfo => ({
  id: s.id,
  name: s.name,
  languages: s.languages,
  defaultLanguage: s.defaultLanguage,
});
