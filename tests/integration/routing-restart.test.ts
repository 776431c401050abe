// The router's state is a cache of the store. After a restart the waiting chats are
// waiting again, oldest first, and an agent's chats wait for them through the grace period.
import { afterEach, describe, expect, it } from 'vitest';
import { SERVER_EVT } from '../../protocol/events.js';
import type { ConversationAssigned } from '../../protocol/types.js';
import { closeClients, startServer, tempDir } from '../helpers/server.js';
import { addAgent, closeConsoles, handOff, next, openConsole } from './routing-helpers.js';

afterEach(() => {
  closeClients();
  closeConsoles();
});

describe('routing across a restart', () => {
  it('restores waiting and assigned chats from the store', async () => {
    const data = await tempDir();
    const config = { dataDir: data.dir, routingGraceMs: 60_000, agentMaxChats: 3 };
    try {
      // 1. Before: Tess has one chat; two more wait (nobody else speaks German).
      const first = await startServer(config);
      const tess = await addAgent(first, 'Tess', ['de'], { maxChats: 1 });
      const console1 = await openConsole(first, tess);
      const mine = await handOff(first, 'de');
      await next<ConversationAssigned>(console1, SERVER_EVT.conversationAssigned);
      const older = await handOff(first, 'de');
      const newer = await handOff(first, 'de');
      closeClients();
      closeConsoles();
      await first.close();

      // 2. After: the queue is the same, oldest first; Tess still has her chat (grace), so a new
      //    German speaker gets the older waiting one.
      const second = await startServer(config);
      try {
        const { router } = second.app.chatRouting;
        expect(router.waiting('demo', 'de').map((c) => c.id)).toEqual([older.conversationId, newer.conversationId]);
        expect(router.assignedTo(tess.id).map((c) => c.id)).toEqual([mine.conversationId]);
        const uma = await openConsole(second, await addAgent(second, 'Uma', ['de'], { maxChats: 1 }));
        const got = await next<ConversationAssigned>(uma, SERVER_EVT.conversationAssigned);
        expect(got.conversation.id).toBe(older.conversationId);
        // Tess comes back and finds her chat where she left it.
        const back = await openConsole(second, tess);
        expect(back.events.some(([e]) => e === SERVER_EVT.conversationAssigned)).toBe(false);
        expect((await second.app.store.getConversation(mine.conversationId))!.assignedAgentId).toBe(tess.id);
      } finally {
        closeConsoles();
        await second.close();
      }
    } finally {
      await data.remove();
    }
  });
});
