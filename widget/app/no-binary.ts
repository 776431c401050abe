// Build-time stand-in for the binary support of socket.io-parser (binary.js, is-binary.js) and
// engine.io-parser (contrib/base64-arraybuffer.js); vite.config.ts resolves all three here.
// The /visitor protocol is JSON only — no Blob, ArrayBuffer or File ever crosses it, and over a
// WebSocket binary would travel as frames, never base64 — so the code that finds, extracts,
// reattaches and base64-decodes attachments would only spend the widget's 20 KB budget.
export const isBinary = (_obj: unknown): boolean => false;
export const hasBinary = (_obj: unknown): boolean => false;
export const deconstructPacket = <P>(packet: P): { packet: P; buffers: never[] } => ({ packet, buffers: [] });
export const reconstructPacket = <P>(packet: P): P => packet;
export const decode = (_base64: string): ArrayBuffer => new ArrayBuffer(0);
