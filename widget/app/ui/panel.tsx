// The open chat: header (site, who is answering, close), the messages, the error line, the
// "talk to a person" button (until a person is on the way) and the composer. Full screen on a
// phone either way up (styles.ts). It is a dialog laid over the merchant's page, so it adds no
// landmark to it: no <header>, and its forms are role="none" (a screen reader's landmark list
// belongs to the shop).
import type { JSX } from 'preact';
import { useRef } from 'preact/hooks';
import type { ChatSession, ChatState } from '../chat-state.js';
import { lang, problemText, t } from '../i18n.js';
import { Composer } from './composer.js';
import { MessageList } from './message-list.js';
import { Waiting } from './waiting.js';
import { Ended } from './ended.js';

interface Props {
  state: ChatState;
  session: ChatSession;
  onClose: () => void;
}

function statusText({ conversation }: ChatState): string {
  switch (conversation?.status) {
    case 'queued':
      return t.waiting;
    case 'assigned':
      return conversation.agentName ?? '';
    case 'closed':
      return t.closed;
    default:
      return t.bot;
  }
}

/** Waiting in line or talking to an agent already: asking for a person again would do nothing. */
const withPerson = ({ conversation }: ChatState): boolean => conversation?.status === 'queued' || conversation?.status === 'assigned';

export function Panel({ state, session, onClose }: Props) {
  const onKeyDown = (e: JSX.TargetedKeyboardEvent<HTMLElement>) => {
    if (e.key === 'Escape') onClose();
  };
  // A pressed button that goes away ("Talk to a person", "Yes", a quick reply) would drop the
  // keyboard's focus to the page: it goes to the input instead, where the visitor types next.
  const input = useRef<HTMLTextAreaElement>(null);
  const focusInput = () => input.current?.focus();
  const title = state.site?.name ?? '';
  // The visitor may pick the chat's language among the site's, once there is a chat.
  const langs = state.site?.languages ?? [];
  return (
    <section class="panel" lang={lang} data-bulle="panel" role="dialog" aria-label={title || t.bot} onKeyDown={onKeyDown}>
      <div class="head">
        <div>
          <strong>{title}</strong>
          <span data-bulle="status">{statusText(state)}</span>
        </div>
        {state.conversation && langs.length > 1 && (
          <select data-bulle="lang" aria-label={t.lang} value={state.conversation.lang} onChange={(e) => void session.setLang(e.currentTarget.value)}>
            {langs.map((l) => (
              <option key={l} value={l}>
                {l.toUpperCase()}
              </option>
            ))}
          </select>
        )}
        {state.conversation && state.conversation.status !== 'closed' && (
          <button type="button" class="end" data-bulle="end" onClick={() => void session.end()}>
            {t.end}
          </button>
        )}
        <button type="button" class="x" data-bulle="close" aria-label={t.close} onClick={onClose}>
          ×
        </button>
      </div>
      {state.link === 'offline' && (
        <p class="note" role="status" data-bulle="reconnecting">
          {t.reconnecting}
        </p>
      )}
      <MessageList state={state} session={session} focusInput={focusInput} />
      {state.conversation?.status === 'queued' && state.queue && (
        <Waiting queue={state.queue} email={state.conversation.email} session={session} />
      )}
      {state.conversation?.status === 'closed' && <Ended conversation={state.conversation} mail={state.mail} session={session} />}
      {state.agentTyping && (
        <p class="note" data-bulle="typing">
          {t.typing}
        </p>
      )}
      {state.problem && (
        <p class="note error" role="alert" data-bulle="error">
          {problemText(state.problem)}
        </p>
      )}
      {!withPerson(state) && (
        <button
          type="button"
          class="human"
          data-bulle="human"
          onClick={() => {
            focusInput();
            void session.requestHandoff();
          }}
        >
          {t.human}
        </button>
      )}
      <Composer session={session} input={input} />
    </section>
  );
}
