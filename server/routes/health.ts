// Liveness for load balancers and the start-up check.
import type { FastifyPluginAsync } from 'fastify';

const health: FastifyPluginAsync = async (app) => {
  app.get(
    '/health',
    {
      schema: {
        response: {
          200: {
            type: 'object',
            properties: { ok: { type: 'boolean' }, uptimeSeconds: { type: 'number' }, sites: { type: 'integer' } },
          },
        },
      },
    },
    async () => ({ ok: true, uptimeSeconds: Math.round(process.uptime()), sites: (await app.store.listSites()).length }),
  );
};
export default health;
