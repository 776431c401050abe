// Messages between bench/load.ts and its visitor workers (child_process IPC).

export interface ConnectCmd {
  type: 'connect';
  /** Servers to connect to: visitor n goes to urls[n % urls.length] (several nodes share the visitors). */
  urls: string[];
  /** Visitor numbers [offset, offset + count) belong to this worker. */
  offset: number;
  count: number;
  /** The first `handoffs` of this worker's visitors will ask for a human. */
  handoffs: number;
  /** Sockets being opened at once, and opened per second (ramp). */
  concurrency: number;
  connectRate: number;
  timeoutMs: number;
}
export interface HandoffCmd {
  type: 'handoff';
  timeoutMs: number;
}
export interface RunCmd {
  type: 'run';
  durationMs: number;
  /** FAQ questions per second (bot loop) from this worker. */
  botRate: number;
  /** Messages per second from visitors whose conversation an agent has (visitor → agent). */
  convRate: number;
  /** Stop waiting for replies after this long without progress… */
  drainMs: number;
  /** …or after this long in all. */
  drainMaxMs: number;
  ackTimeoutMs: number;
  /** A visitor sends at most one message per this interval (the server rate-limits visitors). */
  minIntervalMs: number;
}
export interface CloseCmd {
  type: 'close';
}
/** Agent messages that arrived since the last result/poll (the parent waits for late ones). */
export interface PollCmd {
  type: 'poll';
}
export interface PollMsg {
  type: 'poll';
  agentReceivedIds: string[];
  agentLatencies: number[];
}
export type ToWorker = ConnectCmd | HandoffCmd | RunCmd | PollCmd | CloseCmd;

export interface ConnectedMsg {
  type: 'connected';
  connected: number;
  failed: number;
  errors: Record<string, number>;
  ms: number;
}
export interface HandoffDoneMsg {
  type: 'handoffDone';
  requested: number;
  assigned: number;
  queued: number;
  latencies: number[];
}
export interface RunResult {
  type: 'result';
  /** send → bot `message:created`, ms. */
  botLatencies: number[];
  /** Date.now() when each of botLatencies' questions was sent. */
  botSentAt: number[];
  botSent: number;
  botAcked: number;
  /** Acked, recipient still connected, no bot reply after the drain. */
  botLost: number;
  /** Same, but the visitor's socket dropped (the reply would come with the next sync). */
  botUndeliveredDisconnected: number;
  botSkipped: number;
  /** Ack timed out and no reply by the end of the drain (neither confirmed nor lost). */
  botUnconfirmed: number;
  botAnswers: number;
  botSuggests: number;
  botFallbacks: number;
  /** The distinct FAQ question texts this worker sent (bench/lib/questions.ts). */
  questionTexts: string[];
  /** Visitor → agent messages acked by the server (clientIds; the agents report what arrived). */
  convSent: number;
  convAckedIds: string[];
  convSkipped: number;
  /** Agent → visitor: clientIds that arrived and their latency (agent emit → visitor receipt). */
  agentReceivedIds: string[];
  agentLatencies: number[];
  /** Conversations whose visitor socket dropped (messages to them cannot be delivered live). */
  disconnectedConversationIds: string[];
  ackTimeouts: number;
  ackErrors: Record<string, number>;
  disconnects: number;
  disconnectReasons: Record<string, number>;
  /** Visitor sockets still connected when the run ended. */
  held: number;
  /** Acked messages per second during the run window (this worker). */
  ackedInWindow: number;
  cpuSeconds: number;
  rssMB: number;
}
export type FromWorker = ConnectedMsg | HandoffDoneMsg | RunResult | PollMsg | { type: 'closed' } | { type: 'error'; message: string };

/** The questions visitors ask the FAQ bot, and the sentence that asks for a person. */
export const QUESTIONS = [
  'How long does delivery take?',
  'Where is my order?',
  'How can I return an item?',
  'Which payment methods do you accept?',
  'Do you ship abroad?',
  'How do I track my parcel?',
  'Can I get a refund?',
  'How much is shipping?',
];
export const HANDOFF_TEXT = 'I want to talk to a human';
export const PAGE = { url: 'http://127.0.0.1/checkout.html', title: 'Checkout' };

/** Agent and visitor follow-up texts carry their send time so the receiver can compute latency. */
export const stampRe = /\bts=(\d+(?:\.\d+)?)\b/;
