// Who a visitor socket is: set up by the handshake, carried into every visitor service call.
import type { CustomerIdentity, PageInfo, VerifiedIdentity } from '../../../protocol/types.js';
import type { VisitorRecord } from '../../storage/records.js';
import type { VisitDetails } from './visit-info.js';

/** Who is calling, as established by the socket handshake (never taken from a payload). */
export interface VisitorContext {
  siteId: string;
  visitorId?: string;
  languages: string[];
  /** The socket this context belongs to: it learns of its own messages from their acks. */
  socketId?: string;
  /** Set while the visitor record is being created (first message or hand-off). */
  creating?: Promise<{ visitor: VisitorRecord; token: string }>;
  /** From the handshake headers, for the context panel. */
  userAgent?: string;
  /** What `visit:update` reported, until it is stored on the conversation (visitor-details.ts). */
  visit?: { page: PageInfo; at: number; details: VisitDetails };
  /** The customer this connection proved with a signed `visitor:identify` (server/services/identity/). */
  verified?: VerifiedIdentity;
  /** What `visitor:identify` said before the conversation existed, stored with its first message. */
  pendingIdentity?: CustomerIdentity;
}
