// The chat's title line and what can be done with it: claim, transfer, close (with a tag).
import type { ConversationSummary } from '../../../protocol/types.js';
import { formatClock, languageName } from '../lib/format.js';
import type { ConsoleCommands } from '../state/use-console.js';
import { LangBadge } from './lang-badge.js';
import { OtherLanguageBadge } from './other-language-badge.js';
import { SkillFallbackBadge, TopicBadge } from './skill-badge.js';
import { TagBadge } from './tag-badge.js';
import { RatingBadge } from './rating-badge.js';
import { VerifiedBadge } from './identity-badge.js';

const STATUS = { bot: 'With the bot', queued: 'Waiting', assigned: 'Assigned', closed: 'Closed' } as const;

interface Props {
  summary: ConversationSummary;
  mine: boolean;
  commands: ConsoleCommands;
  onClose(): void;
  onTransfer(): void;
}

export function ConversationHeader({ summary: c, mine, commands, onClose, onTransfer }: Props) {
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
          {c.flagged && <OtherLanguageBadge lang={c.queueLang ?? c.lang} />}
          {c.topic && <TopicBadge topic={c.topic.id} />}
          {c.skillFallback && <SkillFallbackBadge topic={c.topic?.id} />}
          <VerifiedBadge identity={c.identity} />
          {c.tag && <TagBadge tag={c.tag} resolved={c.resolved} />}
          {c.rating && <RatingBadge rating={c.rating} />}
        </div>
        <p class="conv-head__sub">
          Started {formatClock(c.createdAt)}
          {c.closedAt && c.status === 'closed' ? ` · closed ${formatClock(c.closedAt)}` : ''}
          {c.status === 'closed' && c.endedBy === 'visitor' ? ' · ended by the visitor' : c.assignedAgentName && c.status === 'closed' ? ` · by ${c.assignedAgentName}` : ''}
          {c.queueLang && c.queueLang !== c.lang ? ` · sent to the ${languageName(c.queueLang)} queue; system lines stay in ${languageName(c.lang)}` : ''}
        </p>
        {c.rating?.comment && (
          <p class="conv-head__sub" data-bulle="rating-comment">
            “{c.rating.comment}”
          </p>
        )}
      </div>
      <div class="conv-head__actions">
        {c.status === 'queued' && (
          <button type="button" class="btn btn--primary" onClick={() => void commands.claim(c.id)}>
            Claim
          </button>
        )}
        {mine && c.status === 'assigned' && (
          <>
            <button type="button" class="btn" data-bulle="transfer" onClick={onTransfer}>
              Transfer
            </button>
            <button type="button" class="btn btn--danger-ghost" data-bulle="close" onClick={onClose}>
              Close conversation
            </button>
          </>
        )}
      </div>
    </header>
  );
}
