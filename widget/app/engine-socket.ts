// Build-time stand-in for engine.io-client (vite.config.ts): the Engine.IO v4 protocol over one
// WebSocket, text frames only — all the widget speaks. engine.io-client also carries HTTP
// long-polling, WebTransport, transport upgrades, binary framing and cookie jars, which would
// cost the 20 KB budget about 5 KB gzipped for code the widget never runs.
//
// What socket.io-client's Manager and Socket use of it: `new Socket(uri, opts)`, the events
// open / error / close / ping / data, write(), close(), transport.writable (volatile packets)
// and _hasPingExpired(). The server pings (Engine.IO v4); no ping within pingInterval +
// pingTimeout means the connection is dead, as in engine.io-client.
import { Emitter } from '@socket.io/component-emitter';

type Timer = ReturnType<typeof setTimeout>;

// A function, not a class: called with `new`, it returns the emitter it built, and its locals
// minify where a class's fields would not.
export function Socket(uri: string, opts: { path: string }) {
  const engine = new Emitter() as Emitter<any, any> & Record<string, unknown>;
  const transport = { writable: false };
  const url = new URL(uri);
  const ws = new WebSocket(`${url.protocol === 'https:' ? 'wss' : 'ws'}://${url.host}${opts.path.replace(/\/?$/, '/')}?EIO=4&transport=websocket`);
  let state = 0; // 0 opening, 1 open, 2 closed
  let timer: Timer;
  let expires = Infinity;
  let lease = 0;

  const beat = () => {
    clearTimeout(timer);
    expires = Date.now() + lease;
    timer = setTimeout(() => closed('ping timeout'), lease);
  };
  const shut = () => {
    state = 2;
    transport.writable = false;
    clearTimeout(timer);
    ws.onopen = ws.onmessage = ws.onerror = ws.onclose = null;
    ws.close();
  };
  const closed = (reason: string) => {
    if (state > 1) return;
    shut();
    engine.emit('close', reason);
  };
  // Before the handshake the Manager listens for 'error' (and retries); after it, for 'close'.
  ws.onerror = ws.onclose = () => {
    if (state) return closed('transport close');
    shut();
    engine.emit('error', new Error('websocket error'));
  };
  ws.onmessage = ({ data }: MessageEvent<string>) => {
    const type = data[0];
    if (type === '0') {
      const handshake = JSON.parse(data.slice(1)) as { pingInterval: number; pingTimeout: number };
      lease = handshake.pingInterval + handshake.pingTimeout;
      state = 1;
      transport.writable = true;
      engine.emit('open');
      if (state === 1) beat();
    } else if (type === '2') {
      ws.send('3');
      engine.emit('ping');
      beat();
    } else if (type === '4') engine.emit('data', data.slice(1));
    else if (type === '1') closed('transport close');
  };

  engine.transport = transport;
  engine.write = (message: string) => state === 1 && ws.send('4' + message);
  engine.close = () => closed('forced close');
  // A suspended tab's timer fires late: the send path checks the deadline itself.
  engine._hasPingExpired = () => {
    const expired = state === 1 && Date.now() > expires;
    if (expired) Promise.resolve().then(() => closed('ping timeout'));
    return expired;
  };
  return engine;
}

export function installTimerFunctions(obj: Record<string, unknown>): void {
  obj.setTimeoutFn = setTimeout.bind(globalThis);
  obj.clearTimeoutFn = clearTimeout.bind(globalThis);
}

export const nextTick = (fn: () => void): unknown => Promise.resolve().then(fn);
