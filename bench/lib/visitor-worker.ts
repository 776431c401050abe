// A visitor-side load worker, forked by bench/load.ts (several of them spread the sockets and the
// client CPU over processes). It opens its share of /visitor sockets, then on command:
//   handoff → its hand-off visitors write "I want to talk to a human" and wait to be claimed;
//   run     → paced FAQ questions (one outstanding per visitor: send → bot reply latency) and
//             paced follow-ups in conversations an agent has (visitor → agent, checked by the agents);
//             every agent message received is timed from the stamp in its text;
//   close   → disconnect everything and exit.
// Every loop is bounded by count and by time; the worker also exits on its own watchdog.
import { io, type Socket } from 'socket.io-client';
import { cpuSeconds, memMB, now, sleep } from './proc.js';
import { languageOf, questionFor } from './questions.js';
import {
  HANDOFF_TEXT,
  PAGE,
  stampRe,
  type ConnectCmd,
  type FromWorker,
  type HandoffCmd,
  type RunCmd,
  type RunResult,
  type ToWorker,
} from './ipc.js';

type Status = 'none' | 'bot' | 'queued' | 'assigned' | 'closed';
interface Visitor {
  n: number;
  socket: Socket;
  connected: boolean;
  handoff: boolean;
  status: Status;
  conversationId?: string;
  /** The FAQ question waiting for its bot reply. */
  pending: { clientId: string; t0: number; acked: boolean } | null;
  convInflight: number;
  lastSendAt: number;
  handoffT0?: number;
  /** FAQ questions asked so far (picks the next one). */
  asked: number;
}

const WATCHDOG_MS = Number(process.env.BENCH_WORKER_WATCHDOG_MS ?? 15 * 60_000);
setTimeout(() => {
  console.error(`[worker ${process.pid}] watchdog: exiting after ${WATCHDOG_MS} ms`);
  process.exit(3);
}, WATCHDOG_MS).unref();
process.on('disconnect', () => process.exit(0)); // the parent went away

const reply = (m: FromWorker) => process.send?.(m);
const visitors: Visitor[] = [];
const tag = `${process.pid.toString(36)}`;
let counter = 0;
const newClientId = (kind: string) => `${kind}-${tag}-${(counter++).toString(36).padStart(5, '0')}`;

// ---- run-time tallies (reset by `run`) ----
let collecting = false;
const botLatencies: number[] = [];
/** When each of botLatencies' questions was sent (Date.now()), for the run's timeline. */
const botSentAt: number[] = [];
const agentLatencies: number[] = [];
const agentReceivedIds: string[] = [];
const handoffLatencies: number[] = [];
let botAnswers = 0;
let botSuggests = 0;
const questionTexts = new Set<string>();
let botFallbacks = 0;
let disconnects = 0;
const disconnectReasons: Record<string, number> = {};

function onMessageCreated(v: Visitor, m: { author?: string; text?: string; clientId?: string; bot?: { outcome?: string }; conversationId?: string }) {
  const t = now();
  if (m.conversationId) v.conversationId = m.conversationId;
  if (m.author === 'bot') {
    if (m.bot?.outcome === 'fallback') botFallbacks++;
    else if (m.bot?.outcome === 'answer') botAnswers++;
    else if (m.bot?.outcome === 'suggest') botSuggests++;
    if (v.pending) {
      if (collecting) {
        botLatencies.push(t - v.pending.t0);
        botSentAt.push(Date.now() - (t - v.pending.t0));
      }
      v.pending = null;
    }
  } else if (m.author === 'agent') {
    if (m.clientId) agentReceivedIds.push(m.clientId);
    const stamp = stampRe.exec(m.text ?? '');
    if (stamp && collecting) agentLatencies.push(t - Number(stamp[1]));
  }
}

