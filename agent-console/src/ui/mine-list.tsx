// My chats (assigned to me, or closed and not yet put away), with what the visitor wrote
// since I last had the chat in front of me.
import { formatClock } from '../lib/format.js';
import type { Chat } from '../state/console-state.js';
import { unreadCount } from '../state/merge-messages.js';
import type { ConsoleCommands } from '../state/use-console.js';
import { LangBadge } from './lang-badge.js';

interface Props {
  chats: Chat[];
  selectedId: string | null;
  commands: ConsoleCommands;
}

export function MineList({ chats, selectedId, commands }: Props) {
  return (
    <section class="panel" aria-labelledby="mine-title" data-bulle="mine">
      <h2 class="panel__title" id="mine-title">
        Mine <span class="count">{chats.filter((c) => c.summary.status === 'assigned').length}</span>
      </h2>
      {chats.length === 0 ? (
        <p class="panel__empty">Chats you claim stay here until you close them.</p>
      ) : (
        <ul class="list">
          {chats.map((chat) => (
            <MineItem key={chat.summary.id} chat={chat} selected={chat.summary.id === selectedId} commands={commands} />
          ))}
        </ul>
      )}
      {chats.length > 1 && <p class="panel__hint">Alt+↑ / Alt+↓ to switch</p>}
    </section>
  );
}

function MineItem({ chat, selected, commands }: { chat: Chat; selected: boolean; commands: ConsoleCommands }) {
  const { summary: c, messages } = chat;
  const unread = unreadCount(messages, chat.seenSeq);
  const last = [...messages].reverse().find((m) => m.author !== 'system');
  const closed = c.status === 'closed';
  return (
    <li
      class={`item mine-item${selected ? ' is-selected' : ''}${closed ? ' is-closed' : ''}`}
      data-bulle="mine-item"
      data-lang={c.lang}
      data-id={c.id}
      data-status={c.status}
    >
      <button
        type="button"
        class="item__main"
        aria-current={selected ? 'true' : undefined}
        onClick={() => commands.dispatch({ type: 'select', conversationId: c.id })}
      >
        <span class="item__row">
          <LangBadge lang={c.lang} />
          {closed && <span class="status status--closed">Closed</span>}
          {chat.visitorTyping && <span class="item__typing">typing…</span>}
          <span class="item__time">{formatClock(last?.createdAt ?? c.updatedAt)}</span>
          {unread > 0 && (
            <span class="unread" data-bulle="unread" aria-label={`${unread} unread`}>
              {unread}
            </span>
          )}
        </span>
        <span class={`item__preview${unread ? ' is-unread' : ''}`}>
          {last ? `${last.author === 'agent' ? 'You: ' : ''}${last.text}` : c.firstMessage || '…'}
        </span>
      </button>
      {closed && (
        <button
          type="button"
          class="btn btn--ghost btn--sm"
          data-bulle="dismiss"
          aria-label="Remove from the list"
          onClick={() => commands.dispatch({ type: 'dropped', conversationId: c.id })}
        >
          ×
        </button>
      )}
    </li>
  );
}
