// A known set of conversations written straight to the store, with the times the numbers are
// made of, and the values computed by hand from them (tests/integration/stats.test.ts).
import type { ChatStore } from '../../server/storage/chat-store.js';
import type { ConversationRecord, NewMessage } from '../../server/storage/records.js';

export const M = 60_000;
export const H = 60 * M;
export const D = 24 * H;
/** 2026-11-02 00:00 UTC: the range is 11-02..11-04. */
export const DAY0 = Date.parse('2026-11-02T00:00:00Z');

const visitor = (text: string): NewMessage => ({ author: 'visitor', text });
const answer = (faqId: string): NewMessage => ({
  author: 'bot',
  text: 'answer',
  bot: { outcome: 'answer', via: 'fuzzy', faqId, confidence: 0.9, lang: 'en', langConfidence: 1 },
});
const fallback: NewMessage = { author: 'bot', text: 'fallback', bot: { outcome: 'fallback', via: 'none', faqId: null, confidence: 0.2, lang: 'en', langConfidence: 1 } };

function record(id: string, lang: string, createdAt: number, over: Partial<ConversationRecord> = {}): ConversationRecord {
  return {
    id,
    siteId: 'demo',
    visitorId: `v-${id}`,
    status: 'bot',
    lang,
    langConfidence: 1,
    createdAt,
    updatedAt: createdAt,
    lastSeq: 0,
    visitorReadSeq: 0,
    visitorLanguages: [lang],
    ...over,
  };
}

/** Closed by an agent `after` ms from `handedOffAt`, replying first `reply` ms after the hand-off. */
function handled(createdAt: number, reply: number, closedAfter: number, agent: { id: string; name: string }, over: Partial<ConversationRecord>): Partial<ConversationRecord> {
  const handedOffAt = createdAt + M;
  return {
    status: 'closed',
    handedOffAt,
    firstAgentReplyAt: handedOffAt + reply,
    closedAt: createdAt + closedAfter,
    firstClosedAt: createdAt + closedAfter,
    endedBy: 'agent',
    assignedAgentId: agent.id,
    assignedAgentName: agent.name,
    ...over,
  };
}

export async function writeFixture(store: ChatStore): Promise<void> {
  const agent = async (email: string) => {
    const a = (await store.findAgentByEmail(email))!;
    return { id: a.id, name: a.name };
  };
  const [camille, sam, lucia, jonas] = await Promise.all(
    ['camille', 'sam', 'lucia', 'jonas'].map((n) => agent(`${n}@demo.bulle.chat`)),
  );
  const put = async (c: ConversationRecord, messages: NewMessage[]) => {
    await store.createConversation(c);
    for (const m of messages) await store.appendMessage(c.id, m);
  };
  // 11-02. A: settled by the bot (answer marked helpful). B: answer marked unhelpful (not settled).
  const a = DAY0 + 10 * H;
  await put(record('st-a', 'fr', a, { feedback: { 2: 'helpful' } }), [visitor('où est mon colis'), answer('order-tracking')]);
  const b = DAY0 + 11 * H;
  await put(record('st-b', 'en', b, { feedback: { 2: 'unhelpful' } }), [visitor('return label'), answer('returns')]);
  await store.addUnanswered({ id: 'st-u1', siteId: 'demo', text: 'return label', lang: 'en', at: b + M, conversationId: 'st-b', reason: 'unhelpful' });
  // 11-03. C: handed off, first reply after 2 min, resolved after 20 min, rated 4.
  const c = DAY0 + D + 9 * H;
  await put(record('st-c', 'fr', c, handled(c, 2 * M, 20 * M, camille, { tag: 'returns', resolved: true, rating: { score: 4, at: c + 21 * M } })), [visitor('?'), fallback]);
  await store.addUnanswered({ id: 'st-u2', siteId: 'demo', text: '?', lang: 'fr', at: c + 30_000, conversationId: 'st-c', reason: 'stepped-aside' });
  // D: handed off, first reply after 5 min, closed resolved after 30 min, reopened 2 days later,
  // closed resolved again 10 min after that; rated 2.
  const d = DAY0 + D + 10 * H;
  await put(
    record('st-d', 'en', d, handled(d, 5 * M, 30 * M, sam, {
      tag: 'delivery',
      resolved: true,
      reopenedAt: d + 30 * M + 2 * D,
      closedAt: d + 30 * M + 2 * D + 10 * M,
      rating: { score: 2, comment: 'slow', at: d + 3 * D },
    })),
    [visitor('where is it')],
  );
  // 11-04. E: first reply after 1 min, resolved after 15 min; the same customer (a linked e-mail)
  // writes again from another browser 3 days later (F, outside the range).
  const e = DAY0 + 2 * D + 8 * H;
  const customer = { emails: ['x@example.com'], orders: [] };
  await put(record('st-e', 'es', e, handled(e, 1 * M, 15 * M, lucia, { tag: 'delivery', resolved: true, customer })), [visitor('¿dónde?')]);
  await put(record('st-f', 'es', e + 15 * M + 3 * D, { customer }), [visitor('otra vez')]);
  // G: first reply after 10 min, closed unresolved after 40 min, rated 1.
  const g = DAY0 + 2 * D + 12 * H;
  await put(record('st-g', 'de', g, handled(g, 10 * M, 40 * M, jonas, { tag: 'complaint', resolved: false, rating: { score: 1, at: g + H } })), [visitor('Beschwerde')]);
  // H: the bot answered, then the visitor ended the chat and rated it 5 (settled by the bot).
  const h = DAY0 + 2 * D + 13 * H;
  await put(record('st-h', 'fr', h, { status: 'closed', closedAt: h + 5 * M, firstClosedAt: h + 5 * M, endedBy: 'visitor', rating: { score: 5, at: h + 6 * M } }), [visitor('suivi'), answer('order-tracking')]);
  // Outside the range: the day before.
  await put(record('st-i', 'fr', DAY0 - 2 * H), [visitor('hier'), answer('order-tracking')]);
  await store.addUnanswered({ id: 'st-u3', siteId: 'demo', text: 'hier', lang: 'fr', at: DAY0 - H, conversationId: 'st-i', reason: 'stepped-aside' });
}
