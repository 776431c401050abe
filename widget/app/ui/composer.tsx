// The input: Enter sends, Shift+Enter breaks the line (not while an IME is composing),
// focused when the panel opens. Each keystroke may tell the agent the visitor is typing.
// Near the server's length limit a counter shows; past it the visitor is told, in their
// language, and nothing is sent — a long paste is never cut without a word.
import type { JSX, RefObject } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ChatSession } from '../chat-state.js';
import { t } from '../i18n.js';
import { MAX_MESSAGE_CHARS } from '../outgoing.js';

/** The counter shows from here on. */
const NEAR_LIMIT = MAX_MESSAGE_CHARS - 500;
const COUNT_ID = 'bulle-count';
const num = (n: number) => n.toLocaleString();

/** `input` is the panel's: buttons that vanish once pressed give the focus back to it. */
export function Composer({ session, input }: { session: ChatSession; input: RefObject<HTMLTextAreaElement> }) {
  const [text, setText] = useState('');
  useEffect(() => input.current?.focus(), []);
  const over = text.length > MAX_MESSAGE_CHARS;
  const near = text.length > NEAR_LIMIT;

  const submit = () => {
    if (!over && session.send(text)) setText('');
    input.current?.focus();
  };
  const onKeyDown = (e: JSX.TargetedKeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      submit();
    }
  };
  return (
    <>
      {near && (
        <p id={COUNT_ID} class={`note count${over ? ' error' : ''}`} role={over ? 'alert' : undefined} data-bulle="count">
          {over
            ? t.tooLong.replace('{n}', num(text.length)).replace('{max}', num(MAX_MESSAGE_CHARS))
            : `${num(text.length)} / ${num(MAX_MESSAGE_CHARS)}`}
        </p>
      )}
      <form
        role="none"
        class="composer"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <textarea
          ref={input}
          data-bulle="input"
          rows={1}
          placeholder={t.placeholder}
          aria-label={t.placeholder}
          aria-invalid={over || undefined}
          aria-describedby={near ? COUNT_ID : undefined}
          value={text}
          onInput={(e) => {
            setText(e.currentTarget.value);
            session.typing();
          }}
          onKeyDown={onKeyDown}
        />
        <button type="submit" class="send" data-bulle="send">
          {t.send}
        </button>
      </form>
    </>
  );
}
