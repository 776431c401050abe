// A small in-memory stand-in for the widget's socket (widget/app/connection.ts), so the chat
// session's rules run without a server or a browser: the test answers each request (or lets it
// time out), pushes facts, and reads what was sent.
import { vi } from 'vitest';
import type { ConnectionHandlers, ConnectionOptions, VisitorConnection } from '../../widget/app/connection.js';
import type { VisitorCommandName, VisitorCommands } from '../../protocol/visitor-events.js';
import type { Ack, SiteInfo, VisitorConversation, VisitorMessage } from '../../protocol/types.js';

type Answer<E extends VisitorCommandName> = (payload: VisitorCommands[E]['payload']) => Ack<VisitorCommands[E]['ack']> | 'timeout';
type Answers = { [E in VisitorCommandName]?: Answer<E> };

export interface Sent {
  event: VisitorCommandName;
  payload: unknown;
  kind: 'request' | 'signal';
}

export interface FakeConnection {
  /** What the session sent, in order. */
  sent: Sent[];
  /** The session's handlers: call them to play the server's side (connect, facts). */
  on: ConnectionHandlers;
  options: ConnectionOptions;
  reconnects: number;
  /** How the fake server answers each command (absent: `{ ok: true, data: {} }`). */
  answer<E extends VisitorCommandName>(event: E, fn: Answer<E>): void;
  connect(): void;
  requests(event: VisitorCommandName): unknown[];
}

export function fakeConnection(): { fake: FakeConnection; connect: (opts: ConnectionOptions, on: ConnectionHandlers) => VisitorConnection } {
  // A new visitor: no conversation yet.
  const answers: Answers = {
    'conversation:sync': () => ({ ok: true, data: { site: SITE, conversation: null, messages: [], through: 0, more: false } }),
  };
  let connected = false;
  const fake = {
    sent: [] as Sent[],
    reconnects: 0,
    answer(event, fn) {
      (answers as Record<string, unknown>)[event] = fn;
    },
    connect() {
      connected = true;
      fake.on.connected();
    },
    requests: (event) => fake.sent.filter((s) => s.kind === 'request' && s.event === event).map((s) => s.payload),
  } as FakeConnection;
  const connect = (opts: ConnectionOptions, on: ConnectionHandlers): VisitorConnection => {
    fake.on = on;
    fake.options = opts;
    return {
      get connected() {
        return connected;
      },
      async request(event, payload) {
        fake.sent.push({ event, payload, kind: 'request' });
        const fn = answers[event] as Answer<typeof event> | undefined;
        const result = fn ? fn(payload) : { ok: true as const, data: {} as VisitorCommands[typeof event]['ack'] };
        // Like Socket.IO's timeout(): the promise rejects when no ack came back.
        if (result === 'timeout') throw new Error('operation has timed out');
        return result;
      },
      signal(event, payload) {
        fake.sent.push({ event, payload, kind: 'signal' });
      },
      reconnect() {
        fake.reconnects++;
      },
    };
  };
  return { fake, connect };
}

export const SITE: SiteInfo = { id: 'demo', name: 'Demo shop', languages: ['en', 'fr'], defaultLanguage: 'en' };

export const conversation = (lastSeq: number, extra: Partial<VisitorConversation> = {}): VisitorConversation => ({
  id: 'c1',
  status: 'bot',
  lang: 'en',
  lastSeq,
  visitorReadSeq: 0,
  ...extra,
});

export const message = (seq: number, author: VisitorMessage['author'], text: string, clientId?: string): VisitorMessage => ({
  id: `m${seq}`,
  conversationId: 'c1',
  seq,
  author,
  text,
  createdAt: 1_000 + seq,
  ...(clientId ? { clientId } : {}),
});

/** The browser globals the session reads (page, languages, storage), in memory. */
export function fakeBrowser(): { local: Map<string, string>; session: Map<string, string> } {
  const local = new Map<string, string>();
  const session = new Map<string, string>();
  const storage = (m: Map<string, string>) => ({
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
  });
  vi.stubGlobal('localStorage', storage(local));
  vi.stubGlobal('sessionStorage', storage(session));
  vi.stubGlobal('location', { href: 'https://shop.example/orders' });
  vi.stubGlobal('document', { title: 'Orders', referrer: '', documentElement: { lang: 'en' } });
  vi.stubGlobal('navigator', { languages: ['en-GB', 'en'], language: 'en-GB' });
  return { local, session };
}
