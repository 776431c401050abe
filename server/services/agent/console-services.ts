// The agent workspace's services, built once per server.
import { CannedReplies } from './canned-replies.js';
import { ContextService } from '../customer/context-service.js';
import type { Conversations } from '../conversations/conversations.js';
import { CustomerHistory } from '../customer/customer-history.js';
import type { FaqAdditions } from '../faq/faq-additions.js';
import { NotesService } from '../conversations/notes-service.js';

export interface ConsoleServices {
  canned: CannedReplies;
  notes: NotesService;
  context: ContextService;
  customers: CustomerHistory;
  conversations: Conversations;
  /** Phrasings and entries added to the FAQ from the Unanswered list. */
  faq: FaqAdditions;
}

export function createConsoleServices(conversations: Conversations, faq: FaqAdditions): ConsoleServices {
  return {
    canned: new CannedReplies(conversations.store),
    notes: new NotesService(conversations),
    context: new ContextService(conversations),
    customers: new CustomerHistory(conversations),
    conversations,
    faq,
  };
}
