// The history, stored messages first (by seq), then my replies still on their way.
// Follows new messages only when the agent is already at the bottom, so reading back is not
// interrupted.
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Chat } from '../state/console-state.js';
import type { ConsoleCommands } from '../state/use-console.js';
import { MessageItem, PendingItem } from './message-item.js';

const NEAR_BOTTOM_PX = 80;

interface Props {
  chat: Chat;
  commands: ConsoleCommands;
}

export function MessageList({ chat, commands }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const count = chat.messages.length + chat.pending.length;

  useLayoutEffect(() => {
    const el = box.current;
    if (el && atBottom.current) el.scrollTop = el.scrollHeight;
  }, [count, chat.visitorTyping]);

  const onScroll = () => {
    const el = box.current!;
    atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_BOTTOM_PX;
  };

  return (
    // Focusable, so an agent on the keyboard can scroll back through a long history.
    <div class="messages" ref={box} onScroll={onScroll} data-bulle="messages" aria-live="polite" role="log" aria-label="Conversation" tabIndex={0}>
      {!chat.loaded && chat.messages.length === 0 && <p class="messages__loading">Loading history…</p>}
      {chat.messages.map((m) => (
        <MessageItem key={m.id} message={m} />
      ))}
      {chat.pending.map((p) => (
        <PendingItem
          key={p.clientId}
          reply={p}
          onRetry={() => commands.retry(chat.summary.id, p.clientId)}
          onDiscard={() => commands.dispatch({ type: 'pendingDiscarded', conversationId: chat.summary.id, clientId: p.clientId })}
        />
      ))}
      {chat.visitorTyping && (
        <div class="typing" data-bulle="visitor-typing">
          <span class="typing__dots" aria-hidden="true">
            <i />
            <i />
            <i />
          </span>
          Visitor is typing…
        </div>
      )}
    </div>
  );
}
