// Context panel: what the chat is about — the topic the bot read from the visitor's words (and
// how sure it was), or the one an agent set — which routed it to an agent with that skill and
// pre-selects the closing tag. An agent who can act on the chat corrects it here.
import type { ConversationSummary, SiteTopic } from '../../../protocol/types.js';
import type { ConsoleCommands } from '../state/use-console.js';

const VIA = { faq: 'from the FAQ entries it matched', keywords: 'from topic keywords', both: 'from the FAQ and topic keywords', agent: 'set by an agent' } as const;

interface Props {
  summary: ConversationSummary;
  topics: SiteTopic[];
  canAct: boolean;
  commands: ConsoleCommands;
}

export function TopicSection({ summary: c, topics, canAct, commands }: Props) {
  if (topics.length === 0 && !c.topic) return null;
  const read = c.topic;
  return (
    <section class="ctx" data-bulle="ctx-topic">
      <h3 class="ctx__title">Topic</h3>
      <dl class="ctx__facts">
        <dt>About</dt>
        <dd>
          {canAct && c.status !== 'closed' && topics.length > 0 ? (
            <select
              class="ctx__select"
              data-bulle="ctx-topic-select"
              aria-label="Conversation topic"
              value={read?.id ?? ''}
              onChange={(e) => e.currentTarget.value && void commands.setTopic(c.id, e.currentTarget.value)}
            >
              {!read && <option value="">not known</option>}
              {topics.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.id} ({t.difficulty})
                </option>
              ))}
            </select>
          ) : (
            <span data-bulle="ctx-topic-value">{read?.id ?? 'not known'}</span>
          )}
          {read && (
            <span class="muted" data-bulle="ctx-topic-via">
              {' '}
              · {VIA[read.via]}
              {read.via !== 'agent' ? `, ${Math.round(read.confidence * 100)}% sure` : ''}
            </span>
          )}
        </dd>
        {c.skillFallback && (
          <>
            <dt>Routing</dt>
            <dd data-bulle="ctx-skill-fallback">Nobody with this skill was free in time: it came to you as a speaker of its language.</dd>
          </>
        )}
      </dl>
    </section>
  );
}

/** The closing tag for a chat's topic, when the site's tag list has it. */
export function tagForTopic(summary: ConversationSummary, topics: SiteTopic[], tags: string[]): string | null {
  const topic = topics.find((t) => t.id === summary.topic?.id);
  const tag = topic?.tag ?? topic?.id;
  return tag && tags.includes(tag) ? tag : null;
}
