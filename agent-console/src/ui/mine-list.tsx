// My open chats, in two sections: those waiting for my reply, and those where I spoke last
// and the visitor has to answer. Each shows what the visitor wrote since I last looked.
import { formatClock } from '../lib/format.js';
import type { Chat } from '../state/console-state.js';
import { unreadCount } from '../state/merge-messages.js';
import type { ConsoleCommands } from '../state/use-console.js';
import { LangBadge } from './lang-badge.js';
import { SiteBadge } from './site-badge.js';
import { OtherLanguageBadge } from './other-language-badge.js';
import { SkillFallbackBadge } from './skill-badge.js';
import { VerifiedBadge } from './identity-badge.js';

interface Props {
  id: 'mine' | 'waiting-visitor';
  title: string;
  empty: string;
  chats: Chat[];
  selectedId: string | null;
  commands: ConsoleCommands;
}

export function MineList({ id, title, empty, chats, selectedId, commands }: Props) {
  const unread = chats.reduce((n, c) => n + unreadCount(c.messages, c.seenSeq), 0);
  return (
    <section class="panel" aria-labelledby={`${id}-title`} data-bulle={id}>
      <h2 class="panel__title" id={`${id}-title`}>
        {title} <span class="count">{chats.length}</span>
        {unread > 0 && (
          <span class="unread unread--title" aria-label={`${unread} unread`}>
            {unread}
          </span>
        )}
      </h2>
      {chats.length === 0 ? (
        <p class="panel__empty">{empty}</p>
      ) : (
        <ul class="list">
          {chats.map((chat) => (
            <MineItem key={chat.summary.id} chat={chat} selected={chat.summary.id === selectedId} commands={commands} />
          ))}
        </ul>
      )}
    </section>
  );
}

function MineItem({ chat, selected, commands }: { chat: Chat; selected: boolean; commands: ConsoleCommands }) {
  const { summary: c, messages } = chat;
  const unread = unreadCount(messages, chat.seenSeq);
  const last = [...messages].reverse().find((m) => m.author !== 'system' && !m.internal);
  return (
    <li class={`item mine-item${selected ? ' is-selected' : ''}`} data-bulle="mine-item" data-lang={c.lang} data-id={c.id} data-status={c.status} data-flagged={c.flagged ? 'true' : undefined}>
      <button
        type="button"
        class="item__main"
        aria-current={selected ? 'true' : undefined}
        onClick={() => commands.dispatch({ type: 'select', conversationId: c.id })}
      >
        <span class="item__row">
          <LangBadge lang={c.lang} />
          <SiteBadge siteId={c.siteId} />
          {c.flagged && <OtherLanguageBadge lang={c.queueLang ?? c.lang} />}
          {c.skillFallback && <SkillFallbackBadge topic={c.topic?.id} />}
          <VerifiedBadge identity={c.identity} />
          {chat.visitorTyping && <span class="item__typing">typing…</span>}
          <span class="item__time">{formatClock(last?.createdAt ?? c.updatedAt)}</span>
          {unread > 0 && (
            <span class="unread" data-bulle="unread" aria-label={`${unread} unread`}>
              {unread}
            </span>
          )}
        </span>
        <span class={`item__preview${unread ? ' is-unread' : ''}`}>
          {last ? `${last.author === 'agent' ? 'You: ' : ''}${last.text}` : c.firstMessage || 'No message yet'}
        </span>
      </button>
    </li>
  );
}
