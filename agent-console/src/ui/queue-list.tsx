// Chats waiting for a person in my languages, oldest first. Clicking reads one (preview);
// "Claim" takes it: the first claim wins on the server, others see "Someone else took it."
import { useState } from 'preact/hooks';
import type { ConversationSummary } from '../../../server/protocol/types.js';
import { formatWaiting } from '../lib/format.js';
import { useNow } from '../lib/use-now.js';
import type { ConsoleCommands } from '../state/use-console.js';
import { LangBadge } from './lang-badge.js';

/** Past this a waiting time turns amber: someone has been waiting a while. */
const LONG_WAIT_MS = 5 * 60_000;

interface Props {
  queue: ConversationSummary[];
  languages: string[];
  selectedId: string | null;
  commands: ConsoleCommands;
}

export function QueueList({ queue, languages, selectedId, commands }: Props) {
  const now = useNow();
  return (
    <section class="panel" aria-labelledby="queue-title" data-bulle="queue">
      <h2 class="panel__title" id="queue-title">
        Queue <span class="count">{queue.length}</span>
      </h2>
      {queue.length === 0 ? (
        <p class="panel__empty">No one is waiting. New chats in {languages.map((l) => l.toUpperCase()).join(', ')} appear here.</p>
      ) : (
        <ul class="list">
          {queue.map((c) => (
            <QueueItem key={c.id} c={c} now={now} selected={c.id === selectedId} commands={commands} />
          ))}
        </ul>
      )}
    </section>
  );
}

function QueueItem({ c, now, selected, commands }: { c: ConversationSummary; now: number; selected: boolean; commands: ConsoleCommands }) {
  const [claiming, setClaiming] = useState(false);
  const since = c.queuedAt ?? c.createdAt;
  const claim = async () => {
    setClaiming(true);
    await commands.claim(c.id);
    setClaiming(false);
  };
  return (
    <li class={`item queue-item${selected ? ' is-selected' : ''}`} data-bulle="queue-item" data-lang={c.lang} data-id={c.id}>
      <button type="button" class="item__main" onClick={() => void commands.preview(c.id)} aria-label="Read this conversation">
        <span class="item__row">
          <LangBadge lang={c.lang} />
          <span class={`wait${now - since > LONG_WAIT_MS ? ' wait--long' : ''}`} data-bulle="waiting" title={new Date(since).toLocaleString()}>
            waiting {formatWaiting(since, now)}
          </span>
        </span>
        <span class="item__preview">{c.firstMessage || 'No message yet'}</span>
        {c.lastPage && (
          <span class="item__page" title={c.lastPage.url}>
            {c.lastPage.title || c.lastPage.url}
          </span>
        )}
      </button>
      <button type="button" class="btn btn--primary btn--sm" data-bulle="claim" disabled={claiming} onClick={claim}>
        {claiming ? 'Claiming…' : 'Claim'}
      </button>
    </li>
  );
}
