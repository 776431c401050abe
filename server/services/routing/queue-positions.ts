// What a waiting visitor is told: their place in the queue, an
// estimated wait, and whether anyone can answer now (agents online, business hours). Sent when
// it changes (after every routing batch) and to everyone every ~15 s, as estimates drift.
import { SERVER_EVT } from '../../../protocol/events.js';
import type { QueuePosition } from '../../../protocol/types.js';
import type { Router } from '../../routing/index.js';
import type { ChatStore } from '../../storage/chat-store.js';
import { isOpen } from '../sites/business-hours.js';
import type { Notifier } from '../notifier.js';
import type { SiteRegistry } from '../sites/site-registry.js';

export class QueuePositions {
  /** What each waiting visitor was last told (position, availability, minutes), to skip repeats. */
  private sent = new Map<string, string>();
  private visitorIds = new Map<string, string>();

  constructor(
    private readonly router: Router,
    private readonly store: ChatStore,
    private readonly sites: SiteRegistry,
  ) {}

  /** null when the chat is not waiting (with the bot, assigned, closed or unknown). */
  positionOf(conversationId: string, siteId: string, now: number, known?: number): QueuePosition | null {
    const position = known ?? this.router.queuePosition(conversationId);
    if (position === null) return null;
    const estimatedWaitMs = this.router.estimatedWaitMs(conversationId, now, position);
    const hours = this.sites.get(siteId)?.site.businessHours;
    return { conversationId, position, estimatedWaitMs, available: estimatedWaitMs !== null && isOpen(hours, now) };
  }

  async publish(notifier: Notifier, now: number, force: boolean): Promise<void> {
    const waiting = new Set<string>();
    for (const { site } of this.sites.all()) {
      // One pass, oldest first: each chat's place in its language's line is a running count
      // (asking the router chat by chat sorted the whole queue for each, and a few hundred
      // waiting chats then took the server thread under load).
      const inLine = new Map<string, number>();
      for (const conv of this.router.waiting(site.id)) {
        waiting.add(conv.id);
        const position = (inLine.get(conv.lang) ?? 0) + 1;
        inLine.set(conv.lang, position);
        const p = this.positionOf(conv.id, site.id, now, position);
        if (!p) continue;
        const minutes = p.estimatedWaitMs === null ? -1 : Math.round(p.estimatedWaitMs / 60_000);
        const key = `${p.position}:${p.available}:${minutes}`;
        if (!force && this.sent.get(conv.id) === key) continue;
        this.sent.set(conv.id, key);
        const visitorId = await this.visitorOf(conv.id);
        if (visitorId) notifier.toVisitor(visitorId, SERVER_EVT.queuePosition, p);
      }
    }
    for (const id of this.sent.keys()) {
      if (!waiting.has(id)) {
        this.sent.delete(id);
        this.visitorIds.delete(id);
      }
    }
  }

  private async visitorOf(conversationId: string): Promise<string | undefined> {
    let id = this.visitorIds.get(conversationId);
    if (!id) {
      id = (await this.store.getConversation(conversationId))?.visitorId;
      if (id) this.visitorIds.set(conversationId, id);
    }
    return id;
  }
}
