// The server side of routing: feeds the pure router (server/routing/) what happens —
// hand-offs, closes, console tabs opening and closing, picks, transfers, "away", the site's
// mode — and applies what it decides (apply-effects.ts), one batch after another in the order
// the router produced them. The router's state is a cache: restore() rebuilds it from the store.
import type { ConversationTransfer } from '../../../protocol/schemas.js';
import type { AgentsListResult, ConversationSummary, QueuePosition, RoutingMode } from '../../../protocol/types.js';
import { rejection, type Effect, type Router } from '../../routing/index.js';
import type { ChatStore } from '../../storage/chat-store.js';
import type { AgentRecord, ConversationRecord, SiteRecord } from '../../storage/records.js';
import { forbidden, notFound } from '../app-error.js';
import { worksOn } from '../agent/agent-sites.js';
import type { Conversations } from '../conversations/conversations.js';
import type { Notifier } from '../notifier.js';
import type { SiteRegistry } from '../sites/site-registry.js';
import { toSummary } from '../conversations/views.js';
import { applyBatch, type Logger } from './apply-effects.js';
import { refusal, routed, toRoutingAgent, toSiteRules } from './router-inputs.js';
import { agentsList, restoreInput, transferEffects } from './routing-reads.js';
import type { RoutingOp, RoutingRemote } from './routing-remote.js';

export type { RoutingOp, RoutingRemote };
import { QueuePositions } from './queue-positions.js';

/** Every ~15 s each waiting visitor hears again, whether or not anything moved. */
const REPUBLISH_MS = 15_000;
const TICK_MS = 1_000;

export interface RoutingServiceDeps {
  router: Router;
  store: ChatStore;
  sites: SiteRegistry;
  log: Logger;
  now?: () => number;
}

/** What the realtime plugin hands over once Socket.IO exists. */
export interface RoutingOutputs {
  notifier: Notifier;
  conversations: Conversations;
}

export class RoutingService {
  readonly positions: QueuePositions;
  private out: RoutingOutputs | undefined;
  private chain: Promise<void> = Promise.resolve();
  private timer: ReturnType<typeof setInterval> | undefined;
  private lastRepublish = 0;
  private readonly now: () => number;
  private remote: RoutingRemote | undefined;
  /** Console tabs open on this server, per agent: told again to a new routing owner. */
  private readonly localTabs = new Map<string, { agent: AgentRecord; tabs: number }>();

  constructor(private readonly deps: RoutingServiceDeps) {
    this.now = deps.now ?? Date.now;
    this.positions = new QueuePositions(deps.router, deps.store, deps.sites);
  }

  get router(): Router {
    return this.deps.router;
  }

  /** Called by the realtime plugin: from now on closes and language moves are followed. */
  attach(out: RoutingOutputs): void {
    this.out = out;
    out.conversations.watch((before, after) => {
      const closed = after.status === 'closed' && before.status !== 'closed';
      const moved = after.status === 'queued' && after.lang !== before.lang;
      // What it is about changed (an agent corrected it): a waiting chat is routed by the new topic.
      const retopic = (after.status === 'queued' || after.status === 'assigned') && after.topic?.id !== before.topic?.id;
      if (closed || moved || retopic) void this.owned('changed', [before, after]).catch((err) => this.deps.log.error({ err }, 'routing: a change was not followed'));
    });
  }

  private async changedHere(before: ConversationRecord, after: ConversationRecord): Promise<void> {
    const now = this.now();
    if (after.status === 'closed' && before.status !== 'closed') return this.run(this.router.release(after.id, now));
    if (after.topic?.id !== before.topic?.id) await this.run(this.router.setTopic(after.id, after.topic?.id ?? null, now));
    // An agent corrected the language of a waiting chat (console): it changes queue, keeping its age.
    const waiting = this.router.waiting(after.siteId).find((c) => c.id === after.id);
    if (waiting && waiting.lang !== after.lang) return this.run(this.router.transferToQueue(after.id, after.lang, now));
    return Promise.resolve();
  }

  // ---- several servers ----

  /** From now on only the lease holder decides; call before start(). */
  useRemote(remote: RoutingRemote): void {
    this.remote = remote;
  }

  /** This server does not own routing: what it learns goes to the owner. */
  private get elsewhere(): boolean {
    return this.remote !== undefined && !this.remote.isOwner;
  }

  private owned<T>(op: RoutingOp, args: unknown[]): Promise<T> {
    if (this.elsewhere) return this.remote!.forward(op, args) as Promise<T>;
    return this.serve(op, args) as Promise<T>;
  }

