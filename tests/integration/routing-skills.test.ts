// Routing by topic on real sockets, with the demo's French trainee (Margaux: simple topics) and
// French expert (Hugo: complaints, payment): the bot reads what a chat is about from the
// visitor's words, and when the visitor asks for a person the chat goes to the agent the topic
// calls for. Then the console's side: an agent corrects a topic, admins set skills and levels.
import { describe, expect, it } from 'vitest';
import { AGENT_CMD, SERVER_EVT, VISITOR_CMD } from '../../protocol/events.js';
import type { AgentsListResult, ConversationAssigned, ConversationSummary, Message, TopicsListResult, VisitorHandoffResult } from '../../protocol/types.js';
import { ack, clientId, connectVisitor, ok, page, waitFor, type TestServer } from '../helpers/server.js';
import { next, openConsole, useRoutingServer, type Console } from './routing-helpers.js';

let server: TestServer;
useRoutingServer({}, (s) => (server = s));

async function demoAgent(email: string, password: string) {
  const agent = (await server.app.store.findAgentByEmail(email))!;
  return openConsole(server, { ...agent, password });
}

/** The chat's `conversation:assigned` on this console (a busy machine may take seconds over the bot). */
const assignedTo = (c: Console, id: string) => next<ConversationAssigned>(c, SERVER_EVT.conversationAssigned, (a) => a.conversation.id === id, 30_000);

/** A French visitor writes `text`, gets the bot's reply, then asks for a person. */
async function askThenHandOff(text: string): Promise<string> {
  const visitor = connectVisitor(server.url, { siteId: 'demo', languages: ['fr'] });
  await waitFor(visitor, 'connect');
  const botReply = waitFor<Message>(visitor, SERVER_EVT.messageCreated, (m) => m.author === 'bot', 60_000);
  await ok(visitor, VISITOR_CMD.messageSend, { clientId: clientId(), text, page });
  await botReply;
  const res = await ok<VisitorHandoffResult>(visitor, VISITOR_CMD.handoffRequest, { page });
  return res.conversation.id;
}

describe('routing by topic, skill and level', () => {
  it('"mon colis est arrivé cassé" goes to the French expert, "où est ma commande" to the French trainee', { timeout: 120_000 }, async () => {
    const margaux = await demoAgent('margaux@demo.bulle.chat', 'demo-margaux');
    const hugo = await demoAgent('hugo@demo.bulle.chat', 'demo-hugo');

    const broken = await askThenHandOff('mon colis est arrivé cassé');
    const toHugo = await assignedTo(hugo, broken);
    expect(toHugo.conversation.topic).toMatchObject({ id: 'complaint' });
    expect(toHugo.skillFallback).toBeUndefined();

    const where = await askThenHandOff('où est ma commande');
    const toMargaux = await assignedTo(margaux, where);
    expect(toMargaux.conversation.topic).toMatchObject({ id: 'orders' });
    expect(margaux.events.some(([e, p]) => e === SERVER_EVT.conversationAssigned && p.conversation.id === broken)).toBe(false);
  });

  it('nobody with the skill online: a speaker takes it at once, flagged', { timeout: 120_000 }, async () => {
    const margaux = await demoAgent('margaux@demo.bulle.chat', 'demo-margaux');
    const broken = await askThenHandOff('ma commande est arrivée abîmée');
    const assigned = await assignedTo(margaux, broken);
    expect(assigned).toMatchObject({ skillFallback: true, conversation: { topic: { id: 'complaint' }, skillFallback: true } });
  });

  it('an agent corrects the topic; topics are listed; only admins set skills, levels and difficulty', { timeout: 120_000 }, async () => {
    const margaux = await demoAgent('margaux@demo.bulle.chat', 'demo-margaux');
    const alex = await demoAgent('alex@demo.bulle.chat', 'demo-alex');
    const id = await askThenHandOff('où est ma commande');
    await assignedTo(margaux, id);

    const { conversation } = await ok<{ conversation: ConversationSummary }>(margaux.socket, AGENT_CMD.conversationSetTopic, { conversationId: id, topic: 'returns' });
    expect(conversation.topic).toEqual({ id: 'returns', confidence: 1, via: 'agent' });
    const bad = await ack(margaux.socket, AGENT_CMD.conversationSetTopic, { conversationId: id, topic: 'weather' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_PAYLOAD' } });

    const topics = await ok<TopicsListResult>(margaux.socket, AGENT_CMD.topicsList, {});
    expect(topics.topics).toContainEqual({ id: 'complaint', tag: 'complaint', difficulty: 'complex' });

    const set = { agentId: margaux.agent.id, skills: ['orders', 'complaint'], level: 'agent' };
    expect(await ack(margaux.socket, AGENT_CMD.agentSetSkills, set)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await ack(margaux.socket, AGENT_CMD.topicSet, { topic: 'orders', difficulty: 'complex' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const changed = await ok<{ agent: AgentsListResult['agents'][number] }>(alex.socket, AGENT_CMD.agentSetSkills, set);
    expect(changed.agent).toMatchObject({ skills: ['orders', 'complaint'], level: 'agent' });
    const after = await ok<TopicsListResult>(alex.socket, AGENT_CMD.topicSet, { topic: 'orders', difficulty: 'complex', skillWaitMs: 30_000 });
    expect(after).toMatchObject({ skillWaitMs: 30_000 });
    expect(after.topics).toContainEqual({ id: 'orders', tag: 'order-status', difficulty: 'complex' });
    expect(server.app.chatRouting.router.agent(margaux.agent.id)).toMatchObject({ skills: ['orders', 'complaint'], level: 'agent' });
  });
});
