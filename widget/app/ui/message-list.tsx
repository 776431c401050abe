// Stored messages, then the visitor's pending ones; a polite live region so screen readers read
// replies as they arrive. Kept scrolled to the newest.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { LoaderRule } from '../../../protocol/loader-config.js';
import type { ChatSession, ChatState } from '../chat-state.js';
import { lang, t } from '../i18n.js';
import { FollowUpNote } from './follow-up.js';
import { MessageItem } from './message-item.js';

interface Props {
  state: ChatState;
  session: ChatSession;
  proactive: LoaderRule | null;
  /** The buttons here vanish once pressed: the focus goes to the input, not to the page. */
  focusInput(): void;
}

export function MessageList({ state, session, proactive, focusInput }: Props) {
  const list = useRef<HTMLOListElement>(null);
  // Rated answers lose their buttons at once, before the server's ack.
  const [rated, setRated] = useState<number[]>([]);
  // "Yes" gets a thank-you in its place ("no" gets the bot's offer of a person instead).
  const [thanked, setThanked] = useState<number[]>([]);
  const rate = (seq: number, yes: boolean) => {
    setRated([...rated, seq]);
    if (yes) setThanked([...thanked, seq]);
    focusInput();
    void session.feedback(seq, yes);
  };
  // A quick reply is sent as the visitor's own words.
  const pick = (text: string) => {
    focusInput();
    session.send(text);
  };
  const last = state.messages[state.messages.length - 1];
  useEffect(() => {
    const el = list.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [state.messages, state.pending]);

  return (
    <ol class="list" ref={list} aria-live="polite" data-bulle="messages">
      {state.welcome && (
        // The site's greeting, drawn here and stored nowhere (so not a "message"); its topics
        // until the visitor writes.
        <li class="msg bot" data-bulle="welcome">
          {state.welcome.text}
          {!state.messages.length && !state.pending.length && (
            <p class="qr">
              {state.welcome.topics.map((q, i) => (
                <button key={i} type="button" data-bulle="topic" onClick={() => session.send(q.text)}>
                  {q.label}
                </button>
              ))}
            </p>
          )}
        </li>
      )}
      {proactive && (
        // Drawn here and stored nowhere until the visitor answers (the server then stores it first).
        <li class="msg bot" data-bulle="proactive-message">
          {proactive.m}
          {proactive.q && <QuickReplies replies={proactive.q} onPick={pick} />}
        </li>
      )}
      {state.followUps.map((f) => (
        <FollowUpNote key={f.eventId} item={f} session={session} inList />
      ))}
      {state.messages.map((m) => (
        <MessageItem key={m.seq} author={m.author} name={m.authorName} text={m.text} lang={m.lang} links={m.links} note={m.note}>
          {m.bot?.outcome === 'answer' && !state.conversation?.feedback?.[m.seq] && !rated.includes(m.seq) && (
            <p class="qr" lang={lang}>
              {t.helped}
              <button type="button" data-bulle="helpful-yes" onClick={() => rate(m.seq, true)}>
                {t.yes}
              </button>
              <button type="button" data-bulle="helpful-no" onClick={() => rate(m.seq, false)}>
                {t.no}
              </button>
            </p>
          )}
          {thanked.includes(m.seq) && (
            <p class="qr" lang={lang} data-bulle="helpful-thanks">
              {t.thanks}
            </p>
          )}
          {m === last && m.quickReplies && <QuickReplies replies={m.quickReplies} onPick={pick} />}
        </MessageItem>
      ))}
      {state.pending.map((o) => (
        <MessageItem key={o.clientId} author="visitor" text={o.text} state={o.failed ? 'failed' : 'pending'}>
          {o.failed && (
            <button type="button" class="retry" lang={lang} onClick={() => session.retry(o.clientId)}>
              {t.retry}
            </button>
          )}
        </MessageItem>
      ))}
    </ol>
  );
}

/** One button per quick reply (a "did you mean" entry, "talk to a person", a proactive message's choices). */
function QuickReplies({ replies, onPick }: { replies: { label: string; text: string }[]; onPick: (text: string) => void }) {
  return (
    <p class="qr">
      {replies.map((q, i) => (
        <button key={i} type="button" data-bulle="quick-reply" onClick={() => onPick(q.text)}>
          {q.label}
        </button>
      ))}
    </p>
  );
}
