// Stored messages, then the visitor's pending ones; a polite live region so screen readers read
// replies as they arrive. Kept scrolled to the newest.
import { useEffect, useRef } from 'preact/hooks';
import type { ChatState } from '../chat-state.js';
import { t } from '../i18n.js';
import { MessageItem } from './message-item.js';

interface Props {
  state: ChatState;
  onRetry: (clientId: string) => void;
}

export function MessageList({ state, onRetry }: Props) {
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const el = list.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [state.messages, state.pending]);

  return (
    <ol class="list" ref={list} aria-live="polite" data-bulle="messages">
      {state.messages.map((m) => (
        <MessageItem key={m.seq} author={m.author} name={m.authorName} text={m.text} links={m.links} />
      ))}
      {state.pending.map((o) => (
        <MessageItem key={o.clientId} author="visitor" text={o.text} state={o.failed ? 'failed' : 'pending'}>
          {o.failed && (
            <button type="button" class="retry" onClick={() => onRetry(o.clientId)}>
              {t.retry}
            </button>
          )}
        </MessageItem>
      ))}
    </ol>
  );
}
