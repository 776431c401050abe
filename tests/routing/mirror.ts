// A copy of the routing state kept by the property test from the effects alone, as the
// server will keep its store. If it ever disagrees with the router, an effect was missing,
// wrong or out of order.
import type { Effect, Presence } from '../../server/routing/index.js';

export interface Handoff {
  id: string;
  siteId: string;
  lang: string;
  queuedAt: number;
}

export interface MirrorChat {
  siteId: string;
  lang: string;
  queuedAt: number;
  status: 'waiting' | 'assigned';
  agentId: string | null;
}

export class Mirror {
  readonly chats = new Map<string, MirrorChat>();
  readonly closed = new Set<string>();
  readonly presence = new Map<string, Presence>();
  readonly modes = new Map<string, 'automatic' | 'manual'>();

  apply(effects: Effect[], handoff?: Handoff): void {
    for (const e of effects) this.one(e, handoff);
  }

  private one(e: Effect, handoff?: Handoff): void {
    const chat = 'conversationId' in e && e.conversationId ? this.chats.get(e.conversationId) : undefined;
    const fail = (why: string) => {
      throw new Error(`effect ${JSON.stringify(e)}: ${why} (mirror: ${JSON.stringify(chat)})`);
    };
    switch (e.type) {
      case 'queued':
        if (chat || this.closed.has(e.conversationId)) fail('queued twice');
        if (handoff?.id !== e.conversationId) fail('queued without a hand-off');
        this.chats.set(e.conversationId, { siteId: handoff!.siteId, lang: handoff!.lang, queuedAt: handoff!.queuedAt, status: 'waiting', agentId: null });
        break;
      case 'assigned':
        if (!chat) return fail('unknown chat');
        if (e.via !== 'transfer' && chat.status !== 'waiting') fail('assigned while not waiting');
        if (e.via === 'transfer' && (chat.agentId ?? undefined) !== e.fromAgentId) fail('transferred from the wrong agent');
        if (e.agentId === chat.agentId) fail('assigned to its own agent');
        Object.assign(chat, { status: 'assigned', agentId: e.agentId });
        break;
      case 'requeued':
        if (!chat) return fail('unknown chat');
        if (e.reason !== 'transferred' && chat.status !== 'assigned') fail('requeued while not assigned');
        if ((chat.agentId ?? undefined) !== e.fromAgentId) fail('requeued from the wrong agent');
        Object.assign(chat, { status: 'waiting', agentId: null, lang: e.lang });
        break;
      case 'released':
        if (!chat) return fail('unknown chat');
        if ((chat.agentId ?? undefined) !== e.agentId) fail('released from the wrong agent');
        this.chats.delete(e.conversationId);
        this.closed.add(e.conversationId);
        break;
      case 'opened-to-all':
        if (chat?.status !== 'waiting') fail('opened while not waiting');
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
}
