// One record of the write-ahead log: the full new state of what a batch changed.
import type { Message } from '../../protocol/types.js';
import type { AuditRecord, ConversationRecord, OrderEventRecord, UnansweredRecord, VisitorRecord } from './records.js';

export type WalRecord =
  /** core.json's whole content (sites, agents, sessions…: small, rarely written). */
  | { k: 'core'; v: unknown }
  | { k: 'visitor'; v: VisitorRecord }
  | { k: 'conv'; v: ConversationRecord }
  | { k: 'msg'; v: Message }
  /**
   * One question added to a site's unanswered list (core.json holds the list): appended on its
   * own, so a visitor's question does not rewrite the whole core record into the log.
   */
  | { k: 'unanswered'; v: UnansweredRecord }
  /** One order event, new or changed (sent, shown): core.json holds the list, as for unanswered. */
  | { k: 'orderEvent'; v: OrderEventRecord }
  /**
   * One admin audit entry (core.json holds the list). 'core' records leave the list out, so a
   * log-in does not copy the whole audit log into the log.
   */
  | { k: 'audit'; v: AuditRecord };
