// The agents admin (services/agent/agents-admin.ts): GET/POST /api/admin/agents and
// PATCH /api/admin/agents/:id. An admin's session, the console's origin, their own sites' agents.
import type { FastifyPluginAsync } from 'fastify';
import { AgentCreateSchema, AgentParamsSchema, AgentUpdateSchema, type AgentCreate, type AgentParams, type AgentUpdate } from '../../protocol/schemas.js';
import { AgentsAdmin } from '../services/agent/agents-admin.js';
import { adminOf, requireAdmin } from './admin-guard.js';
import { NS } from '../../protocol/events.js';
import { moveAgentRooms } from '../sockets/agent-rooms.js';

const adminAgentsRoutes: FastifyPluginAsync = async (app) => {
  requireAdmin(app);
  const agents = new AgentsAdmin({
    store: app.store,
    auth: app.agentAuth,
    routing: app.chatRouting,
    sites: app.sites,
    audit: app.audit,
    moved: (before, after) => moveAgentRooms(app.io.of(NS.agent), before, after),
  });

  app.get('/api/admin/agents', (req) => agents.list(adminOf(req)));
  // The answer holds the one-time password: requireAdmin already says no-store.
  app.post<{ Body: AgentCreate }>('/api/admin/agents', { schema: { body: AgentCreateSchema } }, (req) => agents.create(adminOf(req), req.body));
  app.patch<{ Params: AgentParams; Body: AgentUpdate }>('/api/admin/agents/:id', { schema: { params: AgentParamsSchema, body: AgentUpdateSchema } }, (req) =>
    agents.update(adminOf(req), req.params.id, req.body),
  );
};
export default adminAgentsRoutes;
