// A visitor's `conversation:sync`, one page at a time.
import { SYNC_PAGE_BYTES } from '../../../protocol/events.js';
import type { Message, VisitorMessage } from '../../../protocol/types.js';
import { toVisitorMessage } from '../conversations/views.js';

/**
 * One page of a sync: what a client has not read must stay small, or a few connections asking
 * for a long history again and again pile megabytes into the server's output buffers.
 */
export function syncPage(stored: Message[], afterSeq: number): { messages: VisitorMessage[]; through: number } {
  const messages: VisitorMessage[] = [];
  let through = afterSeq;
  let bytes = 0;
  for (const m of stored) {
    if (!m.internal) {
      const view = toVisitorMessage(m);
      const size = m.text.length * 3 + 512; // UTF-8 worst case of the text, plus the fields around it
      if (messages.length > 0 && bytes + size > SYNC_PAGE_BYTES) break;
      bytes += size;
      messages.push(view);
    }
    through = m.seq;
  }
  return { messages, through };
}