  /** Run an operation here (this server owns routing, or is the only one). */
  serve(op: RoutingOp, args: unknown[]): Promise<unknown> {
    const a = args as [never, never];
    switch (op) {
      case 'handoff': return this.handoffHere(a[0]);
      case 'pick': return this.pickHere(a[0], a[1]);
      case 'transfer': return this.transferHere(a[0], a[1]);
      case 'connected': return this.connectedHere(a[0]);
      case 'disconnected': return this.run(this.router.agentDisconnected(a[0], this.now()));
      case 'presence': return this.presenceHere(a[0], a[1]);
      case 'mode': return this.modeHere(a[0], a[1]);
      case 'agents': return this.listAgentsHere(a[0], a[1]);
      case 'changed': return this.changedHere(a[0], a[1]);
      case 'agent-changed': return this.run(this.router.upsertAgent(toRoutingAgent(a[0]), this.now()));
      case 'signed-off': return this.run(this.router.agentSignedOff(a[0], this.now()));
      case 'site-changed': return this.run(this.router.setSiteRules((a[0] as SiteRecord).id, toSiteRules(a[0]), this.now()));
    }
  }

  /**
   * The lease changed hands. A new owner rebuilds the router from the store, as at a restart
   * (agents get the grace period to be seen again), and every server tells it which consoles it holds.
   */
  async ownerChanged(owner: boolean): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    if (!owner) return;
    await this.restore();
    for (const { agent, tabs } of this.localTabs.values()) for (let i = 0; i < tabs; i++) await this.connectedHere(agent);
    this.timer = setInterval(() => void this.tick(), TICK_MS);
    this.timer.unref();
  }

  /** Another server took routing over: tell it the consoles open here. */
  async announceTabs(): Promise<void> {
    if (!this.elsewhere) return;
    for (const { agent, tabs } of this.localTabs.values()) {
      for (let i = 0; i < tabs; i++) await this.remote!.forward('connected', [agent]).catch((err) => this.deps.log.warn({ err }, 'routing: could not tell the owner about a console'));
    }
  }

  /** At start: rebuild the router from the store (agents, waiting and assigned chats, modes), then tick. */
  async start(): Promise<void> {
    // Several servers: the routing lease decides who restores and ticks (ownerChanged).
    if (this.remote) return;
    await this.restore();
    this.timer = setInterval(() => void this.tick(), TICK_MS);
    this.timer.unref();
  }

  private async restore(): Promise<void> {
    await this.run(this.router.restore(await restoreInput(this.deps.store), this.now()));
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.chain;
  }

  async tick(): Promise<void> {
    const now = this.now();
    const effects = this.router.tick(now);
    if (effects.length) await this.run(effects);
    if (now - this.lastRepublish >= REPUBLISH_MS) {
      this.lastRepublish = now;
      await this.after((out) => this.positions.publish(out.notifier, now, true));
    }
  }

  // ---- what happens to chats ----

  /**
   * The bot handed off: into its language queue, and to an agent at once if one can take it.
   * A chat that was sent to another language's queue before it was closed starts again in
   * the visitor's language.
   */
  handoff = (conv: ConversationRecord): Promise<void> => this.owned('handoff', [conv]);
  private async handoffHere(conv: ConversationRecord): Promise<void> {
    const stale = conv.queueLang || conv.flagged || conv.skillFallback;
    const fresh = stale ? ((await this.deps.store.updateConversation(conv.id, { queueLang: undefined, flagged: undefined, skillFallback: undefined })) ?? conv) : conv;
    const now = this.now();
    return this.run(this.router.enqueue(routed(fresh, now), now));
  }

  /** A waiting chat's place, for the visitor's sync. */
  queueFor(conv: ConversationRecord): QueuePosition | null {
    // Elsewhere: the owner's next queue:position tells the visitor.
    if (this.elsewhere) return null;
    return conv.status === 'queued' ? this.positions.positionOf(conv.id, conv.siteId, this.now()) : null;
  }

  /** Every agent of the site may take it by hand: nobody online spoke its language in time. */
  isOpenToAll(conv: ConversationRecord): boolean {
    // Elsewhere the answer is "no", the stricter one: only speakers of its language may take it.
    if (this.elsewhere) return false;
    return this.router.waiting(conv.siteId).some((c) => c.id === conv.id && c.openToAll);
  }

  /** Taking a waiting chat by hand (`conversation:claim`). */
  pick = (agent: AgentRecord, conv: ConversationRecord): Promise<void> => this.owned('pick', [agent, conv]);
  private async pickHere(agent: AgentRecord, conv: ConversationRecord): Promise<void> {
    const now = this.now();
    const known = this.router.waiting(conv.siteId).some((c) => c.id === conv.id);
    // Queued in the store but not in the router would be a bug; repair rather than refuse.
    const repair = known || conv.status !== 'queued' ? [] : this.router.enqueue(routed(conv, now), now);
    await this.command([...repair, ...this.router.upsertAgent(toRoutingAgent(agent), now), ...this.router.pick(agent.id, conv.id, now)]);
  }

  transfer = (agent: AgentRecord, input: ConversationTransfer): Promise<{ conversation: ConversationSummary }> => this.owned('transfer', [agent, input]);
  private async transferHere(agent: AgentRecord, input: ConversationTransfer): Promise<{ conversation: ConversationSummary }> {
    const { conv, effects } = await transferEffects({ ...this.deps, router: this.router }, agent, input, this.now());
    await this.command(effects, agent);
    return { conversation: toSummary((await this.deps.store.getConversation(conv.id)) ?? conv) };
  }

  // ---- agents ----

  /** A console tab opened. Synchronous for the router, so a command right after finds the agent online. */
  // ---- agents ----

  /** A console tab opened. Synchronous for the router, so a command right after finds the agent online. */
  agentConnected(agent: AgentRecord): void {
    const tab = this.localTabs.get(agent.id);
    this.localTabs.set(agent.id, { agent, tabs: (tab?.tabs ?? 0) + 1 });
    if (!this.elsewhere) return void this.connectedHere(agent);
    void this.owned('connected', [agent]).catch((err) => this.deps.log.warn({ err }, 'routing: could not tell the owner about a console'));
  }
  private connectedHere(agent: AgentRecord): Promise<void> {
    const now = this.now();
    return this.run([...this.router.upsertAgent(toRoutingAgent(agent), now), ...this.router.agentConnected(agent.id, now)]);
  }

  /** A tab closed: the router counts them, and the last one starts the grace period. */
  agentDisconnected(agentId: string): void {
    const tab = this.localTabs.get(agentId);
    if (tab && tab.tabs > 1) tab.tabs--;
    else this.localTabs.delete(agentId);
    void this.owned('disconnected', [agentId]).catch((err) => this.deps.log.warn({ err }, 'routing: could not tell the owner a console closed'));
  }

  setPresence = (agent: AgentRecord, status: 'online' | 'away'): Promise<{ presence: 'online' | 'away' }> => this.owned('presence', [agent, status]);
  private async presenceHere(agent: AgentRecord, status: 'online' | 'away'): Promise<{ presence: 'online' | 'away' }> {
    await this.command(this.router.setAway(agent.id, status === 'away', this.now()));
    return { presence: status };
  }

  setMode = (agent: AgentRecord, mode: RoutingMode): Promise<{ mode: RoutingMode }> => this.owned('mode', [agent, mode]);
  private async modeHere(agent: AgentRecord, mode: RoutingMode): Promise<{ mode: RoutingMode }> {
    if (agent.role !== 'admin') throw forbidden('Only an admin can switch between automatic and manual assignment');
    await this.command(this.router.setMode(agent.siteId, mode, this.now()));
    return { mode };
  }

  /** An admin changed an agent's skills or level, or the site's topic difficulties or skill wait. */
  agentChanged = (agent: AgentRecord): Promise<void> => this.owned('agent-changed', [agent]);
  siteChanged = (site: SiteRecord): Promise<void> => this.owned('site-changed', [site]);
  /** An admin disabled an agent: offline at once, their chats back to the queue. */
  agentSignedOff = (agentId: string): Promise<void> => this.owned('signed-off', [agentId]);

  /** The agents of one of the caller's sites (a site they do not work on is NOT_FOUND). */
  listAgents = (agent: AgentRecord, siteId?: string): Promise<AgentsListResult> => this.owned('agents', [agent, siteId]);
  private async listAgentsHere(agent: AgentRecord, siteId?: string | null): Promise<AgentsListResult> {
    // null when forwarded from another server (JSON has no undefined).
    const site = siteId ?? agent.siteId;
    if (!worksOn(agent, site)) throw notFound('Site');
    return agentsList(this.deps.store, this.router, site);
  }

  // ---- applying effects ----

  /** Apply a command's effects, then refuse it if the router did (time-driven effects still apply). */
  private async command(effects: Effect[], actor?: AgentRecord): Promise<void> {
    const refused = rejection(effects);
    await this.run(effects, actor);
    if (refused) throw refusal(refused);
  }

  /** Batches apply one after another, in the order the router made them; a failure is logged, never thrown at the caller. */
  private run(effects: Effect[], actor?: AgentRecord): Promise<void> {
    const batch = this.chain.then(() => this.apply(effects, actor));
    this.chain = batch.catch((err) => this.deps.log.error({ err }, 'routing: applying effects failed'));
    return this.chain;
  }

  private async apply(effects: Effect[], actor?: AgentRecord): Promise<void> {
    const out = this.out;
    if (!out) return; // before attach (no sockets yet): the router alone is enough
    const now = this.now();
    await applyBatch({ ...this.deps, ...out, now, actor }, effects);
    await this.positions.publish(out.notifier, now, false);
  }

  /** Something else that must not interleave with a batch (the periodic republish). */
  private after(fn: (out: RoutingOutputs) => Promise<void>): Promise<void> {
    const out = this.out;
    if (!out) return Promise.resolve();
    this.chain = this.chain.then(() => fn(out)).catch((err) => this.deps.log.error({ err }, 'routing: publishing failed'));
    return this.chain;
  }
}

