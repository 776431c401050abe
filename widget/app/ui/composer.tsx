// The input: Enter sends, Shift+Enter breaks the line (not while an IME is composing),
// focused when the panel opens. Each keystroke may tell the agent the visitor is typing.
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ChatSession } from '../chat-state.js';
import { t } from '../i18n.js';
import { MAX_MESSAGE_CHARS } from '../outgoing.js';

export function Composer({ session }: { session: ChatSession }) {
  const [text, setText] = useState('');
  const input = useRef<HTMLTextAreaElement>(null);
  useEffect(() => input.current?.focus(), []);

  const submit = () => {
    if (session.send(text)) setText('');
    input.current?.focus();
  };
  const onKeyDown = (e: JSX.TargetedKeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      submit();
    }
  };
  return (
    <form
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
        maxLength={MAX_MESSAGE_CHARS}
        placeholder={t.placeholder}
        aria-label={t.placeholder}
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
  );
}
