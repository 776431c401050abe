// Server-side entry to the wire contract. Clients import ./events.js and `import type` ./types.js.
export * from './events.js';
export type * from './types.js';
export * from './schemas.js';
