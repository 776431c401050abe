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
const noop = () => {};
/** After the page's own work: requestIdleCallback (capped, so it happens), or a late timer without it (Safari). */
const idle = (f: () => void) => (w.requestIdleCallback ? w.requestIdleCallback(f, { timeout: 3e3 }) : setTimeout(f, 1e3));
// Read now: currentScript is only set while this script runs (async or inserted by another script
// included; it is null only for modules, which the snippet is not).
const script = d.currentScript as HTMLScriptElement | null;

const LABELS: Record<string, string> = { fr: 'Ouvrir le chat', es: 'Abrir el chat', de: 'Chat öffnen' };

// Each DOM interface a script touches first costs the page a wrapper set-up, so at load this one
// touches few: getAttribute rather than dataset, no URL object, the bubble's listeners on the
// shadow root, the button itself reached only when the app mounts. Parenthesised, init is compiled
// with the rest of the script (off the main thread while it streams), not when first called.
const init = (function (): void {
  const siteId = script && script.getAttribute('data-site');
  // A snippet pasted twice must not draw two bubbles.
  if (!siteId || d.querySelector('bulle-chat')) return;
  // script.src reads back absolute ("https://host[:port]/…"), whatever the merchant wrote; the
  // path's slash comes after "http://" and at least one character of host.
  const origin = script.src.slice(0, script.src.indexOf('/', 8));
  const host = d.createElement('bulle-chat');
  const root = host.attachShadow({ mode: 'open' });
  // Static markup only (the label is ours too): nothing from the page or the visitor goes through innerHTML.
  root.innerHTML =
    '<style>:host{all:initial}style+button{position:fixed;right:20px;bottom:20px;z-index:2147483000;width:56px;height:56px;' +
    'border:0;border-radius:50%;background:#1d4ed8;color:#fff;cursor:pointer;box-shadow:0 4px 14px #0004}</style>' +
    '<button data-bulle="launcher" aria-haspopup="dialog" aria-expanded="false" aria-label="' +
    (LABELS[navigator.language.slice(0, 2)] || 'Open chat') +
    '"><svg width="28" height="28" viewBox="0 0 24 24" fill="currentColor" aria-hidden="true">' +
    '<path d="M6 3h12a3 3 0 0 1 3 3v9a3 3 0 0 1-3 3H10l-5 4v-4a3 3 0 0 1-2-3V6a3 3 0 0 1 3-3z"/></svg></button>';

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
      app && app.mount({ root, launcher: root.querySelector('button')!, siteId, origin, open });
    }, noop);
  };
  // The bubble is all the shadow root holds until the app mounts (later events from the panel only
  // meet an app already loaded and mounted).
  root.addEventListener('click', () => start(true));
  root.addEventListener('mouseover', () => fetchApp().catch(noop));
  root.addEventListener('focusin', () => fetchApp().catch(noop));
  d.body.appendChild(host);
  // A returning visitor connects (an agent's reply shows as a badge), once the page is idle. The app
  // keeps an IndexedDB database named like the token while it holds one (bridge.ts); listing the
  // names is asynchronous and creates nothing. Without the listing or the storage: a first visit.
  idle(() => {
    try {
      indexedDB.databases().then((l) => l.some((b) => b.name == tokenKey(siteId)) && idle(() => start(false)), noop);
    } catch {}
  });
});

if (d.readyState == 'loading') d.addEventListener('DOMContentLoaded', init);
else init();
