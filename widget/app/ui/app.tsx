// The root: the panel when open, otherwise an unread badge (or a proactive message, or news of an
// order) beside the loader's bubble. The bubble itself belongs to the loader; once mounted, the
// app toggles the panel from it, and the shop's page may too (Bulle.open/close, through the UI store).
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { LoaderConfig } from '../../../protocol/loader-config.js';
import type { Emit } from '../page-events.js';
import type { ChatSession } from '../chat-state.js';
import { lang, t } from '../i18n.js';
import { css, lookCss } from '../styles.js';
import type { UiStore } from '../ui-state.js';
import { Panel } from './panel.js';
import { FollowUpNote } from './follow-up.js';
import { Teaser } from './teaser.js';
import { useChatState } from './use-chat-state.js';

interface Props {
  session: ChatSession;
  ui: UiStore;
  launcher: HTMLButtonElement;
  look: LoaderConfig['a'];
  emit: Emit;
}

export function App({ session, ui, launcher, look, emit }: Props) {
  const state = useChatState(session);
  const [{ open, proactive }, setUi] = useState(ui.state);
  // A change made between the first render and this effect (a proactive message right after
  // mount) is picked up here.
  useEffect(() => {
    setUi(ui.state);
    return ui.subscribe(() => setUi(ui.state));
  }, [ui]);
  const setOpen = useCallback((o: boolean) => ui.set({ open: o }), [ui]);

  // At commit too: once mount() returns, the loader leaves the bubble's clicks to the app, and a
  // click before a deferred effect ran would do nothing.
  useLayoutEffect(() => {
    const toggle = () => setOpen(!ui.state.open);
    launcher.addEventListener('click', toggle);
    return () => launcher.removeEventListener('click', toggle);
  }, [launcher, ui, setOpen]);

  // At commit, not after the next paint: a reply that lands just after × is unread, not marked read.
  const was = useRef(false);
  useLayoutEffect(() => {
    session.setOpen(open);
    launcher.setAttribute('aria-expanded', String(open));
    if (open !== was.current) emit(open ? 'open' : 'close');
    was.current = open;
  }, [session, launcher, open, emit]);

  // Escape or ×: close and give focus back to the bubble (keyboard users stay oriented).
  const close = useCallback(() => {
    setOpen(false);
    launcher.focus();
  }, [launcher, setOpen]);

  const unread = t.unread.replace('{n}', String(state.unread));
  // A proactive message is for a visitor who has not written yet, and is shown once.
  const teaser = proactive && !state.messages.length && !state.pending.length ? proactive : null;
  return (
    <>
      <style>{css + lookCss(look)}</style>
      {open ? (
        <Panel state={state} session={session} proactive={teaser} onClose={close} />
      ) : state.unread > 0 ? (
        <span class="badge" lang={lang} data-bulle="badge" role="status" aria-label={unread}>
          {state.unread}
        </span>
      ) : teaser ? (
        <Teaser rule={teaser} session={session} open={() => setOpen(true)} dismiss={() => {
            session.answering(undefined);
            ui.set({ proactive: null });
          }} />
      ) : state.followUps[0] ? (
        <FollowUpNote item={state.followUps[0]} session={session} />
      ) : null}
    </>
  );
}
