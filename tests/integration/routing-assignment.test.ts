// Routing on real sockets: a handed-off chat goes to the least busy online agent who
// speaks its language, waits when nobody can take it (the visitor sees their place in line),
// and goes out at once when a slot frees. Away agents get nothing new; nobody speaking the
// language → any agent after the delay, flagged. Grace and fallback delays are short here.
import { describe, expect, it } from 'vitest';
import { AGENT_CMD, SERVER_EVT } from '../../protocol/events.js';
import type { AgentsListResult, Message, PresenceChanged, QueueListResult, QueuePosition } from '../../protocol/types.js';
import { ok, waitFor, type TestServer } from '../helpers/server.js';
import { addAgent, assignedTo, handOff, next, openConsole, useRoutingServer, type Console } from './routing-helpers.js';

let server: TestServer;
useRoutingServer({ anyAgentAfterMs: 500 }, (s) => (server = s));

describe('automatic assignment', () => {
  it('goes to the least busy speaker, waits at capacity with its place in line, and backfills a freed slot', async () => {
    const anna = await openConsole(server, await addAgent(server, 'Anna', ['fr', 'en'], { maxChats: 2 }));
    const ben = await openConsole(server, await addAgent(server, 'Ben', ['fr'], { maxChats: 1 }));

    // 1. English: only Anna speaks it.
    const e1 = await handOff(server, 'en');
    expect((await assignedTo(anna, e1.conversationId)).via).toBe('auto');

    // 2. French: Ben (0 chats) before Anna (1 chat); the visitor is told who joined, in French.
    const joined = waitFor<Message>(ben.socket, SERVER_EVT.messageCreated, (m) => m.author === 'system' && m.text === 'Ben a rejoint la conversation.');
    const f1 = await handOff(server, 'fr');
    const toBen = await assignedTo(ben, f1.conversationId);
    expect(toBen.conversation).toMatchObject({ status: 'assigned', assignedAgentName: 'Ben' });
    await joined;

    // 3. French again: Ben is full (1), so Anna takes it — she is full too now (2).
    const f2 = await handOff(server, 'fr');
    await assignedTo(anna, f2.conversationId);

    // 4. Two more French chats wait, oldest first, and their visitors know where they stand.
    const f3 = await handOff(server, 'fr');
    const f4 = await handOff(server, 'fr');
    expect(f3.queue).toMatchObject({ conversationId: f3.conversationId, position: 1, available: true });
    expect(f4.queue).toMatchObject({ position: 2, available: true });
    expect(f4.queue!.estimatedWaitMs).toBeGreaterThan(f3.queue!.estimatedWaitMs!);
    const { queue } = await ok<QueueListResult>(ben.socket, AGENT_CMD.queueList, {});
    expect(queue.map((c) => c.id)).toEqual([f3.conversationId, f4.conversationId]);

    // 5. Ben closes his chat: the oldest waiting one is his at once, and the next visitor moves up.
    const moved = waitFor<QueuePosition>(f4.socket, SERVER_EVT.queuePosition, (p) => p.position === 1);
    await ok(ben.socket, AGENT_CMD.conversationClose, { conversationId: f1.conversationId });
    expect((await assignedTo(ben, f3.conversationId)).messages.map((m) => m.author)).toEqual(['system', 'system']);
    expect(await moved).toMatchObject({ conversationId: f4.conversationId, available: true });
    expect(anna.events.some(([e, p]) => e === SERVER_EVT.conversationAssigned && p.conversation.id === f4.conversationId)).toBe(false);
  });

  it('skips an agent who is away, and lists the site agents with presence and load', async () => {
    const cleo = await openConsole(server, await addAgent(server, 'Cléo', ['es'], { maxChats: 2 }));
    const dani = await openConsole(server, await addAgent(server, 'Dani', ['es'], { maxChats: 4 }));

    // 1. Cléo steps away: her colleagues hear it, and new chats go to Dani although she is busier.
    const heard = waitFor<PresenceChanged>(dani.socket, SERVER_EVT.presenceChanged, (p) => p.agentId === cleo.agent.id);
    expect(await ok(cleo.socket, AGENT_CMD.presenceSet, { status: 'away' })).toEqual({ presence: 'away' });
    expect(await heard).toEqual({ agentId: cleo.agent.id, presence: 'away' });
    const s1 = await handOff(server, 'es');
    const s2 = await handOff(server, 'es');
    await assignedTo(dani, s1.conversationId);
    await assignedTo(dani, s2.conversationId);

    // 2. The list shows who is there, their languages, load and capacity.
    const { agents, mode } = await ok<AgentsListResult>(cleo.socket, AGENT_CMD.agentsList, {});
    expect(mode).toBe('automatic');
    expect(agents.find((a) => a.id === cleo.agent.id)).toMatchObject({ name: 'Cléo', presence: 'away', openChats: 0, capacity: 2, languages: ['es'] });
    expect(agents.find((a) => a.id === dani.agent.id)).toMatchObject({ presence: 'online', openChats: 2, capacity: 4 });
    expect(agents.find((a) => a.name === 'Camille')).toMatchObject({ presence: 'offline', capacity: 3 });
    expect(agents.find((a) => a.name === 'Alex')).toMatchObject({ role: 'admin', capacity: 5 });

    // 3. Back online: the next chat goes to her (fewest chats).
    await ok(cleo.socket, AGENT_CMD.presenceSet, { status: 'online' });
    const s3 = await handOff(server, 'es');
    await assignedTo(cleo, s3.conversationId);
  });

  it('offers a chat nobody online speaks to any agent after the delay, flagged', async () => {
    const emil = await openConsole(server, await addAgent(server, 'Emil', ['en']));
    const de = await handOff(server, 'de');
    // 1. At first it waits for a German speaker; the visitor is given a wait that includes the delay.
    expect(de.queue).toMatchObject({ position: 1, available: true });
    expect(de.queue!.estimatedWaitMs).toBeGreaterThan(0);
    // 2. After BULLE_ANY_AGENT_AFTER_MS (500 ms here) Emil gets it, flagged; the language is still German.
    const got = await assignedTo(emil, de.conversationId);
    expect(got).toMatchObject({ via: 'auto', flagged: true, conversation: { lang: 'de', assignedAgentName: 'Emil' } });
  });

  it('rejects bad presence and transfer payloads at the edge', async () => {
    const fay = await openConsole(server, await addAgent(server, 'Fay', ['en']));
    const bad = async (event: string, payload: unknown) => (await fay.socket.timeout(4000).emitWithAck(event, payload)).error?.code;
    expect(await bad(AGENT_CMD.presenceSet, { status: 'offline' })).toBe('BAD_PAYLOAD');
    expect(await bad(AGENT_CMD.conversationTransfer, { conversationId: 'x', toLang: 'fr', toAgentId: 'y' })).toBe('BAD_PAYLOAD');
    expect(await bad(AGENT_CMD.conversationTransfer, { conversationId: 'x' })).toBe('BAD_PAYLOAD');
    expect(await bad(AGENT_CMD.conversationTransfer, { conversationId: 'nope', toLang: 'fr' })).toBe('NOT_FOUND');
    expect(await bad(AGENT_CMD.siteMode, { mode: 'random' })).toBe('BAD_PAYLOAD');
  });
});
