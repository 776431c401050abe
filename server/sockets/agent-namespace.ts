// The /agent namespace: the session cookie authenticates the handshake; each socket follows
// its agent's room, its languages' queues and its assigned conversations.
import type { AgentCommands } from '../../protocol/agent-events.js';
import { AGENT_CMD, ERR } from '../../protocol/events.js';
import {
  AgentMessageSendSchema,
  AgentTypingSchema,
  ConversationCloseSchema,
  ConversationRefSchema,
  EmptySchema,
} from '../../protocol/schemas.js';
import type { AgentService } from '../services/agent/agent-service.js';
import type { ConsoleServices } from '../services/agent/console-services.js';
import type { AgentAuth } from '../services/agent/agent-auth.js';
import type { AgentRecord } from '../storage/records.js';
import { AppError } from '../services/app-error.js';
import { cmd, commandTable, connectError, serveCommands, type Logger } from './command.js';
import type { AgentNamespace, AgentSocket } from './namespaces.js';
import { rooms } from './rooms.js';
import { consoleCommands } from './console-commands.js';
import { routingCommands } from './routing-commands.js';
import type { RoutingService } from '../services/routing/routing-service.js';
import type { SkillsService } from '../services/routing/skills-service.js';
import { skillsCommands } from './skills-commands.js';
import { recordRooms } from './agent-rooms.js';
import type { AuditLog } from '../services/audit/audit-log.js';

interface Deps {
  agents: AgentService;
  /** Notes, canned replies, context, customer history. */
  workspace: ConsoleServices;
  auth: AgentAuth;
  /** Presence, transfers, the site's mode. */
  routing: RoutingService;
  /** Topics, skills and levels. */
  skills: SkillsService;
  /** Admin changes made over the socket (the assignment mode) are recorded here. */
  audit: AuditLog;
  parseCookie: (header: string) => Record<string, string | undefined>;
  log: Logger;
}

/** setTimeout's ceiling (~24.8 days); a longer session is still checked at each command. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export function setupAgentNamespace(nsp: AgentNamespace, deps: Deps): void {
  nsp.use(async (socket, next) => {
    const cookies = deps.parseCookie(socket.handshake.headers.cookie ?? '');
    const found = await deps.auth.sessionFor(cookies[deps.auth.cookieName]).catch(() => undefined);
    if (!found) return next(connectError(ERR.unauthorized, 'Please log in'));
    socket.data.agentId = found.agent.id;
    socket.data.agent = found.agent;
    socket.data.sessionHash = found.session.tokenHash;
    socket.data.sessionExpiresAt = found.session.expiresAt;
    next();
  });

  // A logout closes every tab of that log-in (through the room, so on every server).
  deps.auth.onSessionEnded((tokenHash) => nsp.in(rooms.session(tokenHash)).disconnectSockets(true));

  const { agents, log } = deps;
  // The session and the agent record are read again for every command: a logout, an expiry or a
  // changed role or language applies at once.
  const me = async (socket: AgentSocket): Promise<AgentRecord> => {
    if (!(await deps.auth.isLive(socket.data.sessionHash))) {
      // After the ack: the console then learns why (its reconnect is refused as unauthorized).
      setImmediate(() => socket.disconnect(true));
      throw new AppError(ERR.unauthorized, 'Your session has ended: please log in again');
    }
    const agent = await deps.auth.agentById(socket.data.agentId);
    if (!agent) throw new AppError(ERR.unauthorized, 'Agent no longer exists');
    return agent;
  };
  const commands = commandTable<AgentCommands>(nsp.name, {
    [AGENT_CMD.queueList]: cmd(EmptySchema, async (socket) => agents.listQueue(await me(socket))),
    [AGENT_CMD.conversationClaim]: cmd(ConversationRefSchema, async (socket, p) => agents.claim(await me(socket), p.conversationId)),
    [AGENT_CMD.conversationOpen]: cmd(ConversationRefSchema, async (socket, p) => agents.open(await me(socket), p.conversationId)),
    [AGENT_CMD.conversationClose]: cmd(ConversationCloseSchema, async (socket, p) => agents.close(await me(socket), p.conversationId, p)),
    [AGENT_CMD.messageSend]: cmd(AgentMessageSendSchema, async (socket, p) => agents.send(await me(socket), p)),
    [AGENT_CMD.typingSet]: cmd(AgentTypingSchema, async (socket, p) => agents.typing(await me(socket), p)),
    ...consoleCommands(deps.workspace, me),
    ...routingCommands(deps.routing, me, deps.audit),
    ...skillsCommands(deps.skills, me),
  });

  nsp.on('connection', async (socket) => {
    serveCommands(socket, commands, log);

    // Rooms before presence, synchronously: a chat assigned the moment this tab comes online
    // must reach it, and a command sent right after `connect` must find the agent online.
    // Every site the agent works on: a change to that list applies from their next connection.
    const agent = socket.data.agent;
    void socket.join([rooms.agent(agent.id), rooms.session(socket.data.sessionHash), ...recordRooms(agent)]);
    deps.routing.agentConnected(agent);
    // An expiring session closes its sockets when it expires, not at their next command.
    const left = socket.data.sessionExpiresAt - Date.now();
    const expiry = left < MAX_TIMER_MS ? setTimeout(() => socket.disconnect(true), Math.max(0, left)) : undefined;
    socket.on('disconnect', () => {
      clearTimeout(expiry);
      deps.routing.agentDisconnected(agent.id);
    });

    try {
      const { mine } = await agents.listQueue(await me(socket));
      await socket.join(mine.map((c) => rooms.conversation(c.id)));
    } catch (err) {
      log.error({ err }, 'agent socket setup failed');
      socket.disconnect(true);
    }
  });
}
