// The origin policy (sockets/origin-policy.ts) built once from the config and the sites, and
// hung on the app so the HTTP routes and the Socket.IO handshake ask the same question.
import fp from 'fastify-plugin';
import { createOriginPolicy, type OriginPolicy } from '../sockets/origin-policy.js';

declare module 'fastify' {
  interface FastifyInstance {
    origins: OriginPolicy;
  }
}

export default fp(
  async (app) => {
    app.decorate(
      'origins',
      createOriginPolicy({
        consoleOrigins: app.config.consoleOrigins,
        trustProxy: app.config.trustProxy !== false && app.config.trustProxy !== 0,
        sites: function* () {
          for (const { site } of app.sites.all()) yield site;
        },
      }),
    );
  },
  { name: 'bulle-origins', dependencies: ['bulle-storage'] },
);
