// Build-time stand-in for socket.io-parser (vite.config.ts): Socket.IO v5 packets as text —
// "<type>[/<nsp>,][<ack id>][<JSON>]" — which is all the /visitor namespace ever carries. The
// binary machinery (attachments, placeholders, reconstruction) stays out of the 20 KB budget.
import { Emitter } from '@socket.io/component-emitter';

export const protocol = 5;

export const PacketType = { CONNECT: 0, DISCONNECT: 1, EVENT: 2, ACK: 3, CONNECT_ERROR: 4, BINARY_EVENT: 5, BINARY_ACK: 6 } as const;

interface Packet {
  type: number;
  nsp: string;
  id?: number;
  data?: unknown;
}

const PACKET = /^(\d)(?:(\/[^,]*),?)?(\d*)([\s\S]*)$/;

export class Encoder {
  encode(p: Packet): string[] {
    return [p.type + (p.nsp && p.nsp !== '/' ? p.nsp + ',' : '') + (p.id ?? '') + (p.data === undefined ? '' : JSON.stringify(p.data))];
  }
}

// Called with `new` by the Manager; a malformed packet throws, and the Manager closes ("parse error").
export function Decoder() {
  const decoder = new Emitter() as Emitter<any, any> & Record<string, unknown>;
  decoder.add = (text: string) => {
    const [, type, nsp, id, data] = PACKET.exec(text)!;
    decoder.emit('decoded', { type: +type!, nsp: nsp || '/', id: id ? +id : undefined, data: data ? JSON.parse(data) : undefined });
  };
  decoder.destroy = () => {};
  return decoder;
}
