// One measured Bulle run of bench:load (bench/load.ts) against servers already started: agents
// log in on one of them, visitors (forked workers) spread over all of them, hand-offs claimed,
// then paced FAQ questions, agent replies and visitor follow-ups; drained, and lost messages
// counted. Shared by the one-server run and the several-nodes run (bench/lib/load-nodes.ts).
import { AgentPool, DEMO_AGENTS } from './agents.js';
import type { HandoffDoneMsg, PollMsg, RunResult } from './ipc.js';
import { connectWorkers, mergeCounts, rssOf, sampler, type ConnectOptions, type Worker } from './load-workers.js';
import { cpuSeconds, memMB, sleep } from './proc.js';
import { summarize, timeline } from './stats.js';

/** What bench:load's options come to (bench/load.ts computes it). */
export interface LoadPlan extends ConnectOptions {
  visitors: number;
  handoffs: number;
  agentCount: number;
  durationMs: number;
  drainMs: number;
  drainMaxMs: number;
  botRate: number;
  convRate: number;
  agentRate: number;
  ackTimeout: number;
  visitorMinInterval: number;
}

export interface LoadTarget {
  /** Every server's process id (memory and CPU are added up; RSS peaks are also kept per server). */
  pids: number[];
  /** Where the agents log in. */
  agentUrl: string;
  /** Where the visitors connect, round robin. */
  visitorUrls: string[];
  /** CPU seconds used so far by what the servers share (PostgreSQL, Redis), measured like theirs. */
  engineCpu?: () => number;
}

export type BulleRun = Awaited<ReturnType<typeof runBulle>>;

