// Notifier on Socket.IO rooms: works the same on one server or many behind an adapter.
import type { Server } from 'socket.io';
import { NS } from '../../protocol/events.js';
import type { Notifier } from '../services/notifier.js';
import { rooms } from './rooms.js';

export interface NotifierOptions {
  /**
   * The in-memory adapter (no `adapter` given): every member of a room is on this server, so a
   * room nobody is in can be skipped. Socket.IO encodes a packet before it looks at the room; most
   * messages go to conversations no agent follows (the bot's). Never set with a scale-out adapter.
   */
  singleServer?: boolean;
}

export function createSocketNotifier(io: Server, { singleServer = false }: NotifierOptions = {}): Notifier {
  const visitors = io.of(NS.visitor);
  const agents = io.of(NS.agent);
  const nobodyIn = (nsp: typeof agents, room: string, except?: string) => {
    if (!singleServer) return false;
    const members = nsp.adapter.rooms.get(room);
    return !members || (except !== undefined && members.size === 1 && members.has(except));
  };
  return {
    toVisitor(visitorId, event, payload, opts) {
      const room = rooms.visitor(visitorId);
      if (nobodyIn(visitors, room, opts?.except)) return;
      const to = (opts?.volatile ? visitors.volatile : visitors).to(room);
      (opts?.except ? to.except(opts.except) : to).emit(event, payload);
    },
    toConversation(conversationId, event, payload, opts) {
      const room = rooms.conversation(conversationId);
      if (nobodyIn(agents, room, opts?.except)) return;
      const to = (opts?.volatile ? agents.volatile : agents).to(room);
      (opts?.except ? to.except(opts.except) : to).emit(event, payload);
    },
    toLanguage(siteId, lang, event, payload) {
      agents.to(rooms.language(siteId, lang)).emit(event, payload);
    },
    followConversation(agentId, conversationId) {
      agents.in(rooms.agent(agentId)).socketsJoin(rooms.conversation(conversationId));
    },
    assignConversation(siteId, conversationId, agentId) {
      const room = rooms.conversation(conversationId);
      agents.in(room).except([rooms.agent(agentId), rooms.siteAdmins(siteId)]).socketsLeave(room);
      agents.in(rooms.agent(agentId)).socketsJoin(room);
    },
    unfollowConversation(agentId, conversationId) {
      agents.in(rooms.agent(agentId)).socketsLeave(rooms.conversation(conversationId));
    },
    toAgent(agentId, event, payload) {
      agents.to(rooms.agent(agentId)).emit(event, payload);
    },
    toSiteAgents(siteId, event, payload) {
      agents.to(rooms.siteAgents(siteId)).emit(event, payload);
    },
  };
}
