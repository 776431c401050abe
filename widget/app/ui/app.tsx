// The root: the panel when open, otherwise an unread badge beside the loader's bubble.
// The bubble itself belongs to the loader; once mounted, the app toggles the panel from it.
import { useCallback, useEffect, useLayoutEffect, useState } from 'preact/hooks';
import type { ChatSession } from '../chat-state.js';
import { lang, t } from '../i18n.js';
import { css } from '../styles.js';
import { Panel } from './panel.js';
import { useChatState } from './use-chat-state.js';

interface Props {
  session: ChatSession;
  launcher: HTMLButtonElement;
  initiallyOpen: boolean;
}

export function App({ session, launcher, initiallyOpen }: Props) {
  const state = useChatState(session);
  const [open, setOpen] = useState(initiallyOpen);

  useEffect(() => {
    const toggle = () => setOpen((o) => !o);
    launcher.addEventListener('click', toggle);
    return () => launcher.removeEventListener('click', toggle);
  }, [launcher]);

  // At commit, not after the next paint: a reply that lands just after × is unread, not marked read.
  useLayoutEffect(() => {
    session.setOpen(open);
    launcher.setAttribute('aria-expanded', String(open));
  }, [session, launcher, open]);

  // Escape or ×: close and give focus back to the bubble (keyboard users stay oriented).
  const close = useCallback(() => {
    setOpen(false);
    launcher.focus();
  }, [launcher]);

  const unread = t.unread.replace('{n}', String(state.unread));
  return (
    <>
      <style>{css}</style>
      {open ? (
        <Panel state={state} session={session} onClose={close} />
      ) : state.unread > 0 ? (
        <span class="badge" lang={lang} data-bulle="badge" role="status" aria-label={unread}>
          {state.unread}
        </span>
      ) : null}
    </>
  );
}