export async function runBulle(plan: LoadPlan, target: LoadTarget) {
  const { pids } = target;
  const { workerCount, durationMs, drainMs, drainMaxMs } = plan;
  let workers: Worker[] = [];
  let agents: AgentPool | undefined;
  try {
    agents = new AgentPool(target.agentUrl, { maxClaimsInFlight: 20, ackTimeoutMs: plan.ackTimeout });
    await agents.connect(DEMO_AGENTS.slice(0, plan.agentCount));
    await sleep(1000);
    const rssIdle = rssOf(pids);
    const mem = sampler(pids);

    const c = await connectWorkers(target.visitorUrls, plan.visitors, plan.handoffs, pids, plan);
    workers = c.workers;
    const { connectedN, rssConnected } = c;

    for (const w of workers) w.send({ type: 'handoff', timeoutMs: 15_000 });
    const hand = await Promise.all(workers.map((w) => w.next<HandoffDoneMsg>('handoffDone', 45_000)));
    await agents.settleClaims(10_000);

    const cpuNow = () => pids.reduce((n, pid) => n + (cpuSeconds(pid) ?? 0), 0);
    const cpu0 = cpuNow();
    const engineCpu0 = target.engineCpu?.() ?? NaN;
    const benchCpu0 = process.cpuUsage();
    const runStart = Date.now();
    for (const w of workers) {
      w.send({ type: 'run', durationMs, botRate: plan.botRate / workerCount, convRate: plan.convRate / workerCount, drainMs, drainMaxMs, ackTimeoutMs: plan.ackTimeout, minIntervalMs: plan.visitorMinInterval });
    }
    agents.collecting = true;
    const agentRun = await agents.sendLoop(plan.agentRate, durationMs, () => new Set());
    const cpuRun = cpuNow() - cpu0;
    const engineCpuRun = (target.engineCpu?.() ?? NaN) - engineCpu0;
    const runMs = Date.now() - runStart;
    const results = await Promise.all(workers.map((w) => w.next<RunResult>('result', drainMaxMs + plan.ackTimeout + 60_000)));
    // Late deliveries are slow, not lost: keep waiting while agent replies and visitor follow-ups
    // still arrive; stop after --drain s without progress (or --drain-max s in all).
    const convAcked = results.flatMap((r) => r.convAckedIds);
    const received = new Set(results.flatMap((r) => r.agentReceivedIds));
    const agentLatencies = results.flatMap((r) => r.agentLatencies);
    const owed = () =>
      [...agentRun.acked].filter((id) => !received.has(id)).length + convAcked.filter((id) => !agents!.visitorReceived.has(id)).length;
    {
      let best = Infinity;
      let lastProgress = Date.now();
      const hardEnd = Date.now() + drainMaxMs;
      for (;;) {
        for (const w of workers) w.send({ type: 'poll' });
        for (const p of await Promise.all(workers.map((w) => w.next<PollMsg>('poll', 30_000)))) {
          for (const id of p.agentReceivedIds) received.add(id);
          agentLatencies.push(...p.agentLatencies);
        }
        const left = owed();
        if (left < best) {
          best = left;
          lastProgress = Date.now();
        }
        if (left === 0 || Date.now() - lastProgress > drainMs || Date.now() > hardEnd) break;
        await sleep(250);
      }
    }
    const drainSeconds = (Date.now() - runStart - runMs) / 1000;
    agents.collecting = false;
    const benchCpu = process.cpuUsage(benchCpu0);
    const rssAfter = { rss: rssOf(pids), hwm: pids.reduce((n, pid) => n + (memMB(pid)?.hwm ?? NaN), 0) };
    const rssPeak = mem.peak;
    const rssPeakPerServer = mem.peaks;
    mem.stop();

    // ---- lost messages ----
    const disconnectedConvs = new Set(results.flatMap((r) => r.disconnectedConversationIds));
    let agentLost = 0;
    let agentUndelivered = 0;
    for (const [conv, ids] of agentRun.perConversation) {
      for (const id of ids) {
        if (received.has(id)) continue;
        if (disconnectedConvs.has(conv)) agentUndelivered++;
        else agentLost++;
      }
    }
    const v2aLost = convAcked.filter((id) => !agents!.visitorReceived.has(id)).length;
    const botLost = results.reduce((n, r) => n + r.botLost, 0);
    const bot = summarize(results.flatMap((r) => r.botLatencies));
    const botTimeline = timeline(results.flatMap((r) => r.botLatencies), results.flatMap((r) => r.botSentAt), 5000);
    const agentLat = summarize(agentLatencies);
    const v2aIds = convAcked.filter((id) => Number.isFinite(agents!.visitorReceived.get(id)) && agents!.visitorSentAt.has(id));
    const v2aLat = summarize(v2aIds.map((id) => agents!.visitorReceived.get(id)!));
    const v2aTimeline = timeline(v2aIds.map((id) => agents!.visitorReceived.get(id)!), v2aIds.map((id) => agents!.visitorSentAt.get(id)!), 5000);
    const handLat = summarize(hand.flatMap((h) => h.latencies));
    const ackedInWindow = results.reduce((n, r) => n + r.ackedInWindow, 0) + agentRun.ackedInWindow;
    const held = results.reduce((n, r) => n + r.held, 0);
    const workerCpu = results.reduce((n, r) => n + r.cpuSeconds, 0);
    return {
      botTimeline,
      v2aTimeline,
      connect: c.connected,
      connectedN,
      held,
      rssIdle,
      rssConnected,
      rssPeak,
      rssPeakPerServer,
      rssAfter: rssAfter.rss,
      hwm: rssAfter.hwm,
      kbPerConnection: connectedN ? ((rssConnected - rssIdle) * 1024) / connectedN : NaN,
      kbSlope: c.kbSlope,
      hand: {
        requested: hand.reduce((n, h) => n + h.requested, 0),
        assigned: hand.reduce((n, h) => n + h.assigned, 0),
        queued: hand.reduce((n, h) => n + h.queued, 0),
        latency: handLat,
        claimErrors: agents.claimErrors,
        claimConflicts: agents.claimConflicts,
        routed: agents.routed,
        claimed: agents.assigned.size,
      },
      runMs,
      drainSeconds,
      msgsPerSec: ackedInWindow / (durationMs / 1000),
      bot,
      agentLat,
      v2aLat,
      botSent: results.reduce((n, r) => n + r.botSent, 0),
      botAcked: results.reduce((n, r) => n + r.botAcked, 0),
      botSkipped: results.reduce((n, r) => n + r.botSkipped, 0),
      botUnconfirmed: results.reduce((n, r) => n + r.botUnconfirmed, 0),
      botAnswers: results.reduce((n, r) => n + r.botAnswers, 0),
      botFallbacks: results.reduce((n, r) => n + r.botFallbacks, 0),
      botSuggests: results.reduce((n, r) => n + r.botSuggests, 0),
      distinctQuestions: new Set(results.flatMap((r) => r.questionTexts)).size,
      botLost,
      botUndelivered: results.reduce((n, r) => n + r.botUndeliveredDisconnected, 0),
      convSent: results.reduce((n, r) => n + r.convSent, 0),
      convAcked: convAcked.length,
      convSkipped: results.reduce((n, r) => n + r.convSkipped, 0),
      agentSent: agentRun.sent,
      agentAcked: agentRun.acked.size,
      agentSkipped: agentRun.skipped,
      agentErrors: agentRun.errors,
      agentLost,
      agentUndelivered,
      v2aLost,
      lost: botLost + agentLost + v2aLost,
      ackTimeouts: results.reduce((n, r) => n + r.ackTimeouts, 0),
      ackErrors: mergeCounts(results.map((r) => r.ackErrors)),
      disconnects: results.reduce((n, r) => n + r.disconnects, 0),
      disconnectReasons: mergeCounts(results.map((r) => r.disconnectReasons)),
      agentDisconnects: agents.disconnects,
      serverCpuPct: (cpuRun / (runMs / 1000)) * 100,
      engineCpuPct: (engineCpuRun / (runMs / 1000)) * 100,
      clientCpuPct: ((workerCpu + (benchCpu.user + benchCpu.system) / 1e6) / (runMs / 1000)) * 100,
      workerRssMB: results.map((r) => r.rssMB),
    };
  } finally {
    agents?.close();
    await Promise.all(workers.map((w) => w.close()));
  }
}
