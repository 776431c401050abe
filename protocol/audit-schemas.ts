// The query of GET /api/admin/audit (server/routes/admin-audit.ts). Server-only at run time.
import { Type, type Static } from '@sinclair/typebox';

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

/** Most entries one page may hold. */
export const AUDIT_PAGE_MAX = 200;

export const AuditQuerySchema = Type.Object(
  {
    /** One of the admin's sites; absent = all of them. */
    siteId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' })),
    /** UTC days, both ends included. */
    from: Type.Optional(Day),
    to: Type.Optional(Day),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: AUDIT_PAGE_MAX })),
    /** The `cursor` of the previous page, as it was given. */
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 200, pattern: '^[A-Za-z0-9_-]+$' })),
  },
  { additionalProperties: false },
);
export type AuditQuery = Static<typeof AuditQuerySchema>;
