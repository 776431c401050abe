// Context panel: what the bot answered and how sure it was, so the agent knows what the
// visitor has already been told.
import type { BotDecision, Message } from '../../../protocol/types.js';
import { formatClock } from '../lib/format.js';

export function BotSection({ messages }: { messages: Message[] }) {
  // A fallback is stored twice (the bot's "I'm not sure" and the hand-off line): show it once.
  const decisions = messages.filter((m, i) => m.bot && !(m.author === 'system' && sameAsBefore(messages, i)));
  const question = (seq: number) => [...messages].reverse().find((m) => m.seq < seq && m.author === 'visitor')?.text;
  return (
    <section class="ctx" data-bulle="ctx-bot">
      <h3 class="ctx__title">
        Bot <span class="count">{decisions.length}</span>
      </h3>
      {decisions.length === 0 ? (
        <p class="ctx__empty">The bot did not answer in this conversation.</p>
      ) : (
        <ul class="ctx__bot">
          {decisions.map((m) => {
            const d = m.bot!;
            const pct = Math.round(d.confidence * 100);
            const q = question(m.seq);
            return (
              <li key={m.id} class={`bot-line bot-line--${d.outcome}`} data-bulle="ctx-bot-line" data-outcome={d.outcome}>
                <span class="bot-line__head">
                  <strong>{label(d)}</strong>
                  {/* Small talk is recognised by its words, not scored against the FAQ: no meter. A picture of
                      the percentage written next to it, hidden from screen readers, which read the number. */}
                  {d.outcome !== 'smalltalk' && (
                    <>
                      <span class="meter" title={`confidence ${pct}%`} aria-hidden="true">
                        <i style={{ width: `${pct}%` }} />
                      </span>
                      <span class="muted">{pct}%</span>
                    </>
                  )}
                  <time class="muted">{formatClock(m.createdAt)}</time>
                </span>
                {q && <span class="bot-line__q">“{q.length > 90 ? `${q.slice(0, 90)}…` : q}”</span>}
                <span class="muted">
                  via {d.via} · {d.lang.toUpperCase()} {Math.round(d.langConfidence * 100)}%
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** What the bot did, in a word or two ("small talk: greeting" for a "bonjour" answered in kind). */
function label(d: BotDecision): string {
  switch (d.outcome) {
    case 'answer':
      return d.faqId ?? 'answer';
    case 'handoff':
      return 'handed off';
    case 'suggest':
      return 'did you mean';
    case 'order':
      return `order status${d.order ? `: ${d.order.step}${d.order.orderNumber ? ` #${d.order.orderNumber}` : ''}` : ''}`;
    case 'smalltalk':
      return `small talk${d.smallTalk ? `: ${SMALL_TALK_LABELS[d.smallTalk]}` : ''}`;
    default:
      return 'no answer';
  }
}

const SMALL_TALK_LABELS: Record<NonNullable<BotDecision['smallTalk']>, string> = {
  greeting: 'greeting',
  thanks: 'thanks',
  bye: 'goodbye',
  bot: '"are you a bot?"',
  ack: 'ok',
  howAreYou: '"how are you?"',
};

function sameAsBefore(messages: Message[], i: number): boolean {
  for (let j = i - 1; j >= 0; j--) {
    const m = messages[j]!;
    if (m.author === 'visitor') return false;
    if (m.bot) return JSON.stringify(m.bot) === JSON.stringify(messages[i]!.bot);
  }
  return false;
}
