// Notifier on Socket.IO rooms: works the same on one server or many behind an adapter.
import type { Server } from 'socket.io';
import { NS } from '../protocol/events.js';
import type { Notifier } from '../services/notifier.js';
import { rooms } from './rooms.js';

export function createSocketNotifier(io: Server): Notifier {
  const visitors = io.of(NS.visitor);
  const agents = io.of(NS.agent);
  return {
    toVisitor(visitorId, event, payload, opts) {
      const to = (opts?.volatile ? visitors.volatile : visitors).to(rooms.visitor(visitorId));
      (opts?.except ? to.except(opts.except) : to).emit(event, payload);
    },
    toConversation(conversationId, event, payload, opts) {
      const to = (opts?.volatile ? agents.volatile : agents).to(rooms.conversation(conversationId));
      (opts?.except ? to.except(opts.except) : to).emit(event, payload);
    },
    toLanguage(siteId, lang, event, payload) {
      agents.to(rooms.language(siteId, lang)).emit(event, payload);
    },
    followConversation(agentId, conversationId) {
      agents.in(rooms.agent(agentId)).socketsJoin(rooms.conversation(conversationId));
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
