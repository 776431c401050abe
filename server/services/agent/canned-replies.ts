// Canned replies: `/shortcut` in the console's composer, one text per site language.
// Every agent of the site reads them; only admins write them.
import { ERR } from '../../../protocol/events.js';
import type { CannedSave } from '../../../protocol/schemas.js';
import type { CannedReply } from '../../../protocol/types.js';
import type { ChatStore } from '../../storage/chat-store.js';
import type { AgentRecord, CannedReplyRecord } from '../../storage/records.js';
import { requireAdmin } from '../conversations/agent-access.js';
import { AppError, notFound } from '../app-error.js';
import { newId } from '../secrets.js';
import { KeyedSerial } from '../serial.js';
import type { AuditLog } from '../audit/audit-log.js';
import { changesBetween } from '../audit/audit-changes.js';

const toWire = ({ siteId: _site, ...reply }: CannedReplyRecord): CannedReply => reply;

export class CannedReplies {
  // Check-then-write per site: two admins saving the same shortcut at once get one CONFLICT.
  private serial = new KeyedSerial();
  constructor(
    private readonly store: ChatStore,
    private readonly audit: AuditLog,
  ) {}

  async list(agent: AgentRecord): Promise<{ replies: CannedReply[] }> {
    return { replies: (await this.store.listCannedReplies(agent.siteId)).map(toWire) };
  }

  async save(agent: AgentRecord, input: CannedSave): Promise<{ reply: CannedReply }> {
    requireAdmin(agent, 'edit canned replies');
    const site = await this.store.getSite(agent.siteId);
    if (!site) throw notFound('Site');
    const foreign = Object.keys(input.texts).filter((l) => !site.languages.includes(l));
    if (foreign.length) throw new AppError(ERR.badPayload, `texts: ${foreign.join(', ')} is not a language of this site`);
    return this.serial.run(site.id, async () => {
      const existing = await this.store.listCannedReplies(site.id);
      if (input.id && !existing.some((r) => r.id === input.id)) throw notFound('Canned reply');
      if (existing.some((r) => r.shortcut === input.shortcut && r.id !== input.id)) {
        throw new AppError(ERR.conflict, `The shortcut /${input.shortcut} is already taken`);
      }
      // Copy only the site's languages: nothing else of the payload reaches the store.
      const texts = Object.fromEntries(site.languages.filter((l) => input.texts[l]).map((l) => [l, input.texts[l]!.trim()]));
      const reply: CannedReplyRecord = {
        id: input.id ?? newId(),
        siteId: site.id,
        shortcut: input.shortcut,
        title: input.title.trim(),
        texts,
        updatedAt: Date.now(),
      };
      await this.store.putCannedReply(reply);
      const before = existing.find((r) => r.id === reply.id);
      const changes = changesBetween(before, reply, ['shortcut', 'title', 'texts']);
      if (changes) await this.audit.record({ actor: agent, siteId: site.id, action: 'canned.save', target: { kind: 'canned-reply', id: reply.id, label: `/${reply.shortcut}` }, changes });
      return { reply: toWire(reply) };
    });
  }

  async remove(agent: AgentRecord, id: string): Promise<Record<string, never>> {
    requireAdmin(agent, 'delete canned replies');
    const gone = (await this.store.listCannedReplies(agent.siteId)).find((r) => r.id === id);
    if (!(await this.store.deleteCannedReply(agent.siteId, id))) throw notFound('Canned reply');
    await this.audit.record({ actor: agent, siteId: agent.siteId, action: 'canned.delete', target: { kind: 'canned-reply', id, ...(gone ? { label: `/${gone.shortcut}` } : {}) } });
    return {};
  }
}
