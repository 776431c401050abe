// Identity levels: an e-mail a visitor types is their word, not proof. It must not join them to
// another customer's history (a visitor claiming VICTIM@shop.example once saw the victim's earlier
// chat, address and phone offered to the agent); only an agent's attaching it does.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AGENT_CMD, VISITOR_CMD } from '../../protocol/events.js';
import type { CustomerHistoryItem } from '../../protocol/types.js';
import { closeClients, ok, startServer, type TestServer } from '../helpers/server.js';
import { agent, closedRecord, handedOff, take } from '../integration/console-helpers.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());
afterEach(() => closeClients());

describe('identity levels', () => {
  it("an e-mail a visitor types does not open someone else's history; an agent attaching it does", async () => {
    // The victim's earlier chat, linked to their address by an agent.
    await server.app.store.createConversation(
      closedRecord('victim-chat', 'x', Date.now() - 86_400_000, { customer: { emails: ['victim@shop.example'], orders: [] }, firstMessage: '12 rue des Lilas, 06 12 34 56 78' }),
    );
    const camille = await agent(server.url, 'camille');
    const attacker = await handedOff(server.url, 'fr');
    await take(camille, attacker.conversationId);
    await ok(attacker.visitor, VISITOR_CMD.contactSet, { email: 'VICTIM@shop.example' });

    const history = await ok<{ conversations: CustomerHistoryItem[] }>(camille, AGENT_CMD.customerHistory, { conversationId: attacker.conversationId });
    expect(history.conversations.map((h) => h.conversation.id)).not.toContain('victim-chat');
    const stored = (await server.app.store.getConversation(attacker.conversationId))!;
    expect(stored).toMatchObject({ contactEmail: 'victim@shop.example' });
    expect(stored.customer?.emails ?? []).toEqual([]);

    // The agent, having checked, attaches it: now the history is theirs to see.
    await ok(camille, AGENT_CMD.conversationLink, { conversationId: attacker.conversationId, email: 'victim@shop.example' });
    const linked = await ok<{ conversations: CustomerHistoryItem[] }>(camille, AGENT_CMD.customerHistory, { conversationId: attacker.conversationId });
    expect(linked.conversations.map((h) => [h.conversation.id, h.matchedBy])).toContainEqual(['victim-chat', ['email']]);
  });
});
