// The console's FAQ editor (admins): a site's FAQ entries edited in the browser, no restart.
// The FAQ files stay read-only: each save, delete, undo or import of an entry is a new version in
// the store (who, when), the bot's FAQ is the files with each edited entry's latest version, plus
// the FAQ's additions, and the bot thread rebuilds it at once. A save names the version it edited;
// if the entry moved since, it is refused (CONFLICT) rather than silently overwriting a colleague.
import { ERR } from '../../../protocol/events.js';
import { checkFaqEntry, checkFaqFile, describeProblem, type CheckOptions, type FieldProblem } from '../../../protocol/faq-entry-check.js';
import type { FaqSave, FaqTest } from '../../../protocol/schemas.js';
import type { FaqEditorEntry, FaqEditorListItem, FaqEntryData, FaqFileData, FaqImportResult, FaqTestResult, Lang } from '../../../protocol/types.js';
import type { Bots } from '../../bot/bots.js';
import { toCatalogAdditions } from '../../bot/catalog-additions.js';
import { toCatalogEdits } from '../../bot/catalog-edits.js';
import type { FaqLangView, FaqQuestions } from '../../bot/engine.js';
import type { ChatStore } from '../../storage/chat-store.js';
import type { SiteRegistry } from '../sites/site-registry.js';
import type { AgentRecord, FaqVersionRecord, SiteRecord } from '../../storage/records.js';
import { AppError, notFound } from '../app-error.js';
import { KeyedSerial } from '../serial.js';
import { asData, entryView, latestVersion, listItems, sameEntry, versionsById } from './faq-editor-view.js';

/** A body refused field by field: the route sends each problem with the message. */
export class FieldsError extends AppError {
  constructor(
    message: string,
    readonly fields: FieldProblem[],
  ) {
    super(ERR.badPayload, message);
  }
}

const refuse = (problems: FieldProblem[], data?: unknown): never => {
  const lines = problems.slice(0, 20).map((p) => describeProblem(p, data));
  const more = problems.length > 20 ? ` (and ${problems.length - 20} more)` : '';
  throw new FieldsError(`${lines.join('; ')}${more}`, problems);
};

const stale = (version: number) =>
  new AppError(ERR.conflict, `This entry was changed since you opened it (it is at version ${version} now): reload it, then make your change again`);

export class FaqEditor {
  // Check-then-write per site: two saves of one entry from this server never both pass the check.
  private serial = new KeyedSerial();

  constructor(
    private readonly store: ChatStore,
    private readonly bots: Bots,
    private readonly sites: SiteRegistry,
  ) {}

  async list(site: SiteRecord, lang: Lang): Promise<{ entries: FaqEditorListItem[] }> {
    const { faq, versions } = await this.read(site.id, lang);
    return { entries: listItems(faq, versions) };
  }

  async get(site: SiteRecord, lang: Lang, id: string): Promise<FaqEditorEntry> {
    const { faq, versions } = await this.read(site.id, lang);
    return entryView(faq, versions, id) ?? this.missing(lang, id);
  }

  async save(admin: AgentRecord, site: SiteRecord, lang: Lang, id: string, body: FaqSave): Promise<FaqEditorEntry> {
    const { entry, problems } = checkFaqEntry(body.entry, await this.checks(site.id, lang));
    if (entry && entry.id !== id) problems.push({ path: 'id', message: `must be "${id}" (the entry being edited)` });
    if (entry) problems.push(...topicProblems(site, entry, ''));
    if (!entry || problems.length) return refuse(problems);
    return this.change(admin, site, lang, id, body.version, async ({ faq, mine }) => {
      if (body.create && (mine.length || faq.current.some((e) => e.id === id))) throw new AppError(ERR.conflict, `id: this FAQ has an entry "${id}" already`);
      return { entry, action: 'save' };
    });
  }

  async remove(admin: AgentRecord, site: SiteRecord, lang: Lang, id: string, version: number): Promise<FaqEditorEntry> {
    return this.change(admin, site, lang, id, version, async ({ faq }) => {
      if (!faq.current.some((e) => e.id === id)) this.missing(lang, id);
      keepWelcomeTopics(site, lang, [id]);
      return { entry: null, action: 'delete' };
    });
  }

  /** Back to the version before the latest (the files' entry before a first edit), as a new version. */
  async undo(admin: AgentRecord, site: SiteRecord, lang: Lang, id: string, version: number): Promise<FaqEditorEntry> {
    return this.change(admin, site, lang, id, version, async ({ faq, mine }) => {
      const latest = latestVersion(mine);
      if (latest === 0) throw new AppError(ERR.conflict, `"${id}" has no edit to undo`);
      const restored = latest - 1;
      const before = restored === 0 ? (faq.base.find((e) => e.id === id) ?? null) : mine.find((v) => v.version === restored)!.entry;
      if (!before) keepWelcomeTopics(site, lang, [id]);
      return { entry: before ? asData(before) : null, action: 'undo', restored };
    });
  }

  /** The language's FAQ as the bot uses it, in the FAQ file format (docs/faq.md). */
  async exportFile(site: SiteRecord, lang: Lang): Promise<FaqFileData> {
    const { faq } = await this.read(site.id, lang);
    return { lang, entries: faq.current.map(asData) };
  }

