// Baseline for bench/load.ts: a bare HTTP server with Socket.IO and nothing else. It answers
// `message:send` on /visitor with an ack and one `message:created` (author "bot") carrying the
// same text — the cheapest possible version of Bulle's loop, so the difference is Bulle's cost.
// Run as a child: PORT and HOST from the environment; GET /health → 200.
// Plain JavaScript, run by plain node like the built Bulle server: no TypeScript loader in either
// (tsx added 26 MB to this server idle: 82 against 56 MB), so the two memory figures compare.
// @ts-check
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const port = Number(process.env.PORT ?? 0);
const host = process.env.HOST ?? '127.0.0.1';

const http = createServer((req, res) => {
  res.statusCode = req.url === '/health' ? 200 : 404;
  res.end(req.url === '/health' ? 'ok' : '');
});
const io = new Server(http, { serveClient: false, maxHttpBufferSize: 64 * 1024 + 20_000 });

let ids = 0;
io.of('/visitor').on('connection', (socket) => {
  let seq = 0;
  socket.on('message:send', (/** @type {{ clientId?: string; text?: string }} */ payload, /** @type {((res: unknown) => void) | undefined} */ ack) => {
    const createdAt = Date.now();
    const message = { id: String(++ids), conversationId: socket.id, seq: ++seq, author: 'visitor', text: String(payload?.text ?? ''), clientId: payload?.clientId, createdAt };
    if (typeof ack === 'function') {
      ack({ ok: true, data: { message, conversation: { id: socket.id, status: 'bot', lang: 'en', lastSeq: seq, visitorReadSeq: 0 } } });
    }
    socket.emit('message:created', { id: String(++ids), conversationId: socket.id, seq: ++seq, author: 'bot', text: message.text, createdAt });
  });
});

http.listen(port, host, () => {
  console.log(`echo server on http://${host}:${/** @type {import('node:net').AddressInfo} */ (http.address()).port}`);
});
for (const sig of ['SIGTERM', 'SIGINT']) {
  process.once(sig, () => {
    io.close();
    process.exit(0);
  });
}
