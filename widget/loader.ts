// /widget.js, the merchant's one <script>: a bubble in a Shadow DOM and nothing else until the
// visitor reaches for it — no socket, no cookie, no storage write (README "For merchants").
// Budget: 1 KB gzipped (scripts/size-check.mjs), hence no framework and terse DOM code.
import { APP_GLOBAL, tokenKey, type BulleApp } from './bridge.js';

const d = document;
// Read now: currentScript is only set while this script runs (async included).
const script = (d.currentScript || d.querySelector('script[data-site]')) as HTMLScriptElement | null;

const LABELS: Record<string, string> = { fr: 'Ouvrir le chat', es: 'Abrir el chat', de: 'Chat öffnen' };

function init(): void {
  const siteId = script && script.dataset.site;
  // A snippet pasted twice must not draw two bubbles.
  if (!siteId || d.querySelector('bulle-chat')) return;
  const origin = new URL(script.src, location.href).origin;
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
  let mounted = false;
  // Fetching and running app.js connects nothing: only mount() does, so hover may prefetch.
  const fetchApp = () =>
    (loading ||= new Promise((ok, fail) => {
      const s = d.createElement('script');
      s.src = origin + '/widget/app.js';
      s.onload = ok;
      s.onerror = () => fail((loading = undefined));
      d.head.appendChild(s);
    }));
  const start = (wantOpen: boolean) => {
    open ||= wantOpen;
    fetchApp().then(() => {
      const app = (window as unknown as Record<string, BulleApp | undefined>)[APP_GLOBAL];
      if (mounted || !app) return;
      mounted = true;
      // From here on the app owns the bubble (it toggles the panel on click).
      app.mount({ root, launcher, siteId, origin, open });
    }, () => {});
  };
  launcher.onclick = () => start(true);
  launcher.onmouseenter = launcher.onfocus = () => fetchApp().catch(() => {});
  d.body.appendChild(host);
  // A returning visitor (token already stored): connect at once so an agent's reply shows as a badge.
  try {
    if (localStorage.getItem(tokenKey(siteId))) start(false);
  } catch {
    // Storage blocked (privacy mode, sandboxed frame): behave like a first visit.
  }
}

if (d.readyState == 'loading') d.addEventListener('DOMContentLoaded', init);
else init();
