// The logged-in layout: top bar, the queue and my chats on the left, the selected chat on the right.
import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { Session } from '../api/http.js';
import { isMine } from '../state/console-state.js';
import { unreadCount } from '../state/merge-messages.js';
import { useConsole } from '../state/use-console.js';
import { ConversationView } from './conversation-view.js';
import { MineList } from './mine-list.js';
import { Notices } from './notices.js';
import { QueueList } from './queue-list.js';
import { TopBar } from './top-bar.js';

interface Props {
  session: Session;
  onLogout(): void;
  onUnauthorized(message: string): void;
}

export function ConsoleScreen({ session, onLogout, onUnauthorized }: Props) {
  const { state, connection, notices, dismissNotice, commands } = useConsole(session.agent, onUnauthorized);
  // Drafts survive switching between chats (not reloads: nothing is written to storage).
  const drafts = useRef(new Map<string, string>());

  const queue = useMemo(
    () => Object.values(state.queue).sort((a, b) => (a.queuedAt ?? a.createdAt) - (b.queuedAt ?? b.createdAt)),
    [state.queue],
  );
  const mine = useMemo(() => state.order.map((id) => state.chats[id]!).filter((c) => isMine(state, c)), [state]);
  const selected = state.selectedId ? state.chats[state.selectedId] : undefined;
  // The open chat is marked seen while the tab is visible, so in a hidden tab the title counts it too.
  const totalUnread = mine.reduce((n, c) => n + unreadCount(c.messages, c.seenSeq), 0);

  useEffect(() => {
    document.title = `${totalUnread ? `(${totalUnread}) ` : ''}${queue.length ? `${queue.length} waiting · ` : ''}Bulle console`;
  }, [totalUnread, queue.length]);

  // Alt+↑/↓ walks through my chats from anywhere, including the reply box.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') || mine.length === 0) return;
      e.preventDefault();
      const at = mine.findIndex((c) => c.summary.id === state.selectedId);
      const step = e.key === 'ArrowDown' ? 1 : -1;
      const next = at < 0 ? (step > 0 ? 0 : mine.length - 1) : (at + step + mine.length) % mine.length;
      commands.dispatch({ type: 'select', conversationId: mine[next]!.summary.id });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [mine, state.selectedId, commands]);

  return (
    <div class="console">
      <TopBar session={session} connection={connection} onLogout={onLogout} />
      <div class="console__body">
        <aside class="sidebar" aria-label="Conversations">
          <QueueList queue={queue} languages={session.agent.languages} selectedId={state.selectedId} commands={commands} />
          <MineList chats={mine} selectedId={state.selectedId} commands={commands} />
        </aside>
        <main class="main">
          {selected ? (
            <ConversationView
              key={selected.summary.id}
              chat={selected}
              myId={state.myId}
              online={connection.status === 'connected'}
              commands={commands}
              drafts={drafts.current}
            />
          ) : state.selectedId ? (
            <div class="empty">Loading conversation…</div>
          ) : (
            <div class="empty">
              <h2>No conversation selected</h2>
              <p>Claim a chat from the queue, or pick one of yours. Alt+↑ / Alt+↓ moves between your chats.</p>
            </div>
          )}
        </main>
      </div>
      <Notices notices={notices} onDismiss={dismissNotice} />
    </div>
  );
}
