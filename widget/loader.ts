// /widget.js, the merchant's one <script>: a bubble in a Shadow DOM, window.Bulle for the shop's
// own code (docs/javascript-api.md), and the site's proactive rules; no socket, no cookie, no
// storage until the visitor reaches for the chat or a rule fires (README "For merchants").
// Budget: 1.5 KB gzipped (scripts/size-check.mjs), hence no framework and terse DOM code; the
// minifier shortens the names (docs/2026-12-07-loader-budget.md says what the bytes go to).
// At load it reads no storage (Chromium's first localStorage read blocks the page's main thread
// while the browser loads the origin's whole storage), and a returning visitor's app and socket
// wait until the page is idle.
import type { LoaderConfig, LoaderRule } from '../protocol/loader-config.js';
import { APP_GLOBAL, storageKey, type AppControl, type BulleApp, type PageCall } from './bridge.js';
import { onPage } from './rules.js';

/** The app's content-hashed file name, known at build time (vite.config.ts). */
declare const __BULLE_APP_FILE__: string;

const d = document;
const w = window as unknown as Window & Record<string, any>;
const noop = () => {};
/** After the page's own work: requestIdleCallback (capped, so it happens), or a late timer without it (Safari). */
const idle = (f: () => void) => (w.requestIdleCallback ? w.requestIdleCallback(f, { timeout: 3e3 }) : setTimeout(f, 1e3));
// Read now: currentScript is only set while this script runs (async or inserted by another script
// included; it is null only for modules, which the snippet is not).
const script = d.currentScript as HTMLScriptElement | null;
const siteId = script?.getAttribute('data-site');
const stub = w.Bulle;

const fail = (what: string): never => {
  throw Error('Bulle: bad ' + what);
};
/**
 * The allow-list. The loader checks what it acts on itself (a tracked event's name); the app checks
 * the rest when it runs the call (and reports a bad one in the console).
 */
const API = 'open close toggle page identify setLanguage on track'.split(' ');

