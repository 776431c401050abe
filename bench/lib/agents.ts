// The agent side of bench/load.ts (runs in the bench process: a handful of sockets).
// Agents log in over HTTP, follow the queue, claim every queued conversation (spread round
// robin over the agents who speak its language), reply at a paced rate with a send-time stamp in
// the text, and record every visitor message that reaches them (visitor → agent delivery).
import { io, type Socket } from 'socket.io-client';
import { now, sleep } from './proc.js';
import { stampRe } from './ipc.js';

export interface AgentCreds {
  email: string;
  password: string;
}
/** English first (the bench's visitors write English), then the others. */
export const DEMO_AGENTS: AgentCreds[] = ['sam', 'alex', 'camille', 'lucia', 'jonas'].map((n) => ({
  email: `${n}@demo.bulle.chat`,
  password: `demo-${n}`,
}));

interface Agent {
  email: string;
  languages: string[];
  admin: boolean;
  socket: Socket;
  connected: boolean;
}

interface Ack<T = unknown> {
  ok: boolean;
  data?: T;
  error?: { code: string; message: string };
}

export async function login(url: string, creds: AgentCreds): Promise<{ cookie: string; languages: string[]; admin: boolean }> {
  const res = await fetch(url + '/api/agent/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(creds),
    signal: AbortSignal.timeout(10_000),
  });
  const body = (await res.json().catch(() => ({}))) as { agent?: { languages?: string[]; role?: string } };
  if (res.status !== 200) throw new Error(`login ${creds.email}: HTTP ${res.status} ${JSON.stringify(body)}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  return { cookie, languages: body.agent?.languages ?? [], admin: body.agent?.role === 'admin' };
}

export class AgentPool {
  private agents: Agent[] = [];
  private seen = new Set<string>();
  private claimQueue: { id: string; lang: string }[] = [];
  private claiming = 0;
  private rr = 0;
  private counter = 0;
  /** conversationId → agent index, for conversations this pool holds. */
  readonly assigned = new Map<string, number>();
  readonly claimLatencies: number[] = [];
  readonly claimErrors: Record<string, number> = {};
  /** Conversations the server's router assigned on its own (`conversation:assigned`, via auto). */
  routed = 0;
  /** Our claim lost to the router's auto-assignment (CONFLICT): expected, not an error. */
  claimConflicts = 0;
  /** Visitor messages that reached an agent: clientId → latency (ms) from the stamp. */
  readonly visitorReceived = new Map<string, number>();
  /** Their send times (the stamp), for the run's timeline. */
  readonly visitorSentAt = new Map<string, number>();
  collecting = false;
  disconnects = 0;

  constructor(
    private readonly url: string,
    private readonly opts: { maxClaimsInFlight: number; ackTimeoutMs: number },
  ) {}

  async connect(creds: AgentCreds[]): Promise<void> {
    for (const c of creds) {
      const { cookie, languages, admin } = await login(this.url, c);
      const socket = io(this.url + '/agent', { transports: ['websocket'], extraHeaders: { cookie }, reconnection: false, forceNew: true });
      const agent: Agent = { email: c.email, languages, admin, socket, connected: false };
      const idx = this.agents.push(agent) - 1;
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`agent ${c.email}: no connect after 10 s`)), 10_000);
        socket.once('connect', () => {
          clearTimeout(timer);
          resolve();
        });
        socket.once('connect_error', (err) => {
          clearTimeout(timer);
          reject(new Error(`agent ${c.email}: ${err.message}`));
        });
      });
      agent.connected = true;
      socket.on('disconnect', () => {
        agent.connected = false;
        this.disconnects++;
      });
      socket.on('queue:added', (s: { id: string; lang: string; status?: string }) => this.enqueue(s));
      // The server may route a chat to an agent itself (auto-assignment): that agent has it.
      socket.on('conversation:assigned', (p: { conversation?: { id?: string }; via?: string }) => {
        const id = p?.conversation?.id;
        if (!id) return;
        if (!this.assigned.has(id) && p.via !== 'pick') this.routed++;
        this.assigned.set(id, idx);
      });
      socket.on('message:created', (m: { author?: string; clientId?: string; text?: string }) => {
        if (m.author !== 'visitor' || !m.clientId || this.visitorReceived.has(m.clientId)) return;
        const stamp = stampRe.exec(m.text ?? '');
        this.visitorReceived.set(m.clientId, stamp && this.collecting ? now() - Number(stamp[1]) : NaN);
        if (stamp) this.visitorSentAt.set(m.clientId, Number(stamp[1]));
      });
    }
  }

  private enqueue(s: { id: string; lang: string }) {
    if (this.seen.has(s.id)) return; // every agent of that language hears it: claim once
    this.seen.add(s.id);
    this.claimQueue.push({ id: s.id, lang: s.lang });
    this.pump();
  }

  private pump() {
    while (this.claiming < this.opts.maxClaimsInFlight && this.claimQueue.length) {
      const conv = this.claimQueue.shift()!;
      const able = this.agents.map((a, i) => ({ a, i })).filter(({ a }) => a.connected && (a.admin || a.languages.includes(conv.lang)));
      if (!able.length) {
        this.claimErrors['no agent for ' + conv.lang] = (this.claimErrors['no agent for ' + conv.lang] ?? 0) + 1;
        continue;
      }
      const { a, i } = able[this.rr++ % able.length]!;
      this.claiming++;
      const t0 = now();
      a.socket.timeout(this.opts.ackTimeoutMs).emit('conversation:claim', { conversationId: conv.id }, (err: unknown, res?: Ack) => {
        this.claiming--;
        if (!err && res?.ok) {
          this.assigned.set(conv.id, i);
          this.claimLatencies.push(now() - t0);
        } else if (!err && res?.error?.code === 'CONFLICT') {
          this.claimConflicts++;
        } else {
          const key = err ? 'timeout' : (res?.error?.code ?? '?');
          this.claimErrors[key] = (this.claimErrors[key] ?? 0) + 1;
        }
        this.pump();
      });
    }
  }

  /** Paced agent replies over the assigned conversations; resolves after `durationMs`. */
  async sendLoop(rate: number, durationMs: number, skipConversations: () => Set<string>): Promise<{ sent: number; acked: Set<string>; ackedInWindow: number; skipped: number; errors: Record<string, number>; perConversation: Map<string, string[]> }> {
    const acked = new Set<string>();
    const perConversation = new Map<string, string[]>();
    const errors: Record<string, number> = {};
    let sent = 0;
    let skipped = 0;
    let ackedInWindow = 0;
    let inWindow = true;
    let ids: string[] = [];
    let cursor = 0;
    let lastRefresh = -1;
    const t0 = Date.now();
    await new Promise<void>((resolve) => {
      const tick = setInterval(() => {
        const elapsedMs = Date.now() - t0;
        if (elapsedMs >= durationMs) {
          clearInterval(tick);
          inWindow = false;
          resolve();
          return;
        }
        if (elapsedMs - lastRefresh > 250) {
          const skip = skipConversations();
          ids = [...this.assigned.keys()].filter((id) => !skip.has(id));
          lastRefresh = elapsedMs;
        }
        const due = Math.floor((elapsedMs / 1000) * rate) - sent - skipped;
        for (let k = 0; k < due; k++) {
          if (!ids.length) {
            skipped += due - k;
            break;
          }
          const conversationId = ids[cursor++ % ids.length]!;
          const agent = this.agents[this.assigned.get(conversationId)!]!;
          if (!agent.connected) {
            skipped++;
            continue;
          }
          const clientId = `a-${process.pid.toString(36)}-${(this.counter++).toString(36).padStart(5, '0')}`;
          sent++;
          const text = `Thanks for waiting, I am checking that for you. ts=${now().toFixed(3)}`;
          agent.socket.timeout(this.opts.ackTimeoutMs).emit('message:send', { conversationId, clientId, text }, (err: unknown, res?: Ack) => {
            if (!err && res?.ok) {
              acked.add(clientId);
              if (inWindow) ackedInWindow++;
              let list = perConversation.get(conversationId);
              if (!list) perConversation.set(conversationId, (list = []));
              list.push(clientId);
            } else {
              const key = err ? 'timeout' : (res?.error?.code ?? '?');
              errors[key] = (errors[key] ?? 0) + 1;
            }
          });
        }
      }, 5);
    });
    return { sent, acked, ackedInWindow, skipped, errors, perConversation };
  }

  /** Wait (bounded) until the claim queue is empty and no claim is in flight. */
  async settleClaims(timeoutMs: number): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (Date.now() < end && (this.claiming > 0 || this.claimQueue.length > 0)) await sleep(50);
  }

  close(): void {
    for (const a of this.agents) a.socket.close();
  }
}
