// The order events' part of the ChatStore contract (chat-store.contract.test.ts runs it on every
// store): stored once per site and eventId, found by the customer the shop named, sent and shown
// recorded; and the follow-up numbers both stores give.
import { expect, it } from 'vitest';
import type { ChatStore } from '../../server/storage/chat-store.js';
import type { ConversationRecord, OrderEventRecord } from '../../server/storage/records.js';

export const orderEvent = (eventId: string, over: Partial<OrderEventRecord> = {}): OrderEventRecord => ({
  siteId: 'shop',
  eventId,
  orderNumber: '48213',
  customer: { email: 'claire@example.com' },
  status: 'shipped',
  carrier: 'Colissimo',
  trackingNumber: '6A12345678901',
  at: 1000,
  receivedAt: 1000,
  ...over,
});

export function orderEventsContract(make: () => Promise<ChatStore>, conversation: (id: string, over?: Partial<ConversationRecord>) => ConversationRecord) {
  it('order events: stored once per site and eventId, found by the customer named, sent and shown recorded', async () => {
    const store = await make();
    await store.open();
    const first = await store.addOrderEvent(orderEvent('e1'));
    expect(first).toEqual({ event: orderEvent('e1'), created: true });
    // A repeat (even with other fields) changes nothing and returns the stored one.
    expect(await store.addOrderEvent(orderEvent('e1', { status: 'cancelled' }))).toEqual({ event: orderEvent('e1'), created: false });
    await store.addOrderEvent(orderEvent('e1', { siteId: 'other' }));
    await store.addOrderEvent(orderEvent('e2', { customer: { id: 'cust-1', email: 'claire@example.com' } }));
    await store.addOrderEvent(orderEvent('e3', { customer: { id: 'cust-2' } }));
    const ids = async (customer: { id: string; email?: string }) => (await store.listOrderEvents('shop', customer)).map((e) => e.eventId).sort();
    // By e-mail only where the event names no id; by id otherwise.
    expect(await ids({ id: 'cust-9', email: 'claire@example.com' })).toEqual(['e1']);
    expect(await ids({ id: 'cust-1', email: 'claire@example.com' })).toEqual(['e1', 'e2']);
    expect(await ids({ id: 'cust-2' })).toEqual(['e3']);
    expect(await ids({ id: 'nobody' })).toEqual([]);
    expect((await store.listOrderEvents('shop')).map((e) => e.eventId).sort()).toEqual(['e1', 'e2', 'e3']);
    const sent = await store.updateOrderEvent('shop', 'e1', { sentAt: 2000 });
    expect(sent).toEqual({ ...orderEvent('e1'), sentAt: 2000 });
    await store.updateOrderEvent('shop', 'e1', { shownAt: 3000 });
    expect((await store.listOrderEvents('shop', { id: 'x', email: 'claire@example.com' }))[0]).toEqual({ ...orderEvent('e1'), sentAt: 2000, shownAt: 3000 });
    expect((await store.listOrderEvents('other', { id: 'x', email: 'claire@example.com' }))[0]!.shownAt).toBeUndefined();
    expect(await store.updateOrderEvent('shop', 'nope', { shownAt: 1 })).toBeUndefined();
  });

  it('follow-up numbers: sent, shown, and the order questions the customer asked within 7 days after', async () => {
    const store = await make();
    await store.open();
    // Messages are stamped now: the follow-ups were sent and shown a little before.
    const now = Date.now();
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    await store.addOrderEvent(orderEvent('e1', { customer: { id: 'cust-1' } }));
    await store.updateOrderEvent('shop', 'e1', { sentAt: now - 3000 });
    await store.updateOrderEvent('shop', 'e1', { shownAt: now - 2000 });
    await store.addOrderEvent(orderEvent('e2', { orderNumber: '5', customer: { id: 'cust-2' } }));
    await store.updateOrderEvent('shop', 'e2', { sentAt: now - 3000 });
    const verified = (sub: string) => ({ identity: { verified: { sub, at: now } }, createdAt: now - 1000 });
    await store.createConversation(conversation('q1', { siteId: 'shop', ...verified('cust-1') }));
    await store.createConversation(conversation('q2', { siteId: 'shop', ...verified('cust-2') }));
    const say = (id: string, author: 'visitor' | 'bot', text: string, bot?: object) => store.appendMessage(id, { author, text, ...(bot ? { bot } : {}) } as never);
    // cust-1, after the follow-up: one question (the number given after the bot asked is its answer), then something else.
    await say('q1', 'visitor', 'where is my order?');
    await say('q1', 'bot', 'its number?', { outcome: 'order', order: { step: 'ask-number' } });
    await say('q1', 'visitor', '48213');
    await say('q1', 'bot', 'shipped', { outcome: 'order', order: { step: 'status', orderNumber: '48213' } });
    await say('q1', 'visitor', 'how do I return a vase?');
    await say('q1', 'bot', 'returns…', { outcome: 'answer', faqId: 'returns' });
    // cust-2 was sent one but never shown it: their question does not count.
    await say('q2', 'visitor', 'where is my order?');
    await say('q2', 'bot', 'tracking…', { outcome: 'answer', faqId: 'order-tracking' });
    const stats = await store.conversationStats({ siteId: 'shop', from: day(now - 86_400_000), to: day(now) });
    expect(stats.followUps).toEqual({ sent: 2, shown: 1, orderQuestionsAfter: 1 });
    expect((await store.conversationStats({ siteId: 'shop', from: day(now + 86_400_000), to: day(now + 86_400_000) })).followUps).toEqual({ sent: 0, shown: 0, orderQuestionsAfter: 0 });
  });
}
