// What an agent needs before typing: language, status, the visitor's languages, where they are.
import type { ConversationSummary } from '../../../server/protocol/types.js';
import { formatClock, languageName } from '../lib/format.js';
import { safeHref } from '../lib/safe-url.js';
import type { ConsoleCommands } from '../state/use-console.js';
import { LangBadge } from './lang-badge.js';

const STATUS = { bot: 'With the bot', queued: 'Waiting', assigned: 'Assigned', closed: 'Closed' } as const;

interface Props {
  summary: ConversationSummary;
  mine: boolean;
  commands: ConsoleCommands;
}

export function ConversationHeader({ summary: c, mine, commands }: Props) {
  const pageHref = safeHref(c.lastPage?.url);
  const status = c.status === 'assigned' && !mine ? `Assigned to ${c.assignedAgentName ?? 'someone else'}` : STATUS[c.status];
  return (
    <header class="conv-head" data-bulle="conversation-header">
      <div class="conv-head__main">
        <div class="conv-head__title">
          <LangBadge lang={c.lang} />
          <h2>{languageName(c.lang)} visitor</h2>
          <span class={`status status--${c.status}`} data-bulle="status">
            {status}
          </span>
        </div>
        <dl class="conv-head__facts">
          <div>
            <dt>Browser languages</dt>
            <dd>{c.visitorLanguages.length ? c.visitorLanguages.join(', ') : 'unknown'}</dd>
          </div>
          <div>
            <dt>Last page</dt>
            <dd class="conv-head__page">
              {!c.lastPage ? (
                'unknown'
              ) : pageHref ? (
                <a href={pageHref} target="_blank" rel="noopener noreferrer" title={c.lastPage.url}>
                  {c.lastPage.title || c.lastPage.url}
                </a>
              ) : (
                <span title={c.lastPage.url}>{c.lastPage.title || c.lastPage.url}</span>
              )}
            </dd>
          </div>
          <div>
            <dt>Started</dt>
            <dd>{formatClock(c.createdAt)}</dd>
          </div>
        </dl>
      </div>
      <div class="conv-head__actions">
        {c.status === 'queued' && (
          <button type="button" class="btn btn--primary" onClick={() => void commands.claim(c.id)}>
            Claim
          </button>
        )}
        {mine && c.status === 'assigned' && (
          <button type="button" class="btn btn--danger-ghost" data-bulle="close" onClick={() => void commands.close(c.id)}>
            Close conversation
          </button>
        )}
      </div>
    </header>
  );
}
