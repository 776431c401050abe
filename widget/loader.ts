// /widget.js, the merchant's one <script>: a bubble in a Shadow DOM and nothing else until the
// visitor reaches for it — no socket, no cookie, no storage write (README "For merchants").
// Budget: 1 KB gzipped (scripts/size-check.mjs), hence no framework and terse DOM code.
// At load it only draws the bubble: no synchronous storage (Chromium's first localStorage read
// blocks the page's main thread while the browser loads the origin's whole storage), and a
// returning visitor's app and socket wait until the page is idle.
import { APP_GLOBAL, tokenKey, type BulleApp } from './bridge.js';

/** The app's content-hashed file name, known at build time (vite.config.ts). */
declare const __BULLE_APP_FILE__: string;

const d = document;
const w = window as unknown as Window & Record<string, BulleApp | undefined>;
/** After the page's own work: requestIdleCallback (capped, so it happens), or a late timer without it (Safari). */
const noop = () => {};
const idle = (f: () => void) => (w.requestIdleCallback ? w.requestIdleCallback(f, { timeout: 3e3 }) : setTimeout(f, 1e3));
// Read now: currentScript is only set while this script runs (async included).
const script = (d.currentScript || d.querySelector('script[data-site]')) as HTMLScriptElement | null;

const LABELS: Record<string, string> = { fr: 'Ouvrir le chat', es: 'Abrir el chat', de: 'Chat öffnen' };

function init(): void {
  const siteId = script && script.dataset.site;
  // A snippet pasted twice must not draw two bubbles.
  if (!siteId || d.querySelector('bulle-chat')) return;
  // script.src reads back absolute, whatever the merchant wrote.
  const origin = new URL(script.src).origin;
  const host = d.createElement('bulle-chat');
  const root = host.attachShadow({ mode: 'open' });
  // Static markup only: nothing from the page or the visitor goes through innerHTML.
  root.innerHTML =
    '<style>:host{all:initial}.launcher{position:fixed;right:20px;bottom:20px;z-index:2147483000;width:56px;height:56px;' +
    'border:0;border-radius:50%;background:#1d4ed8;color:#fff;cursor:pointer;box-shadow:0 4px 14px #0004}</style>' +
    '<button class="launcher" data-bulle="launcher" aria-haspopup="dialog" aria-expanded="false">' +
    '<svg width="28" height="28" viewBox="0 0 24 24" fill="currentColor" aria-hidden="true">' +
    '<path d="M6 3h12a3 3 0 0 1 3 3v9a3 3 0 0 1-3 3H10l-5 4v-4a3 3 0 0 1-2-3V6a3 3 0 0 1 3-3z"/></svg></button>';
  const launcher = root.querySelector('button')!;
  launcher.setAttribute('aria-label', LABELS[navigator.language.slice(0, 2)] || 'Open chat');

  let loading: Promise<unknown> | undefined;
  let open = false;
  // Fetching and running app.js connects nothing: only mount() does, so hover may prefetch.
  const fetchApp = () =>
    (loading ||= new Promise((ok, fail) => {
      const s = d.createElement('script');
      s.src = origin + '/widget/' + __BULLE_APP_FILE__;
      s.onload = ok;
      s.onerror = () => fail((loading = undefined));
      d.head.appendChild(s);
    }));
  const start = (wantOpen: boolean) => {
    open ||= wantOpen;
    // The app mounts once (a later call does nothing) and from then on owns the bubble: it toggles
    // the panel on click.
    fetchApp().then(() => {
      const app = w[APP_GLOBAL];
      app && app.mount({ root, launcher, siteId, origin, open });
    }, noop);
  };
  launcher.onclick = () => start(true);
  launcher.onmouseenter = launcher.onfocus = () => fetchApp().catch(noop);
  d.body.appendChild(host);
  // A returning visitor connects (an agent's reply shows as a badge), once the page is idle. The app
  // keeps an IndexedDB database named like the token while it holds one (bridge.ts); listing the
  // names is asynchronous and creates nothing. Without the listing or the storage: a first visit.
  idle(() => {
    try {
      indexedDB.databases().then((l) => l.some((b) => b.name == tokenKey(siteId)) && idle(() => start(false)), noop);
    } catch {}
  });
}

if (d.readyState == 'loading') d.addEventListener('DOMContentLoaded', init);
else init();
