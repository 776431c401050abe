// /widget/app.js: registers the one global the loader calls (widget/bridge.ts). Running this
// file connects nothing — the loader may fetch it on hover; mount() is what opens the socket.
import { render } from 'preact';
import { APP_GLOBAL, type BulleApp } from '../bridge.js';
import { createChatSession } from './chat-session.js';
import { App } from './ui/app.js';

let mounted = false;

const app: BulleApp = {
  mount({ root, launcher, siteId, origin, open }) {
    if (mounted) return;
    mounted = true;
    const container = document.createElement('div');
    root.appendChild(container);
    render(<App session={createChatSession(siteId, origin)} launcher={launcher} initiallyOpen={open} />, container);
  },
};

(window as unknown as Record<string, BulleApp>)[APP_GLOBAL] = app;
