// The follow-up half of the wire contract's validation: what a shop's server posts about an order
// (POST /api/sites/:siteId/order-events) and the widget's word that it showed a follow-up.
// Server-only at run time, like schemas.ts (imported from here: schemas.ts does not re-export it).
import { Type, type Static } from '@sinclair/typebox';
import { EmailSchema, OrderNumberSchema } from './schemas.js';

/** No control or invisible characters (as the order webhook's carrier name). */
const PLAIN = '^[^\\u0000-\\u001f\\u007f-\\u009f\\u00ad\\u061c\\u180e\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u206f\\ufeff]+$';

export const ORDER_EVENT_STATUSES = ['confirmed', 'shipped', 'out_for_delivery', 'delivered', 'delayed', 'cancelled'] as const;

/** One thing that happened to an order; `eventId` makes a repeat harmless (the shop retries). */
export const OrderEventSchema = Type.Object(
  {
    eventId: Type.String({ minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9_.:-]+$' }),
    orderNumber: OrderNumberSchema,
    /** The customer as the shop signs them: `id` is the identity token's `sub`; `email` its e-mail. */
    customer: Type.Object(
      {
        id: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
        email: Type.Optional(EmailSchema),
      },
      { additionalProperties: false, minProperties: 1 },
    ),
    status: Type.Union(ORDER_EVENT_STATUSES.map((s) => Type.Literal(s))),
    carrier: Type.Optional(Type.String({ minLength: 1, maxLength: 60, pattern: PLAIN })),
    trackingNumber: Type.Optional(Type.String({ minLength: 3, maxLength: 64, pattern: '^[A-Za-z0-9-]+$' })),
    /** When it happened (ISO 8601); the newest per order is the one shown. Absent: when received. */
    at: Type.Optional(Type.String({ maxLength: 40, pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})$' })),
  },
  { additionalProperties: false },
);

/** `followup:shown`: the widget displayed this follow-up (only then is it not sent again). */
export const FollowUpShownSchema = Type.Object({ eventId: Type.String({ minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9_.:-]+$' }) }, { additionalProperties: false });

export type OrderEvent = Static<typeof OrderEventSchema>;
export type OrderEventStatus = OrderEvent['status'];
export type FollowUpShown = Static<typeof FollowUpShownSchema>;
