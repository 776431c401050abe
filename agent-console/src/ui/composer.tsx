// The reply box. Enter or Ctrl/Cmd+Enter sends, Shift+Enter adds a line. Typing is signalled
// to the visitor at most every few seconds, and "stopped" after a pause or on send.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ConsoleCommands } from '../state/use-console.js';

/** Same limit as the server (MAX_MESSAGE_CHARS in server/protocol/schemas.ts, not importable here). */
const MAX_CHARS = 5000;
const TYPING_REPEAT_MS = 3_000;
const TYPING_IDLE_MS = 4_000;

interface Props {
  conversationId: string;
  online: boolean;
  commands: ConsoleCommands;
  drafts: Map<string, string>;
}

export function Composer({ conversationId, online, commands, drafts }: Props) {
  const [text, setText] = useState(() => drafts.get(conversationId) ?? '');
  const input = useRef<HTMLTextAreaElement>(null);
  const typingSentAt = useRef(0);
  const idle = useRef<ReturnType<typeof setTimeout>>();

  const stopTyping = () => {
    clearTimeout(idle.current);
    if (typingSentAt.current) commands.setTyping(conversationId, false);
    typingSentAt.current = 0;
  };

  useEffect(() => {
    input.current?.focus();
    return stopTyping;
  }, [conversationId]);

  const onInput = (value: string) => {
    setText(value);
    drafts.set(conversationId, value);
    if (!value.trim()) return stopTyping();
    if (Date.now() - typingSentAt.current > TYPING_REPEAT_MS) {
      commands.setTyping(conversationId, true);
      typingSentAt.current = Date.now();
    }
    clearTimeout(idle.current);
    idle.current = setTimeout(stopTyping, TYPING_IDLE_MS);
  };

  const send = () => {
    const body = text.trim();
    if (!body || body.length > MAX_CHARS) return;
    stopTyping();
    // Offline is fine: the reply waits in the outbox and goes out on reconnect.
    commands.send(conversationId, body);
    setText('');
    drafts.delete(conversationId);
    input.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Enter' || e.isComposing || e.shiftKey || e.altKey) return;
    e.preventDefault();
    send();
  };

  const tooLong = text.length > MAX_CHARS;
  return (
    <form
      class="composer"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <textarea
        ref={input}
        class="composer__input"
        data-bulle="reply-input"
        rows={3}
        placeholder="Write a reply…  (Enter to send, Shift+Enter for a new line)"
        aria-label="Reply"
        value={text}
        onInput={(e) => onInput(e.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      <div class="composer__bar">
        <span class={`composer__hint${tooLong ? ' is-error' : ''}`}>
          {tooLong
            ? `${text.length - MAX_CHARS} characters over the limit`
            : online
              ? text.length > MAX_CHARS - 500
                ? `${MAX_CHARS - text.length} characters left`
                : ''
              : 'Offline: replies will be sent when the connection is back.'}
        </span>
        <button type="submit" class="btn btn--primary" data-bulle="reply-send" disabled={!text.trim() || tooLong}>
          Send
        </button>
      </div>
    </form>
  );
}
