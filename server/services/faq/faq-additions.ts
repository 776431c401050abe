// The FAQ learns from the console: a question the bot could not answer becomes a phrasing of an
// entry, or a new entry. The FAQ files stay read-only; each addition is a record in the store
// (who, when), and the bot's FAQ is the files plus the active additions, reloaded at once.
//
// Who may do what: any agent of the site may add a visitor's question as a phrasing of an
// existing entry (it only changes when the bot gives an answer the merchant already wrote, and
// an admin can dismiss it again); a new entry puts new words in the bot's mouth, so an agent
// drafts it and an admin publishes it; a phrasing proposed by a visitor's helpful "did you mean"
// choice waits for an admin too (never added silently).
import { ERR } from '../../../protocol/events.js';
import type { FaqAttach, FaqDraft } from '../../../protocol/schemas.js';
import type { FaqActor, FaqAddition, FaqEntrySummary, Lang } from '../../../protocol/types.js';
import type { Bots } from '../../bot/bots.js';
import { toCatalogAdditions } from '../../bot/catalog-additions.js';
import type { ChatStore } from '../../storage/chat-store.js';
import type { AgentRecord, FaqAdditionRecord } from '../../storage/records.js';
import { requireAdmin } from '../conversations/agent-access.js';
import { AppError, notFound } from '../app-error.js';
import { newId } from '../secrets.js';
import { KeyedSerial } from '../serial.js';
import { questionKey } from './unanswered-groups.js';
import type { AuditLog } from '../audit/audit-log.js';
import { changesBetween } from '../audit/audit-changes.js';

/** How many unanswered questions an attach may reach back to (the store keeps 500 per site). */
const UNANSWERED_REACH = 500;

export const toWireAddition = ({ siteId: _site, ...a }: FaqAdditionRecord): FaqAddition => a;

const actor = (agent: AgentRecord): FaqActor => ({ agentId: agent.id, name: agent.name });

/** The entry of `lang` that already says `text` (as its question or a phrasing), if any. */
function saying(entries: readonly FaqEntrySummary[], lang: Lang, text: string): FaqEntrySummary | undefined {
  const key = questionKey(text);
  return entries.find((e) => e.lang === lang && [e.question, ...e.phrasings].some((p) => questionKey(p) === key));
}

/** "Do you deliver to Iceland?" → "do-you-deliver-to-iceland", unique among the site's ids. */
function entryId(question: string, taken: Set<string>): string {
  const base =
    question
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48)
      .replace(/-+$/, '') || 'entry';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

export interface Proposal {
  lang: Lang;
  faqId: string;
  text: string;
  unansweredId?: string;
}

export class FaqAdditions {
  // Check-then-write per site: two agents attaching the same question at once get one CONFLICT.
  private serial = new KeyedSerial();

  constructor(
    private readonly store: ChatStore,
    private readonly bots: Bots,
    private readonly audit: AuditLog,
  ) {}

  /** Newest first, as the console lists them. */
  async list(siteId: string, limit = 200): Promise<FaqAddition[]> {
    return (await this.store.listFaqAdditions(siteId)).reverse().slice(0, limit).map(toWireAddition);
  }

  async entries(agent: AgentRecord): Promise<{ entries: FaqEntrySummary[] }> {
    return { entries: await this.bots.entries(agent.siteId) };
  }

  /** One action: the unanswered question becomes a phrasing of the entry, for the next visitor on. */
  async attach(agent: AgentRecord, input: FaqAttach): Promise<{ addition: FaqAddition }> {
    return this.serial.run(agent.siteId, async () => {
      const items = await this.store.listUnanswered(agent.siteId, UNANSWERED_REACH);
      const item = items.find((i) => i.id === input.unansweredId);
      if (!item) throw notFound('Unanswered question');
      const text = item.text.trim();
      if (!text) throw new AppError(ERR.badPayload, 'This question has no text to add');
      const entries = await this.bots.entries(agent.siteId);
      const lang = await this.faqLang(agent.siteId, entries, item.lang);
      if (!entries.some((e) => e.id === input.faqId && e.lang === lang)) throw notFound(`FAQ entry "${input.faqId}" in ${lang}`);
      const same = saying(entries, lang, text);
      if (same) throw new AppError(ERR.conflict, `"${text}" is already a phrasing of ${same.id}`);
      const record: FaqAdditionRecord = {
        id: newId(),
        siteId: agent.siteId,
        kind: 'phrasing',
        status: 'active',
        lang,
        faqId: input.faqId,
        text,
        unansweredId: item.id,
        source: 'agent',
        addedBy: actor(agent),
        at: Date.now(),
      };
      await this.store.addFaqAddition(record);
      await this.reload(agent.siteId);
      return { addition: toWireAddition(record) };
    });
  }

