import { io } from 'socket.io-client';
import { startChild, freePort, now, sleep } from './lib/proc.ts';
const N = Number(process.argv[2] ?? 2000), RATE = 500;
const port = await freePort();
const srv = await startChild('bench/lib/echo-server.ts', {}, port);
const socks: any[] = [];
for (let i = 0; i < N; i++) {
  const s = io(srv.url + '/visitor', { transports: ['websocket'], forceNew: true, reconnection: false });
  socks.push(s);
  if (i % 200 === 199) await sleep(100);
}
while (socks.some((s) => !s.connected)) await sleep(50);
console.log('connected');
const lat: [number, number, number][] = [];
const t0 = Date.now();
let sent = 0;
let lagMax = 0; let last = Date.now();
const lagT = setInterval(() => { const d = Date.now() - last - 5; if (d > lagMax) lagMax = d; last = Date.now(); }, 5);
await new Promise<void>((res) => {
  const tick = setInterval(() => {
    const el = Date.now() - t0;
    if (el > 8000) { clearInterval(tick); res(); return; }
    const due = Math.floor(el / 1000 * RATE) - sent;
    for (let k = 0; k < due; k++) {
      const i = sent++ % N; const s = socks[i]; const t = now();
      s.once('message:created', () => lat.push([el, i, now() - t]));
      s.emit('message:send', { clientId: 'x', text: 'hi' }, () => {});
    }
  }, 5);
});
await sleep(1500);
clearInterval(lagT);
lat.sort((a, b) => a[2] - b[2]);
console.log('n', lat.length, 'p50', lat[lat.length >> 1][2].toFixed(1), 'p99', lat[Math.floor(lat.length * 0.99)][2].toFixed(1), 'client loop lag max', lagMax);
const slow = lat.filter((x) => x[2] > 50);
console.log('slow', slow.length, 'by second:', JSON.stringify(Object.entries(slow.reduce((m: any, x) => { const k = Math.floor(x[0] / 1000); m[k] = (m[k] ?? 0) + 1; return m; }, {}))));
console.log('slow visitor idx range', Math.min(...slow.map((x) => x[1])), Math.max(...slow.map((x) => x[1])), 'distinct', new Set(slow.map(x=>x[1])).size);
for (const s of socks) s.close();
await srv.stop();
process.exit(0);
