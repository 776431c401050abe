// The /agent namespace: the session cookie authenticates the handshake; each socket follows
// its agent's room, its languages' queues and its assigned conversations.
import type { Namespace, Socket } from 'socket.io';
import { AGENT_CMD, ERR, SERVER_EVT } from '../protocol/events.js';
import {
  AgentMessageSendSchema,
  AgentTypingSchema,
  ConversationRefSchema,
  EmptySchema,
} from '../protocol/schemas.js';
import type { AgentService } from '../services/agent-service.js';
import type { AgentAuth } from '../services/agent-auth.js';
import type { Notifier } from '../services/notifier.js';
import type { AgentRecord } from '../storage/records.js';
import { AppError } from '../services/app-error.js';
import { command, connectError, rejectUnknownEvents, type Logger } from './command.js';
import { rooms } from './rooms.js';

interface Deps {
  agents: AgentService;
  auth: AgentAuth;
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
    command(socket, AGENT_CMD.conversationClose, ConversationRefSchema, async (p) => agents.close(await me(), p.conversationId), log);
    command(socket, AGENT_CMD.messageSend, AgentMessageSendSchema, async (p) => agents.send(await me(), p), log);
    command(socket, AGENT_CMD.typingSet, AgentTypingSchema, async (p) => {
      const conv = await agents.typingTarget(await me(), p.conversationId);
      if (conv) {
        deps.notifier.toVisitor(conv.visitorId, SERVER_EVT.typingChanged, { conversationId: conv.id, author: 'agent', typing: p.typing }, true);
      }
    }, log);

    try {
      const agent = await me();
      await socket.join([rooms.agent(agent.id), ...agent.languages.map((l) => rooms.language(agent.siteId, l))]);
      const { mine } = await agents.listQueue(agent);
      await socket.join(mine.map((c) => rooms.conversation(c.id)));
    } catch (err) {
      log.error({ err }, 'agent socket setup failed');
      socket.disconnect(true);
    }
  });
}