function onConversationUpdated(v: Visitor, c: { id?: string; status?: Status }) {
  if (c.id) v.conversationId = c.id;
  if (!c.status) return;
  v.status = c.status;
  if (c.status !== 'bot' && v.pending) {
    // A question that fell back to a person: its bot message (fallback) came first; nothing more to wait for.
    v.pending = null;
  }
  if (c.status === 'assigned' && v.handoff && v.handoffT0 !== undefined) {
    handoffLatencies.push(now() - v.handoffT0);
    v.handoffT0 = undefined;
  }
}

async function connect(cmd: ConnectCmd) {
  const t0 = Date.now();
  const errors: Record<string, number> = {};
  let started = 0;
  let inflight = 0;
  let done = 0;
  let connected = 0;
  let failed = 0;
  await new Promise<void>((resolve) => {
    const deadline = t0 + cmd.timeoutMs;
    const finish = () => {
      clearInterval(tick);
      resolve();
    };
    const open = (n: number) => {
      inflight++;
      const handoff = n - cmd.offset < cmd.handoffs;
      const socket = io(cmd.urls[n % cmd.urls.length] + '/visitor', {
        transports: ['websocket'],
        // Visitors who ask for a person write English: the bench's agents speak it.
        auth: { siteId: 'demo', languages: handoff ? ['en'] : languageOf(n).browser },
        reconnection: false,
        forceNew: true,
        timeout: Math.max(5000, cmd.timeoutMs),
      });
      const v: Visitor = { n, socket, connected: false, handoff, status: 'none', pending: null, convInflight: 0, lastSendAt: 0, asked: 0 };
      let settled = false;
      socket.once('connect', () => {
        if (settled) return;
        settled = true;
        v.connected = true;
        visitors.push(v);
        connected++;
        inflight--;
        done++;
      });
      socket.once('connect_error', (err: Error & { data?: { code?: string } }) => {
        if (settled) return;
        settled = true;
        const key = err.data?.code ?? err.message;
        errors[key] = (errors[key] ?? 0) + 1;
        failed++;
        inflight--;
        done++;
        socket.close();
      });
      socket.on('disconnect', (reason: string) => {
        if (!v.connected) return;
        v.connected = false;
        disconnects++;
        disconnectReasons[reason] = (disconnectReasons[reason] ?? 0) + 1;
      });
      socket.on('message:created', (m) => onMessageCreated(v, m));
      socket.on('conversation:updated', (c) => onConversationUpdated(v, c));
    };
    const tick = setInterval(() => {
      const elapsed = (Date.now() - t0) / 1000;
      const allowed = Math.min(cmd.count, Math.floor(elapsed * cmd.connectRate) + 1);
      while (started < allowed && inflight < cmd.concurrency) open(cmd.offset + started++);
      if (done >= cmd.count || Date.now() > deadline) finish();
    }, 5);
  });
  if (done < cmd.count) errors['timeout (never settled)'] = cmd.count - done;
  reply({ type: 'connected', connected, failed: cmd.count - connected, errors, ms: Date.now() - t0 });
}

async function handoff(cmd: HandoffCmd) {
  const list = visitors.filter((v) => v.handoff && v.connected);
  // Paced: 100 per 50 ms, so the hand-offs do not all land in one flush.
  for (let i = 0; i < list.length; i++) {
    const v = list[i]!;
    v.handoffT0 = now();
    v.socket.timeout(cmd.timeoutMs).emit('message:send', { clientId: newClientId('h'), text: HANDOFF_TEXT, page: PAGE }, (err: unknown, res?: { ok: boolean; data?: { conversation?: { id: string; status: Status } } }) => {
      if (!err && res?.ok && res.data?.conversation) onConversationUpdated(v, res.data.conversation);
    });
    if (i % 100 === 99) await sleep(50);
  }
  const deadline = Date.now() + cmd.timeoutMs;
  while (Date.now() < deadline && list.some((v) => v.connected && v.status !== 'assigned')) await sleep(50);
  reply({
    type: 'handoffDone',
    requested: list.length,
    assigned: list.filter((v) => v.status === 'assigned').length,
    queued: list.filter((v) => v.status === 'queued').length,
    latencies: handoffLatencies.splice(0),
  });
}

