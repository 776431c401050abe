// The agent's routing commands (issue #4): presence, transfer, the site's assignment mode, and
// the site's agents (transfer targets). Schema-checked like every command (command.ts).
import type { Socket } from 'socket.io';
import { AGENT_CMD } from '../protocol/events.js';
import { ConversationTransferSchema, EmptySchema, PresenceSetSchema, SiteModeSchema } from '../protocol/schemas.js';
import type { RoutingService } from '../services/routing/routing-service.js';
import type { AgentRecord } from '../storage/records.js';
import { command, type Logger } from './command.js';

export function registerRoutingCommands(socket: Socket, routing: RoutingService, me: () => Promise<AgentRecord>, log: Logger): void {
  command(socket, AGENT_CMD.presenceSet, PresenceSetSchema, async (p) => routing.setPresence(await me(), p.status), log);
  command(socket, AGENT_CMD.conversationTransfer, ConversationTransferSchema, async (p) => routing.transfer(await me(), p), log);
  command(socket, AGENT_CMD.siteMode, SiteModeSchema, async (p) => routing.setMode(await me(), p.mode), log);
  command(socket, AGENT_CMD.agentsList, EmptySchema, async () => routing.listAgents(await me()), log);
}
