// Output a client has not read is held in this process: Engine.IO's write buffer (packets waiting
// for the transport) and the WebSocket's own buffer (bytes the kernel would not take). A client
// that never reads but keeps asking would grow both without bound, so every second each
// connection's backlog is measured and one past the cap is cut off. Cut at once (terminate), not
// closed politely: a close frame would queue behind the very bytes the client will not read.
import type { Server } from 'socket.io';
import type { Logger } from './command.js';

/** Far above what a live client ever has waiting (a page of history is ≤ 256 KB). */
export const MAX_UNSENT_BYTES = 1024 * 1024;
const EVERY_MS = 1000;

interface EngineClient {
  id: string;
  writeBuffer: { data?: unknown }[];
  transport: { socket?: { bufferedAmount?: number; terminate?: () => void } };
  request?: { socket?: { remoteAddress?: string } };
  close(discard?: boolean): void;
}

export function unsentBytes(client: EngineClient): number {
  let bytes = client.transport.socket?.bufferedAmount ?? 0;
  for (const packet of client.writeBuffer) {
    const data = packet.data;
    bytes += typeof data === 'string' ? data.length : data instanceof Uint8Array ? data.byteLength : 16;
  }
  return bytes;
}

/** Starts the sweep; returns its stop. */
export function guardOutput(io: Server, log: Logger, maxBytes = MAX_UNSENT_BYTES): () => void {
  const timer = setInterval(() => {
    const clients = (io.engine as unknown as { clients: Record<string, EngineClient> }).clients;
    for (const id in clients) {
      const client = clients[id]!;
      const bytes = unsentBytes(client);
      if (bytes <= maxBytes) continue;
      log.warn({ bytes, engineId: client.id }, 'client not reading its output: disconnected');
      const ws = client.transport.socket;
      if (typeof ws?.terminate === 'function') ws.terminate();
      else client.close(true);
    }
  }, EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
