// Build-time replacement for engine.io-client's transport table (see vite.config.ts):
// the widget speaks WebSocket only. That drops the long-polling code from the 20 KB budget,
// and it means no sticky sessions are needed behind a load balancer.
// 'bulle:engine-ws' is resolved by the same plugin to engine.io-client's browser WebSocket transport.
// @ts-expect-error virtual module, resolved at build time
import { WS } from 'bulle:engine-ws';
export const transports = { websocket: WS };