  /**
   * The language's FAQ becomes the file's: each entry that differs gets a new version, each entry
   * the file leaves out is deleted. Checked whole first: when anything is wrong nothing is saved.
   */
  async importFile(admin: AgentRecord, site: SiteRecord, lang: Lang, data: unknown): Promise<FaqImportResult> {
    const { file, problems } = checkFaqFile(data, lang, 'the language imported into', await this.checks(site.id, lang));
    file?.entries.forEach((e, i) => problems.push(...topicProblems(site, e, `entries[${i}].`)));
    if (!file || problems.length) return refuse(problems, data);
    return this.serial.run(site.id, async () => {
      const { faq, versions } = await this.read(site.id, lang);
      const by = versionsById(versions);
      const kept = new Set(file.entries.map((e) => e.id));
      const dropped = faq.current.filter((e) => !kept.has(e.id)).map((e) => e.id);
      // Before any write: a refused import saves nothing.
      keepWelcomeTopics(site, lang, dropped);
      const result: FaqImportResult = { saved: [], deleted: [], unchanged: 0 };
      const put = async (id: string, entry: FaqEntryData | null) => {
        const version = latestVersion(by.get(id)) + 1;
        const record: FaqVersionRecord = { siteId: site.id, lang, entryId: id, version, entry, action: entry ? 'import' : 'delete', by: actor(admin), at: Date.now() };
        if (!(await this.store.addFaqVersion(record))) throw stale(version);
        (entry ? result.saved : result.deleted).push(id);
      };
      for (const entry of file.entries) {
        if (sameEntry(faq.current.find((e) => e.id === entry.id), entry)) result.unchanged++;
        else await put(entry.id, entry);
      }
      for (const id of dropped) await put(id, null);
      if (result.saved.length || result.deleted.length) await this.reload(site.id);
      return result;
    });
  }

  /** The bot's decision on a question, on the FAQ as it is now (the same engine, on the bot thread). */
  async test(site: SiteRecord, input: FaqTest): Promise<FaqTestResult> {
    if (input.lang && !site.languages.includes(input.lang)) throw new AppError(ERR.badPayload, `lang: this site does not speak "${input.lang}" (${site.languages.join(', ')})`);
    return this.bots.test({ siteId: site.id, text: input.text, ...(input.lang ? { lang: input.lang } : {}) });
  }

  private async change(
    admin: AgentRecord,
    site: SiteRecord,
    lang: Lang,
    id: string,
    version: number,
    next: (ctx: { faq: FaqLangView; mine: FaqVersionRecord[] }) => Promise<Pick<FaqVersionRecord, 'entry' | 'action' | 'restored'>>,
  ): Promise<FaqEditorEntry> {
    return this.serial.run(site.id, async () => {
      const { faq, versions } = await this.read(site.id, lang);
      const mine = versionsById(versions).get(id) ?? [];
      const latest = latestVersion(mine);
      if (version !== latest) throw stale(latest);
      const change = await next({ faq, mine });
      const record: FaqVersionRecord = { siteId: site.id, lang, entryId: id, version: latest + 1, ...change, by: actor(admin), at: Date.now() };
      // Another server saved this version first.
      if (!(await this.store.addFaqVersion(record))) throw stale(latest + 1);
      await this.reload(site.id);
      const after = await this.read(site.id, lang);
      return entryView(after.faq, after.versions, id)!;
    });
  }

  private async read(siteId: string, lang: Lang): Promise<{ faq: FaqLangView; versions: FaqVersionRecord[] }> {
    const faq = await this.bots.faq(siteId, lang);
    if (!faq) throw new AppError(ERR.notFound, `This site has no ${lang} FAQ`);
    const versions = (await this.store.listFaqVersions(siteId)).filter((v) => v.lang === lang);
    return { faq, versions };
  }

  /** The built-in intents, which only the bot thread loads. */
  private async checks(siteId: string, lang: Lang): Promise<CheckOptions> {
    const intents = new Set((await this.read(siteId, lang)).faq.intents);
    return { isIntentId: (id) => intents.has(id) };
  }

  private missing(lang: Lang, id: string): never {
    throw notFound(`FAQ entry "${id}" in ${lang}`);
  }

  private async reload(siteId: string): Promise<void> {
    const [additions, versions] = await Promise.all([this.store.listFaqAdditions(siteId), this.store.listFaqVersions(siteId)]);
    await this.bots.reloadSite(siteId, toCatalogAdditions(additions), toCatalogEdits(versions));
    const questions: FaqQuestions = {};
    for (const e of await this.bots.entries(siteId)) (questions[e.lang] ??= []).push({ id: e.id, question: e.question });
    this.sites.setQuestions(siteId, questions);
  }
}

const actor = (agent: AgentRecord) => ({ agentId: agent.id, name: agent.name });

/** The welcome's topics must stay entries of the default language (a server refuses to start otherwise: sites/welcome.ts). */
function keepWelcomeTopics(site: SiteRecord, lang: Lang, removed: readonly string[]): void {
  if (lang !== site.defaultLanguage) return;
  const hit = removed.filter((id) => site.welcome?.topics.includes(id));
  if (hit.length) throw new AppError(ERR.conflict, `"${hit.join('", "')}" is one of the welcome's topics (the Sites page): take it out of the welcome first`);
}

/** A topic the site does not list would route chats to a skill nobody can be given (as at start, bot/engine.ts). */
function topicProblems(site: SiteRecord, entry: FaqEntryData, at: string): FieldProblem[] {
  if (!entry.topic || !site.topics || site.topics.some((t) => t.id === entry.topic)) return [];
  return [{ path: `${at}topic`, message: `"${entry.topic}" is not one of the site's topics (${site.topics.map((t) => t.id).join(', ')})` }];
}
