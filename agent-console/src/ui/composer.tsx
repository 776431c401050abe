// The reply box. Enter or Ctrl/Cmd+Enter sends, Shift+Enter adds a line, Esc leaves it.
// `/shortcut` opens the canned replies (filled from the conversation, in its language);
// Alt+N switches to an internal note that only agents see. Typing is signalled to
// the visitor at most every few seconds, and "stopped" after a pause or on send.
import { useEffect, useRef, useState } from 'preact/hooks';
import { MAX_MESSAGE_CHARS } from '../../../protocol/limits.js';
import type { CannedReply } from '../../../protocol/types.js';
import { fillTemplate, matchCanned, pickText, slashQuery, unfilled, type TemplateVars } from '../lib/canned.js';
import type { ConsoleCommands } from '../state/use-console.js';
import { CannedMenu, cannedOptionId } from './canned-menu.js';

const MAX_CHARS = MAX_MESSAGE_CHARS;
const TYPING_REPEAT_MS = 3_000;
const TYPING_IDLE_MS = 4_000;

export interface CannedContext {
  replies: CannedReply[];
  lang: string;
  fallbackLang: string;
  vars: TemplateVars;
}

interface Props {
  conversationId: string;
  online: boolean;
  commands: ConsoleCommands;
  drafts: Map<string, string>;
  canned: CannedContext;
}

export function Composer({ conversationId, online, commands, drafts, canned }: Props) {
  const [text, setText] = useState(() => drafts.get(conversationId) ?? '');
  const [note, setNote] = useState(false);
  const [slash, setSlash] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
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

  // Alt+N from anywhere in the console (see ShortcutHelp).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.code !== 'KeyN') return;
      e.preventDefault();
      setNote((n) => !n);
      input.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const matches = slash ? matchCanned(canned.replies, slash.query) : [];

  const update = (value: string, caret: number) => {
    setText(value);
    drafts.set(conversationId, value);
    const q = slashQuery(value, caret);
    setSlash(q);
    if (q?.query !== slash?.query) setActive(0);
  };

  const onInput = (value: string, caret: number) => {
    update(value, caret);
    if (note || !value.trim()) return stopTyping();
    if (Date.now() - typingSentAt.current > TYPING_REPEAT_MS) {
      commands.setTyping(conversationId, true);
      typingSentAt.current = Date.now();
    }
    clearTimeout(idle.current);
    idle.current = setTimeout(stopTyping, TYPING_IDLE_MS);
  };

  const insert = (reply: CannedReply) => {
    if (!slash) return;
    const el = input.current!;
    const filled = fillTemplate(pickText(reply, canned.lang, canned.fallbackLang), canned.vars).text;
    const next = text.slice(0, slash.start) + filled + text.slice(el.selectionEnd);
    const caret = slash.start + filled.length;
    update(next, caret);
    setSlash(null);
    requestAnimationFrame(() => {
      el.focus();
      // Select the first blank left in, so the agent can type over it at once.
      const blank = next.indexOf('{{');
      if (blank >= 0) el.setSelectionRange(blank, next.indexOf('}}', blank) + 2);
      else el.setSelectionRange(caret, caret);
    });
  };

  const blanks = unfilled(text);
  const tooLong = text.length > MAX_CHARS;
  const send = async () => {
    const body = text.trim();
    if (!body || tooLong || blanks.length) return;
    stopTyping();
    if (note) {
      if (!(await commands.addNote(conversationId, body))) return;
    } else {
      // Offline is fine: the reply waits in the outbox and goes out on reconnect.
      commands.send(conversationId, body);
    }
    setText('');
    setSlash(null);
    drafts.delete(conversationId);
    input.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.isComposing) return;
    if (slash) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const step = e.key === 'ArrowDown' ? 1 : -1;
        setActive((i) => (matches.length ? (i + step + matches.length) % matches.length : 0));
        return;
      }
      if ((e.key === 'Enter' || e.key === 'Tab') && matches[active]) {
        e.preventDefault();
        insert(matches[active]!);
        return;
      }
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        setSlash(null);
        return;
      }
    }
    if (e.key === 'Escape') {
      input.current?.blur();
      return;
    }
    if (e.key !== 'Enter' || e.shiftKey || e.altKey) return;
    e.preventDefault();
    void send();
  };

  return (
    <form
      class={`composer${note ? ' composer--note' : ''}`}
      data-bulle="composer"
      data-mode={note ? 'note' : 'reply'}
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <div class="composer__tabs" role="tablist" aria-label="Write">
        <button type="button" role="tab" aria-selected={!note} class="composer__tab" data-bulle="mode-reply" onClick={() => setNote(false)}>
          Reply
        </button>
        <button type="button" role="tab" aria-selected={note} class="composer__tab" data-bulle="mode-note" onClick={() => setNote(true)} title="Alt+N">
          Internal note
        </button>
        <span class="composer__tabs-hint">Type / for canned replies</span>
      </div>
      {slash && (
        <CannedMenu
          items={matches}
          active={active}
          query={slash.query}
          lang={canned.lang}
          fallbackLang={canned.fallbackLang}
          vars={canned.vars}
          onPick={insert}
          onHover={setActive}
        />
      )}
      <textarea
        ref={input}
        class="composer__input"
        data-bulle="reply-input"
        rows={3}
        placeholder={note ? 'Internal note — only agents see this' : 'Write a reply…  (Enter to send, Shift+Enter for a new line, / for canned replies)'}
        aria-label={note ? 'Internal note' : 'Reply'}
        aria-controls={slash ? 'canned-list' : undefined}
        aria-activedescendant={slash && matches[active] ? cannedOptionId(matches[active]!.id) : undefined}
        // The hint under the box (characters left, over the limit, blanks to fill) is read with it.
        aria-describedby="composer-hint"
        aria-invalid={tooLong || blanks.length > 0 || undefined}
        value={text}
        onInput={(e) => onInput(e.currentTarget.value, e.currentTarget.selectionEnd)}
        onKeyDown={onKeyDown}
        onClick={(e) => setSlash(slashQuery(text, e.currentTarget.selectionEnd))}
        onBlur={() => setSlash(null)}
      />
      <div class="composer__bar">
        <span id="composer-hint" class={`composer__hint${tooLong || blanks.length ? ' is-error' : ''}`} data-bulle="composer-hint">
          {blanks.length
            ? `Fill in ${blanks.map((b) => `{{${b}}}`).join(', ')} before sending`
            : tooLong
              ? `${(text.length - MAX_CHARS).toLocaleString('en')} characters over the limit`
              : !online
                ? note
                  ? 'Offline: a note needs the connection.'
                  : 'Offline: replies will be sent when the connection is back.'
                : text.length > MAX_CHARS - 500
                  ? `${(MAX_CHARS - text.length).toLocaleString('en')} characters left`
                  : ''}
        </span>
        <button type="submit" class={`btn ${note ? 'btn--note' : 'btn--primary'}`} data-bulle="reply-send" disabled={!text.trim() || tooLong || blanks.length > 0}>
          {note ? 'Add note' : 'Send'}
        </button>
      </div>
    </form>
  );
}