// The build wraps this module in one parenthesised function, so the whole loader is compiled with
// the rest of the script (off the main thread while it streams), not when first called. Each DOM
// interface a script touches first costs the page a wrapper set-up, so it touches few:
// getAttribute rather than dataset, no URL object, the bubble's listeners on the shadow root.
// A snippet pasted twice must not draw two bubbles (the first one's Bulle has methods; the
// snippet's optional queue stub has none).
if (siteId && !stub?.track) {
  // script.src reads back absolute ("https://host[:port]/…"), whatever the merchant wrote; the
  // path's slash comes after "http://" and at least one character of host.
  const origin = script!.src.slice(0, script!.src.indexOf('/', 8));
  /** The site's settings (GET, cached) and its customer's pending follow-ups (POST, a signed identity). */
  const api = origin + '/api/widget/' + siteId;
  const host = d.createElement('bulle-chat');
  const root = host.attachShadow({ mode: 'open' });
  // Static markup only: nothing from the page or the server goes through innerHTML (the site's
  // label is appended as text, its colour set as a style property). The parser closes the button
  // and the icon at the string's end.
  root.innerHTML =
    '<style>:host{all:initial}style+button{position:fixed;right:20px;bottom:20px;z-index:2147483000;width:56px;height:56px;' +
    'border:0;border-radius:50%;background:#1d4ed8;color:#fff;cursor:pointer;box-shadow:0 4px 14px #0004}</style>' +
    '<button data-bulle=launcher aria-haspopup=dialog aria-expanded=false>' +
    '<svg width=28 height=28 viewBox="0 0 24 24" fill=currentColor><path d="M3 4h18v13H9l-6 4z">';
  const button = root.lastChild as HTMLButtonElement;

  let cfg: LoaderConfig = { a: { s: '', l: '', t: 'Open chat' }, r: [] };
  let loading: Promise<BulleApp | undefined> | undefined;
  let app: AppControl | undefined;
  let lang: string | undefined;
  let pages = 0;
  let timers: ReturnType<typeof setTimeout>[] = [];
  const queue: PageCall[] = [];
  const here = (r: LoaderRule) => onPage(r, location.pathname + location.search, pages);

  // A page, once the settings are there: counted (in sessionStorage, only for a site with a rule
  // that asks), and its time and URL rules armed, timers from now (a single-page shop's new page
  // starts over).
  const newPage = () => {
    const k = storageKey(siteId, 'pages');
    if (cfg.p)
      try {
        pages = sessionStorage[k] = ~~sessionStorage[k] + 1;
      } catch {}
    timers.forEach(clearTimeout);
    // (A rule without `s` waits NaN ms: none.)
    timers = cfg.r.filter((r) => !r.e && here(r)).map((r) => setTimeout(fire, r.s! * 1e3, r));
  };

  let configured: () => void;
  /** Resolved once the site's settings arrived (or failed to: then the default look, no rule). */
  const got = new Promise<void>((ok) => (configured = ok));

  // Fetching and running app.js connects nothing: only mount() does, so hover may prefetch. A
  // failed fetch resolves with nothing (its caller's catch takes that) and is tried again next time.
  const fetchApp = () =>
    got.then(
      () =>
        (loading ||= new Promise((ok) => {
          const s = d.createElement('script');
          s.src = origin + '/widget/' + __BULLE_APP_FILE__;
          s.onload = s.onerror = () => ok(w[APP_GLOBAL] || (loading = undefined));
          d.head.appendChild(s);
        })),
    );
  // The app mounts once and replays the page's calls queued meanwhile; from then on it owns the
  // bubble and takes the page's calls directly.
  const mount = (r?: LoaderRule) =>
    fetchApp()
      .then((bulle) => {
        app = bulle!.mount(root, button, siteId, origin, cfg.a, queue);
        r && app.proactive(r);
      })
      .catch(noop);
  // A matched rule: the app (fetched, not mounted: no socket yet) checks its cap and the quiet
  // conditions, and mounts to show it when they allow (maybe later, never while the visitor types).
  const fire = (r: LoaderRule, data?: object) =>
    fetchApp()
      .then((bulle) => bulle!.offer(r, siteId, data, () => mount(r)))
      .catch(noop);

  // Bulle('open') or Bulle.open(): an allow-list, so a typo fails loudly rather than silently.
  // Arguments are copied (a structured clone, which refuses functions and DOM nodes inside them):
  // the app never holds the page's own objects, and checks each field's type itself.
  // identify, page and a track no rule uses never load the app; a signed identify asks (one small
  // request) whether news of the customer's orders waits, and only then mounts to show it.
  const Bulle = (m: string, ...a: any[]) => {
    API.includes(m) || fail(m);
    // (A handler, Bulle.on's second argument, is the page's own function by nature.)
    a = m == 'on' ? a : structuredClone(a);
    if (m == 'track') return void (/^[\w:.-]{1,64}$/.test(a[0]) || fail(m), got).then(() => cfg.r.forEach((r) => r.e == a[0] && here(r) && fire(r, a[1])));
    if (m == 'setLanguage') lang = a[0];
    // (200: some wait; 204: none. The server checks the signature, whatever its type here.)
    if (m == 'identify' && !app && a[0]?.signature) fetch(api, { method: 'POST', body: a[0].signature }).then((r): unknown => r.status < 204 && mount(), noop);
    // A page change before the app is there needs no replay: the app reports the page it connects on.
    if (m == 'page') got.then(newPage);
    else app || queue.push([m, a]);
    app ? app.call(m, a) : (m == 'open' || m == 'toggle') && mount();
  };
  for (const m of API) (Bulle as any)[m] = (...a: unknown[]) => Bulle(m, ...a);
  w.Bulle = Bulle;
  // Calls the page queued before this script ran (the snippet's optional stub), in order.
  for (const a of stub?.q || [])
    try {
      Bulle(...(a as [string]));
    } catch (e) {
      console.error(e);
    }

  // The site's settings (asked for once the queued calls have run: a language set there counts),
  // then the bubble.
  fetch(api + '?lang=' + (lang || navigator.language))
    .then((r) => r.json())
    .then((c: LoaderConfig) => c.r && (cfg = c), noop)
    .then(() => {
      const a = cfg.a;
      // Style properties (built by the server from the site's checked colour, side and label) and
      // text: nothing here is parsed as markup.
      button.style.cssText = a.s;
      button.append(a.l);
      button.setAttribute('aria-label', a.t);
      configured();
      newPage();
      // The root element is there even while an early script runs before <body> is parsed.
      d.documentElement.append(host);
    });

  const push = history.pushState;
  history.pushState = function (this: History) {
    push.apply(this, arguments as any);
    Bulle('page');
  };
  w.addEventListener('popstate', () => Bulle('page'));

  // The bubble is all the shadow root holds until the app mounts, which then handles its clicks.
  root.addEventListener('click', () => app || Bulle('open'));
  root.addEventListener('mouseover', fetchApp);
  root.addEventListener('focusin', fetchApp);
  // A returning visitor connects (an agent's reply shows as a badge), once the page is idle. The app
  // keeps an IndexedDB database named like the token while it holds one (bridge.ts); listing the
  // names is asynchronous and creates nothing. Without the listing or the storage: a first visit.
  idle(() => {
    try {
      indexedDB.databases().then((l) => l.some((b) => b.name == storageKey(siteId, 'token')) && idle(() => mount()), noop);
    } catch {}
  });
}
