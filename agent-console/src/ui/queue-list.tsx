// Chats waiting for a person, one group per language, oldest first. Clicking reads one
// (preview); "Claim" takes it: the first claim wins on the server, others see "Someone else
// took it." Alt+Q jumps here from anywhere.
import { useState } from 'preact/hooks';
import type { ConversationSummary } from '../../../protocol/types.js';
import { formatWaiting, languageName } from '../lib/format.js';
import { useNow } from '../lib/use-now.js';
import type { ConsoleCommands } from '../state/use-console.js';
import { LangBadge } from './lang-badge.js';
import { SiteBadge } from './site-badge.js';
import { OtherLanguageBadge } from './other-language-badge.js';

/** Past this a waiting time turns amber: someone has been waiting a while. */
const LONG_WAIT_MS = 5 * 60_000;

interface Props {
  groups: { lang: string; items: ConversationSummary[] }[];
  languages: string[];
  selectedId: string | null;
  commands: ConsoleCommands;
}

export function QueueList({ groups, languages, selectedId, commands }: Props) {
  const now = useNow();
  const total = groups.reduce((n, g) => n + g.items.length, 0);
  return (
    <section class="panel" aria-labelledby="queue-title" data-bulle="queue">
      <h2 class="panel__title" id="queue-title" tabIndex={-1}>
        Queue <span class="count">{total}</span>
      </h2>
      {total === 0 ? (
        <p class="panel__empty">No one is waiting. New chats in {languages.map((l) => l.toUpperCase()).join(', ')} appear here.</p>
      ) : (
        groups.map((g) => (
          <div key={g.lang} class="queue-group" data-bulle="queue-group" data-lang={g.lang}>
            <h3 class="queue-group__title">
              <LangBadge lang={g.lang} /> {languageName(g.lang)} <span class="count">{g.items.length}</span>
            </h3>
            <ul class="list">
              {g.items.map((c) => (
                <QueueItem key={c.id} c={c} now={now} foreign={!languages.includes(g.lang)} selected={c.id === selectedId} commands={commands} />
              ))}
            </ul>
          </div>
        ))
      )}
    </section>
  );
}

interface ItemProps {
  c: ConversationSummary;
  now: number;
  /** Routed in a language I do not speak (open to all agents): taking it gives me an "other language" chat. */
  foreign: boolean;
  selected: boolean;
  commands: ConsoleCommands;
}

function QueueItem({ c, now, foreign, selected, commands }: ItemProps) {
  const [claiming, setClaiming] = useState(false);
  const since = c.queuedAt ?? c.createdAt;
  const claim = async () => {
    setClaiming(true);
    await commands.claim(c.id);
    setClaiming(false);
  };
  return (
    <li class={`item queue-item${selected ? ' is-selected' : ''}`} data-bulle="queue-item" data-lang={c.queueLang ?? c.lang} data-id={c.id} data-flagged={foreign ? 'true' : undefined}>
      {/* Named by what it shows (the wait, the first message, the page), so speech input can say it. */}
      <button type="button" class="item__main" onClick={() => void commands.preview(c.id)} title="Read this conversation">
        <span class="item__row">
          <SiteBadge siteId={c.siteId} />
          <span class={`wait${now - since > LONG_WAIT_MS ? ' wait--long' : ''}`} data-bulle="waiting" title={new Date(since).toLocaleString()}>
            waiting {formatWaiting(since, now)}
          </span>
          {c.openToAll && (
            <span class="flag" title="Nobody who speaks this language was online in time: any agent may take it">
              any agent
            </span>
          )}
          {foreign && <OtherLanguageBadge lang={c.queueLang ?? c.lang} />}
          {c.queueLang && c.queueLang !== c.lang && (
            <span class="item__visitor-lang" title={`The visitor writes ${languageName(c.lang)}; a colleague sent the chat to this queue`}>
              visitor: <LangBadge lang={c.lang} />
            </span>
          )}
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
