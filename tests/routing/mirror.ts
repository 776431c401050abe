// A copy of the routing state kept by the property test from the effects alone, as the
// server will keep its store. If it ever disagrees with the router, an effect was missing,
// wrong or out of order.
import type { Effect, EffectOf, Presence } from '../../server/routing/index.js';

export interface Handoff {
  id: string;
  siteId: string;
  lang: string;
  queuedAt: number;
  topic?: string | null;
}

export interface MirrorChat {
  siteId: string;
  lang: string;
  queuedAt: number;
  status: 'waiting' | 'assigned';
  agentId: string | null;
  /** What it is about (from the hand-off, or set since by the test). */
  topic?: string | null;
  /** When it last entered a queue (kept once assigned, to check the skill wait). */
  waitingSince?: number | null;
  /** Opened to all since it last entered a queue (kept once assigned, unlike openToAll). */
  wasOpenToAll?: boolean;
  /** Told 'opened-to-all' since it last entered a queue. */
  openToAll?: boolean;
  /** Who last sent it back to a queue (not offered to them again); kept once assigned, to check who was passed over. */
  declinedBy?: string | null;
}

export class Mirror {
  readonly chats = new Map<string, MirrorChat>();
  readonly closed = new Set<string>();
  readonly presence = new Map<string, Presence>();
  readonly modes = new Map<string, 'automatic' | 'manual'>();

  /** Agents' languages and roles, when known, to check who may be given what. */
  constructor(private readonly agents = new Map<string, { languages: string[]; role: string }>()) {}

  /** `now`: when the call ran (when a chat entered a queue, for the skill wait). */
  apply(effects: Effect[], handoff?: Handoff, now?: number): void {
    for (const e of effects) this.one(e, handoff, now);
  }

  private one(e: Effect, handoff?: Handoff, now?: number): void {
    const chat = 'conversationId' in e && e.conversationId ? this.chats.get(e.conversationId) : undefined;
    const fail = (why: string) => {
      throw new Error(`effect ${JSON.stringify(e)}: ${why} (mirror: ${JSON.stringify(chat)})`);
    };
    switch (e.type) {
      case 'queued':
        if (chat || this.closed.has(e.conversationId)) fail('queued twice');
        if (handoff?.id !== e.conversationId) fail('queued without a hand-off');
        const { siteId, lang, queuedAt } = handoff!;
        this.chats.set(e.conversationId, { siteId, lang, queuedAt, status: 'waiting', agentId: null, topic: handoff!.topic ?? null, waitingSince: now });
        break;
      case 'assigned':
        if (!chat) return fail('unknown chat');
        if (e.via !== 'transfer' && chat.status !== 'waiting') fail('assigned while not waiting');
        if (e.via === 'transfer' && (chat.agentId ?? undefined) !== e.fromAgentId) fail('transferred from elsewhere');
        if (e.agentId === chat.agentId) fail('assigned to its own agent');
        this.checkLanguage(e, chat, fail);
        Object.assign(chat, { status: 'assigned', agentId: e.agentId, openToAll: false });
        break;
      case 'requeued':
        if (!chat) return fail('unknown chat');
        if (e.reason !== 'transferred' && chat.status !== 'assigned') fail('requeued while not assigned');
        if ((chat.agentId ?? undefined) !== e.fromAgentId) fail('requeued from the wrong agent');
        const declinedBy = e.reason === 'transferred' ? (e.fromAgentId ?? null) : null;
        Object.assign(chat, { status: 'waiting', agentId: null, lang: e.lang, openToAll: false, wasOpenToAll: false, declinedBy, waitingSince: now });
        break;
      case 'released':
        if (!chat) return fail('unknown chat');
        if ((chat.agentId ?? undefined) !== e.agentId) fail('released from the wrong agent');
        this.chats.delete(e.conversationId);
        this.closed.add(e.conversationId);
        break;
      case 'opened-to-all':
        if (chat?.status !== 'waiting') fail('opened while not waiting');
        chat!.openToAll = true;
        chat!.wasOpenToAll = true;
        break;
      case 'presence':
        this.presence.set(e.agentId, e.presence);
        break;
      case 'mode':
        this.modes.set(e.siteId, e.mode);
        break;
      case 'rejected':
        break;
    }
  }

  /** flagged exactly when the agent does not speak it; and then only as the rules allow. */
  private checkLanguage(e: EffectOf<'assigned'>, chat: MirrorChat, fail: (why: string) => void): void {
    const agent = this.agents.get(e.agentId);
    if (!agent) return;
    const speaks = agent.languages.includes(chat.lang);
    if (speaks === (e.flagged === 'no-language-match')) fail('flag does not match the languages');
    if (speaks || e.via === 'transfer') return;
    if (e.via === 'auto' && !chat.openToAll) fail('given to a non-speaker before it was opened to all');
    if (e.via === 'pick' && !chat.openToAll && agent.role !== 'admin') fail('picked by a non-speaker');
  }
}
