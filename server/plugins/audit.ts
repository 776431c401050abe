// The admin audit log (services/audit/), hung on the app: every admin route and service that
// changes something records it through `app.audit`.
import fp from 'fastify-plugin';
import { AuditLog } from '../services/audit/audit-log.js';

declare module 'fastify' {
  interface FastifyInstance {
    audit: AuditLog;
  }
}

export default fp(
  async (app) => {
    app.decorate('audit', new AuditLog(app.store));
  },
  { name: 'bulle-audit', dependencies: ['bulle-storage'] },
);
