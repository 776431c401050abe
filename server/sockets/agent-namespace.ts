// The /agent namespace: the session cookie authenticates the handshake; each socket follows
// its agent's room, its languages' queues and its assigned conversations.
import type { Namespace, Socket } from 'socket.io';
import { AGENT_CMD, ERR, SERVER_EVT } from '../protocol/events.js';
import {
  AgentMessageSendSchema,
  AgentTypingSchema,
  ConversationCloseSchema,
  ConversationRefSchema,
  EmptySchema,
} from '../protocol/schemas.js';
import type { AgentService } from '../services/agent-service.js';
import type { ConsoleServices } from '../services/console-services.js';
import type { AgentAuth } from '../services/agent-auth.js';
import type { Notifier } from '../services/notifier.js';
import type { AgentRecord } from '../storage/records.js';
import { AppError } from '../services/app-error.js';
import { command, connectError, rejectUnknownEvents, type Logger } from './command.js';
import { rooms } from './rooms.js';
import { registerConsoleCommands } from './console-commands.js';
import { registerRoutingCommands } from './routing-commands.js';
import type { RoutingService } from '../services/routing/routing-service.js';

interface Deps {
  agents: AgentService;
  /** Notes, canned replies, context, customer history (issue #4). */
  workspace: ConsoleServices;
  auth: AgentAuth;
  /** Presence, transfers, the site's mode (issue #4). */
  routing: RoutingService;
  notifier: Notifier;
  parseCookie: (header: string) => Record<string, string | undefined>;
  log: Logger;
}

export function setupAgentNamespace(nsp: Namespace, deps: Deps): void {
  nsp.use(async (socket, next) => {
    const cookies = deps.parseCookie(socket.handshake.headers.cookie ?? '');
    const agent = await deps.auth.agentForSession(cookies[deps.auth.cookieName]).catch(() => undefined);
    if (!agent) return next(connectError(ERR.unauthorized, 'Please log in'));
    socket.data.agentId = agent.id;
    socket.data.agent = agent;
    next();
  });

  nsp.on('connection', async (socket: Socket) => {
    const agentId = socket.data.agentId as string;
    const { agents, log } = deps;
    rejectUnknownEvents(socket);
    // The agent record is read again for every command: a changed role or language applies at once.
    const me = async (): Promise<AgentRecord> => {
      const agent = await deps.auth.agentById(agentId);
      if (!agent) throw new AppError(ERR.unauthorized, 'Agent no longer exists');
      return agent;
    };

    command(socket, AGENT_CMD.queueList, EmptySchema, async () => agents.listQueue(await me()), log);
    command(socket, AGENT_CMD.conversationClaim, ConversationRefSchema, async (p) => agents.claim(await me(), p.conversationId), log);
    command(socket, AGENT_CMD.conversationOpen, ConversationRefSchema, async (p) => agents.open(await me(), p.conversationId), log);
    command(socket, AGENT_CMD.conversationClose, ConversationCloseSchema, async (p) => agents.close(await me(), p.conversationId, p), log);
    command(socket, AGENT_CMD.messageSend, AgentMessageSendSchema, async (p) => agents.send(await me(), p), log);
    command(socket, AGENT_CMD.typingSet, AgentTypingSchema, async (p) => {
      const conv = await agents.typingTarget(await me(), p.conversationId);
      if (conv) {
        deps.notifier.toVisitor(conv.visitorId, SERVER_EVT.typingChanged, { conversationId: conv.id, author: 'agent', typing: p.typing }, { volatile: true });
      }
    }, log);
    registerConsoleCommands(socket, deps.workspace, me, log);
    registerRoutingCommands(socket, deps.routing, me, log);

    // Rooms before presence, synchronously: a chat assigned the moment this tab comes online
    // must reach it, and a command sent right after `connect` must find the agent online.
    const agent = socket.data.agent as AgentRecord;
    void socket.join([rooms.agent(agent.id), rooms.siteAgents(agent.siteId), ...agent.languages.map((l) => rooms.language(agent.siteId, l))]);
    deps.routing.agentConnected(agent);
    socket.on('disconnect', () => deps.routing.agentDisconnected(agent.id));

    try {
      const { mine } = await agents.listQueue(await me());
      await socket.join(mine.map((c) => rooms.conversation(c.id)));
    } catch (err) {
      log.error({ err }, 'agent socket setup failed');
      socket.disconnect(true);
    }
  });
}
