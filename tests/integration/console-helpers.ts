// Shared steps of the console integration tests: a visitor handed off in a language,
// and an agent who takes the chat — by hand, or already given to them by automatic routing.
import { expect } from 'vitest';
import type { Socket } from 'socket.io-client';
import { AGENT_CMD, VISITOR_CMD } from '../../protocol/events.js';
import type { ConversationDetail, VisitorHandoffResult } from '../../protocol/types.js';
import type { ConversationRecord } from '../../server/storage/records.js';
import { ack, connectAgent, connectVisitor, ok, page, waitFor } from '../helpers/server.js';

export const AGENTS = {
  camille: ['camille@demo.bulle.chat', 'demo-camille'],
  sam: ['sam@demo.bulle.chat', 'demo-sam'],
  lucia: ['lucia@demo.bulle.chat', 'demo-lucia'],
  jonas: ['jonas@demo.bulle.chat', 'demo-jonas'],
  alex: ['alex@demo.bulle.chat', 'demo-alex'],
} as const;

export const agent = (url: string, who: keyof typeof AGENTS) => connectAgent(url, AGENTS[who][0], AGENTS[who][1]);

/** A visitor whose browser speaks `lang` presses "talk to a person". */
export async function handedOff(url: string, lang: string): Promise<{ visitor: Socket; conversationId: string; token: string }> {
  const visitor = connectVisitor(url, { siteId: 'demo', languages: [lang] });
  await waitFor(visitor, 'connect');
  const res = await ok<VisitorHandoffResult>(visitor, VISITOR_CMD.handoffRequest, { page });
  expect(res.conversation.lang).toBe(lang);
  return { visitor, conversationId: res.conversation.id, token: res.token! };
}

/** The agent ends up with the chat: claimed, or already assigned to them by the router. */
export async function take(agentSocket: Socket, conversationId: string): Promise<ConversationDetail> {
  const claimed = await ack<ConversationDetail>(agentSocket, AGENT_CMD.conversationClaim, { conversationId });
  if (!claimed.ok) expect(claimed.error.code).toBe('CONFLICT');
  const detail = await ok<ConversationDetail>(agentSocket, AGENT_CMD.conversationOpen, { conversationId });
  expect(detail.conversation.status).toBe('assigned');
  return detail;
}

/** A closed conversation written straight to the store (history and paging need many). */
export function closedRecord(id: string, agentId: string, closedAt: number, over: Partial<ConversationRecord> = {}): ConversationRecord {
  return {
    id,
    siteId: 'demo',
    visitorId: `visitor-${id}`,
    status: 'closed',
    lang: 'es',
    langConfidence: 1,
    createdAt: closedAt - 60_000,
    updatedAt: closedAt,
    closedAt,
    assignedAgentId: agentId,
    assignedAgentName: 'Lucía',
    firstMessage: `Pregunta ${id}`,
    lastSeq: 0,
    visitorReadSeq: 0,
    visitorLanguages: ['es'],
    tag: 'other',
    resolved: true,
    ...over,
  };
}
