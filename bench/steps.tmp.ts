import { launchChromium } from '../tests/e2e/browser.js';
import { buildServer } from '../server/app.js';
import { createConfig } from '../server/config.js';
const app = await buildServer(createConfig({ port: 0, host: '127.0.0.1', dataDir: null, distDir: '/work/wt/wire/dist', logLevel: 'silent', botThread: false }));
const PROBE = `(function(){var T=[],p=performance,t=p.now(),m=function(n){var x=p.now();T.push(n+':'+(x-t).toFixed(2));t=p.now()};
var d=document;m('doc');var s=d.currentScript;m('currentScript');var site=s.getAttribute('data-site');m('getAttribute');
var src=s.src;m('src');var o=src.match(/^[^/]*\\/\\/[^/]+/)[0];m('regex');var q=d.querySelector('bulle-chat');m('querySelector');
var lang=navigator.language;m('navigator.language');var h=d.createElement('bulle-chat');m('createElement');var r=h.attachShadow({mode:'open'});m('attachShadow');
r.innerHTML='<style>:host{all:initial}.launcher{position:fixed;right:20px;bottom:20px;z-index:2147483000;width:56px;height:56px;border:0;border-radius:50%;background:#1d4ed8;color:#fff;cursor:pointer;box-shadow:0 4px 14px #0004}</style><button class="launcher" data-bulle="launcher" aria-haspopup="dialog" aria-expanded="false" aria-label="Open chat"><svg width="28" height="28" viewBox="0 0 24 24" fill="currentColor" aria-hidden="true"><path d="M6 3h12a3 3 0 0 1 3 3v9a3 3 0 0 1-3 3H10l-5 4v-4a3 3 0 0 1-2-3V6a3 3 0 0 1 3-3z"/></svg></button>';m('innerHTML');
r.addEventListener('click',function(){});r.addEventListener('mouseover',function(){});r.addEventListener('focusin',function(){});m('listeners');
d.body.appendChild(h);m('append');var ric=window.requestIdleCallback;m('ric');
ric(function(){t=p.now();var db=indexedDB;m('idb');db.databases().then(function(){m('databases');window.__T=T});});
window.__T=T;})();`;
app.get('/__probe.js', (_q, r) => r.type('application/javascript').send(PROBE));
let page0 = '';
app.get('/__probe', (_q, r) => r.type('text/html').send(page0));
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as any).port}`;
page0 = (await (await fetch(base + '/')).text()).replace('src="/widget.js"', 'src="/__probe.js"');
const b = await launchChromium();
const acc: Record<string, number[]> = {};
for (let i = 0; i < 7; i++) {
  const ctx = await b.newContext(); const page = await ctx.newPage();
  await page.goto(base + '/health');
  await page.goto(base + '/__probe'); await page.waitForLoadState('networkidle');
  const T: string[] = await page.evaluate('window.__T');
  for (const x of T) { const [k, v] = x.split(':'); (acc[k!] ??= []).push(Number(v)); }
  await ctx.close();
}
for (const k in acc) { const s = acc[k]!.sort((a, c) => a - c); console.log(k.padEnd(20), s[s.length >> 1]!.toFixed(2), s.map(x => x.toFixed(1)).join(' ')); }
await b.close(); await app.close();
