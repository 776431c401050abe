// /widget/app.js: registers the one global the loader calls (widget/bridge.ts). Running this
// file connects nothing — the loader may fetch it on hover, or to check a proactive rule;
// mount() is what opens the socket.
import { render } from 'preact';
import type { LoaderRule } from '../../protocol/loader-config.js';
import { APP_GLOBAL, type AppControl, type BulleApp } from '../bridge.js';
import { createChatSession } from './chat-session.js';
import { lang, setWidgetLang } from './i18n.js';
import { runPageCall, type CallTargets } from './page-calls.js';
import { createPageEvents, emitPageEvents } from './page-events.js';
import { admit } from './proactive-admit.js';
import { onEvent } from '../rules.js';
import { createUiStore } from './ui-state.js';
import { App } from './ui/app.js';

/** While the visitor types in the shop's page, a matched rule asks again this often, this many times. */
const RETRY_MS = 5_000;
const MAX_RETRIES = 60;

let control: AppControl | undefined;

const app: BulleApp = {
  mount(root, launcher, siteId, origin, look, queue) {
    if (control) return control;
    const session = createChatSession(siteId, origin);
    const ui = createUiStore({ open: false, proactive: null, lang });
    const events = createPageEvents([]);
    const targets: CallTargets = {
      setOpen: (o) => ui.set({ open: o ?? !ui.state.open }),
      identify: (i) => session.identify(i),
      setLanguage(l) {
        setWidgetLang(l);
        ui.set({ lang: l });
        session.setPageLang(l);
      },
      on: events.on,
      page: () => session.page(),
    };
    // What the page asked before the app was here, in the order it asked.
    for (const [method, args] of queue) runPageCall(method, args, targets);
    emitPageEvents(session, events.emit);
    const container = document.createElement('div');
    root.appendChild(container);
    render(<App session={session} ui={ui} launcher={launcher} look={look} emit={events.emit} />, container);
    control = {
      call: (method, args) => void runPageCall(method, args, targets),
      proactive(rule) {
        // Never over an open chat (the loader does not know once the app owns the panel).
        if (ui.state.open) return;
        session.answering(rule.id);
        ui.set({ proactive: rule });
      },
    };
    return control;
  },
  offer(rule: LoaderRule, siteId, data, show) {
    if (rule.e && !onEvent(rule, rule.e, (data ?? {}) as Record<string, unknown>)) return;
    let tries = 0;
    const ask = () => {
      const answer = admit(rule, siteId, document.activeElement);
      if (answer === 1) show();
      else if (answer === 2 && ++tries < MAX_RETRIES) setTimeout(ask, RETRY_MS);
    };
    ask();
  },
};

(window as unknown as Record<string, BulleApp>)[APP_GLOBAL] = app;
