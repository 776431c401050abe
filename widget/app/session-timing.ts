// How long the widget's chat session waits for things, and how often it repeats them.

export const ACK_TIMEOUT_MS = 10_000;
/** 100 messages a page: a visitor's whole history, however long it grew, and a stop if a server misbehaves. */
export const MAX_SYNC_PAGES = 50;
export const RESEND_AFTER_MS = 3_000;
export const RETRY_HANDSHAKE_MS = 5_000;
export const TYPING_REFRESH_MS = 3_000;
export const TYPING_IDLE_MS = 4_000;
// Typing signals are volatile: a lost "stopped" must not leave the dots on forever.
export const AGENT_TYPING_TTL_MS = 15_000;