async function run(cmd: RunCmd) {
  botLatencies.length = 0;
  botSentAt.length = 0;
  agentLatencies.length = 0;
  agentReceivedIds.length = 0;
  collecting = true;
  const cpu0 = cpuSeconds(process.pid) ?? 0;
  let botSent = 0;
  let botAcked = 0;
  let botSkipped = 0;
  let convSent = 0;
  let convSkipped = 0;
  let ackTimeouts = 0;
  let ackedInWindow = 0;
  let inWindow = true;
  const ackErrors: Record<string, number> = {};
  const convAckedIds: string[] = [];
  const onAckError = (err: unknown, res?: { ok: boolean; error?: { code: string } }) => {
    if (err) ackTimeouts++;
    else if (res && !res.ok) ackErrors[res.error?.code ?? '?'] = (ackErrors[res.error?.code ?? '?'] ?? 0) + 1;
  };

  // Idle bot-loop visitors, round robin. A visitor re-enters the ring when its reply arrived.
  const botRing = visitors.filter((v) => !v.handoff);
  let botCursor = 0;
  const nextIdleBotVisitor = (): Visitor | undefined => {
    for (let k = 0; k < botRing.length; k++) {
      const v = botRing[botCursor++ % botRing.length]!;
      if (v.connected && !v.pending && (v.status === 'none' || v.status === 'bot') && tickNow - v.lastSendAt >= cmd.minIntervalMs) return v;
    }
    return undefined;
  };
  let convCursor = 0;
  const nextAssignedVisitor = (): Visitor | undefined => {
    for (let k = 0; k < visitors.length; k++) {
      const v = visitors[convCursor++ % visitors.length]!;
      if (v.connected && v.status === 'assigned' && v.convInflight < 5 && tickNow - v.lastSendAt >= cmd.minIntervalMs) return v;
    }
    return undefined;
  };
  const assignedCount = () => visitors.reduce((n, v) => n + (v.connected && v.status === 'assigned' ? 1 : 0), 0);
  let assigned = assignedCount();
  let lastAssignedCheck = 0;

  const t0 = Date.now();
  let tickNow = t0;
  await new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      tickNow = Date.now();
      const elapsedMs = tickNow - t0;
      if (elapsedMs >= cmd.durationMs) {
        clearInterval(tick);
        inWindow = false;
        resolve();
        return;
      }
      const elapsed = elapsedMs / 1000;
      // FAQ questions: open loop at botRate; when no visitor is idle the slot is skipped (counted).
      const botDue = Math.floor(elapsed * cmd.botRate) - botSent - botSkipped;
      for (let k = 0; k < botDue; k++) {
        const v = nextIdleBotVisitor();
        if (!v) {
          botSkipped += botDue - k;
          break;
        }
        const clientId = newClientId('q');
        const pending = { clientId, t0: now(), acked: false };
        v.pending = pending;
        v.lastSendAt = tickNow;
        botSent++;
        const text = questionFor(v.n, v.asked++);
        questionTexts.add(text);
        v.socket.timeout(cmd.ackTimeoutMs).emit('message:send', { clientId, text, page: PAGE }, (err: unknown, res?: { ok: boolean; error?: { code: string } }) => {
          if (!err && res?.ok) {
            botAcked++;
            if (inWindow) ackedInWindow++;
            if (v.pending === pending) pending.acked = true;
          } else {
            onAckError(err, res);
            // Refused: no reply will come. Timed out: the server may still store and answer it, so
            // the visitor keeps waiting for that reply (a later reply must not be credited to a newer question).
            if (!err && v.pending === pending) v.pending = null;
          }
        });
      }
      // Follow-ups in conversations an agent has.
      if (elapsedMs - lastAssignedCheck > 500) {
        assigned = assignedCount();
        lastAssignedCheck = elapsedMs;
      }
      const convDue = Math.floor(elapsed * cmd.convRate) - convSent - convSkipped;
      for (let k = 0; k < convDue; k++) {
        const v = assigned ? nextAssignedVisitor() : undefined;
        if (!v) {
          convSkipped += convDue - k;
          break;
        }
        const clientId = newClientId('vc');
        convSent++;
        v.convInflight++;
        v.lastSendAt = tickNow;
        const text = `My order number is ${100000 + v.n}, any news? ts=${now().toFixed(3)}`;
        v.socket.timeout(cmd.ackTimeoutMs).emit('message:send', { clientId, text }, (err: unknown, res?: { ok: boolean; error?: { code: string } }) => {
          v.convInflight--;
          if (!err && res?.ok) {
            convAckedIds.push(clientId);
            if (inWindow) ackedInWindow++;
          } else onAckError(err, res);
        });
      }
    }, 5);
  });

  // Drain: wait (bounded) for the bot replies still owed.
  // Drain: wait for the bot replies still owed while they keep coming (a saturated server answers
  // late, which is not loss); give up after drainMs without progress, or drainMaxMs in all.
  const drainHardEnd = Date.now() + cmd.drainMaxMs;
  let owed = Infinity;
  let lastProgress = Date.now();
  for (;;) {
    const left = visitors.reduce((n, v) => n + (v.connected ? (v.pending ? 1 : 0) + v.convInflight : 0), 0);
    if (left < owed) {
      owed = left;
      lastProgress = Date.now();
    }
    if (left === 0 || Date.now() - lastProgress > cmd.drainMs || Date.now() > drainHardEnd) break;
    await sleep(100);
  }
  // Agent messages keep being collected (and timed) until `close`; the parent polls for them.

  let botLost = 0;
  let botUndeliveredDisconnected = 0;
  let botUnconfirmed = 0;
  for (const v of visitors) {
    if (!v.pending) continue;
    if (!v.pending.acked) botUnconfirmed++;
    else if (v.connected) botLost++;
    else botUndeliveredDisconnected++;
  }
  const mem = memMB(process.pid);
  const result: RunResult = {
    type: 'result',
    botLatencies: botLatencies.splice(0),
    botSentAt: botSentAt.splice(0),
    botSent,
    botAcked,
    botLost,
    botUndeliveredDisconnected,
    botSkipped,
    botUnconfirmed,
    botAnswers,
    botSuggests,
    botFallbacks,
    questionTexts: [...questionTexts],
    convSent,
    convAckedIds,
    convSkipped,
    agentReceivedIds: agentReceivedIds.splice(0),
    agentLatencies: agentLatencies.splice(0),
    disconnectedConversationIds: visitors.filter((v) => !v.connected && v.conversationId).map((v) => v.conversationId!),
    ackTimeouts,
    ackErrors,
    disconnects,
    disconnectReasons,
    held: visitors.filter((v) => v.connected).length,
    ackedInWindow,
    cpuSeconds: (cpuSeconds(process.pid) ?? 0) - cpu0,
    rssMB: mem?.rss ?? NaN,
  };
  reply(result);
}

process.on('message', (cmd: ToWorker) => {
  const fail = (err: unknown) => reply({ type: 'error', message: err instanceof Error ? err.stack ?? err.message : String(err) });
  switch (cmd.type) {
    case 'connect':
      return void connect(cmd).catch(fail);
    case 'handoff':
      return void handoff(cmd).catch(fail);
    case 'run':
      return void run(cmd).catch(fail);
    case 'poll':
      reply({ type: 'poll', agentReceivedIds: agentReceivedIds.splice(0), agentLatencies: agentLatencies.splice(0) });
      return;
    case 'close':
      collecting = false;
      for (const v of visitors) v.socket.close();
      reply({ type: 'closed' });
      setTimeout(() => process.exit(0), 100);
      return;
  }
});
