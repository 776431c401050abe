// Follow-ups: what a shop told us about a verified customer's order, shown to that customer the
// next time their signed identity reaches us (the identify ack carries them). Only the newest event
// of each order, only events for the customer the signature proved, and each until the widget
// says it showed it (`followup:shown`): a page closed before showing it gets it again next time.
import type { FollowUp, Lang, VerifiedIdentity } from '../../../protocol/types.js';
import type { ChatStore } from '../../storage/chat-store.js';
import { isCustomers, pendingFollowUps, type CustomerKey } from '../../storage/order-events.js';
import type { OrderEventRecord } from '../../storage/records.js';
import { trackingLink } from '../orders/carriers.js';
import { followUpStrings } from './follow-up-strings.js';

/** At most this many in one ack (a shop sending many orders' news at once). */
const MAX_PER_VISIT = 3;

export const customerKey = (v: VerifiedIdentity): CustomerKey => ({ id: v.sub, ...(v.email ? { email: v.email } : {}) });

/** One event as the widget shows it, in `lang`. */
export function followUpOf(e: OrderEventRecord, lang: Lang): FollowUp {
  const s = followUpStrings(lang);
  const { carrier, url } = trackingLink(e.carrier, e.trackingNumber);
  // A link only where a parcel moves: "track it" on a cancelled order would mislead.
  const moving = e.status === 'shipped' || e.status === 'out_for_delivery' || e.status === 'delayed';
  return {
    eventId: e.eventId,
    orderNumber: e.orderNumber,
    status: e.status,
    text: s.text[e.status](e.orderNumber, carrier),
    ...(url && moving ? { link: { url, label: carrier ? `${s.track} (${carrier})` : s.track } } : {}),
  };
}

export class FollowUpService {
  constructor(private readonly store: ChatStore) {}

  /** The verified customer's follow-ups not shown yet, newest first; each marked sent the first time. */
  async pending(siteId: string, verified: VerifiedIdentity, lang: Lang): Promise<FollowUp[]> {
    const events = pendingFollowUps(await this.store.listOrderEvents(siteId, customerKey(verified))).slice(0, MAX_PER_VISIT);
    const now = Date.now();
    for (const e of events) if (e.sentAt === undefined) await this.store.updateOrderEvent(siteId, e.eventId, { sentAt: now });
    return events.map((e) => followUpOf(e, lang));
  }

  /** The widget showed it. Only the customer it is for can say so; anything else changes nothing. */
  async shown(siteId: string, verified: VerifiedIdentity | undefined, eventId: string): Promise<void> {
    if (!verified) return;
    const event = (await this.store.listOrderEvents(siteId, customerKey(verified))).find((e) => e.eventId === eventId);
    if (!event || event.shownAt !== undefined || !isCustomers(event, customerKey(verified))) return;
    await this.store.updateOrderEvent(siteId, eventId, { shownAt: Date.now() });
  }
}
