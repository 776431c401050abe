// The agent's routing commands: presence, transfer, the site's assignment mode, and
// the site's agents (transfer targets). Schema-checked like every command (command.ts).
import type { AgentCommands } from '../../protocol/agent-events.js';
import { AGENT_CMD } from '../../protocol/events.js';
import { AgentsListSchema, ConversationTransferSchema, PresenceSetSchema, SiteModeSchema } from '../../protocol/schemas.js';
import type { RoutingService } from '../services/routing/routing-service.js';
import type { AgentRecord } from '../storage/records.js';
import { cmd, type CommandsOf } from './command.js';
import type { AgentSocket } from './namespaces.js';
import type { AuditLog } from '../services/audit/audit-log.js';
import type { RoutingMode } from '../../protocol/types.js';

export function routingCommands(routing: RoutingService, me: (socket: AgentSocket) => Promise<AgentRecord>, audit: AuditLog) {
  // Recorded here, on the server the admin is connected to (the routing owner may be another).
  const setMode = async (agent: AgentRecord, mode: RoutingMode) => {
    const done = await routing.setMode(agent, mode);
    await audit.record({ actor: agent, siteId: agent.siteId, action: 'site.mode', target: { kind: 'site', id: agent.siteId }, changes: { assignment: { to: mode } } });
    return done;
  };
  return {
    [AGENT_CMD.presenceSet]: cmd(PresenceSetSchema, async (socket, p) => routing.setPresence(await me(socket), p.status)),
    [AGENT_CMD.conversationTransfer]: cmd(ConversationTransferSchema, async (socket, p) => routing.transfer(await me(socket), p)),
    [AGENT_CMD.siteMode]: cmd(SiteModeSchema, async (socket, p) => setMode(await me(socket), p.mode)),
    [AGENT_CMD.agentsList]: cmd(AgentsListSchema, async (socket, p) => routing.listAgents(await me(socket), p.siteId)),
  } satisfies Partial<CommandsOf<AgentCommands>>;
}