  /** A new entry, kept as a draft until an admin publishes it (`confirm`). */
  async draft(agent: AgentRecord, input: FaqDraft): Promise<{ addition: FaqAddition }> {
    return this.serial.run(agent.siteId, async () => {
      const entries = await this.bots.entries(agent.siteId);
      if (!entries.some((e) => e.lang === input.lang)) throw new AppError(ERR.badPayload, `lang: this site has no ${input.lang} FAQ`);
      if (input.unansweredId) {
        const items = await this.store.listUnanswered(agent.siteId, UNANSWERED_REACH);
        if (!items.some((i) => i.id === input.unansweredId)) throw notFound('Unanswered question');
      }
      const question = input.question.trim();
      const answer = input.answer.trim();
      if (!question || !answer) throw new AppError(ERR.badPayload, 'question and answer must not be blank');
      const same = saying(entries, input.lang, question);
      if (same) throw new AppError(ERR.conflict, `"${question}" is already a phrasing of ${same.id}`);
      const pending = await this.store.listFaqAdditions(agent.siteId);
      const taken = new Set([...entries.map((e) => e.id), ...pending.filter((p) => p.kind === 'entry').map((p) => p.faqId)]);
      const record: FaqAdditionRecord = {
        id: newId(),
        siteId: agent.siteId,
        kind: 'entry',
        status: 'draft',
        lang: input.lang,
        faqId: entryId(question, taken),
        text: question,
        answer,
        ...(input.unansweredId ? { unansweredId: input.unansweredId } : {}),
        source: 'agent',
        addedBy: actor(agent),
        at: Date.now(),
      };
      await this.store.addFaqAddition(record);
      return { addition: toWireAddition(record) };
    });
  }

  private recordDecision(agent: AgentRecord, action: 'faq.addition.confirm' | 'faq.addition.dismiss', before: FaqAdditionRecord, after: FaqAdditionRecord) {
    return this.audit.record({
      actor: agent,
      siteId: agent.siteId,
      action,
      target: { kind: 'faq-addition', id: after.id, label: `${after.kind} ${after.lang} ${after.faqId}: ${after.text}` },
      changes: changesBetween(before, after, ['status']),
    });
  }

  /** An admin confirms a proposed phrasing or publishes a draft entry: the bot uses it at once. */
  async confirm(agent: AgentRecord, id: string): Promise<{ addition: FaqAddition }> {
    requireAdmin(agent, 'confirm FAQ additions');
    return this.serial.run(agent.siteId, async () => {
      const record = await this.find(agent.siteId, id);
      if (record.status !== 'proposed' && record.status !== 'draft') throw new AppError(ERR.conflict, `This addition is ${record.status} already`);
      const entries = await this.bots.entries(agent.siteId);
      if (record.kind === 'phrasing' && !entries.some((e) => e.id === record.faqId && e.lang === record.lang)) {
        throw notFound(`FAQ entry "${record.faqId}" in ${record.lang}`);
      }
      const same = saying(entries, record.lang, record.text);
      if (same) throw new AppError(ERR.conflict, `"${record.text}" is already a phrasing of ${same.id}`);
      const next = await this.store.updateFaqAddition(agent.siteId, id, { status: 'active', decidedBy: actor(agent), decidedAt: Date.now() });
      await this.reload(agent.siteId);
      await this.recordDecision(agent, 'faq.addition.confirm', record, next!);
      return { addition: toWireAddition(next!) };
    });
  }

  /** An admin turns down a proposal or a draft, or takes back an active addition (the bot drops it at once). */
  async dismiss(agent: AgentRecord, id: string): Promise<{ addition: FaqAddition }> {
    requireAdmin(agent, 'dismiss FAQ additions');
    return this.serial.run(agent.siteId, async () => {
      const record = await this.find(agent.siteId, id);
      if (record.status === 'dismissed') return { addition: toWireAddition(record) };
      const next = await this.store.updateFaqAddition(agent.siteId, id, { status: 'dismissed', decidedBy: actor(agent), decidedAt: Date.now() });
      if (record.status === 'active') await this.reload(agent.siteId);
      await this.recordDecision(agent, 'faq.addition.dismiss', record, next!);
      return { addition: toWireAddition(next!) };
    });
  }

  /**
   * A visitor chose a "did you mean" entry and said it helped: their first words are proposed as
   * a phrasing of that entry, for an admin to confirm. Nothing when the entry already says them,
   * or the same was proposed (or turned down) before.
   */
  async propose(siteId: string, p: Proposal): Promise<FaqAddition | null> {
    return this.serial.run(siteId, async () => {
      const text = p.text.trim();
      if (!text) return null;
      const key = questionKey(text);
      const known = await this.store.listFaqAdditions(siteId);
      if (known.some((a) => a.lang === p.lang && a.faqId === p.faqId && questionKey(a.text) === key)) return null;
      if (saying(await this.bots.entries(siteId), p.lang, text)) return null;
      const record: FaqAdditionRecord = {
        id: newId(),
        siteId,
        kind: 'phrasing',
        status: 'proposed',
        lang: p.lang,
        faqId: p.faqId,
        text,
        ...(p.unansweredId ? { unansweredId: p.unansweredId } : {}),
        source: 'visitor',
        at: Date.now(),
      };
      await this.store.addFaqAddition(record);
      return toWireAddition(record);
    });
  }

  private async find(siteId: string, id: string): Promise<FaqAdditionRecord> {
    const record = (await this.store.listFaqAdditions(siteId)).find((r) => r.id === id);
    if (!record) throw notFound('FAQ addition');
    return record;
  }

  /** A language without a FAQ file of its own is answered from the site's default one (bot/site-bot.ts). */
  private async faqLang(siteId: string, entries: readonly FaqEntrySummary[], lang: Lang): Promise<Lang> {
    if (entries.some((e) => e.lang === lang)) return lang;
    return (await this.store.getSite(siteId))?.defaultLanguage ?? lang;
  }

  private async reload(siteId: string): Promise<void> {
    await this.bots.reloadSite(siteId, toCatalogAdditions(await this.store.listFaqAdditions(siteId)));
  }
}
