// The server side of routing: feeds the pure router (server/routing/) what happens —
// hand-offs, closes, console tabs opening and closing, picks, transfers, "away", the site's
// mode — and applies what it decides (apply-effects.ts), one batch after another in the order
// the router produced them. The router's state is a cache: restore() rebuilds it from the store.
import { ERR } from '../../../protocol/events.js';
import type { ConversationTransfer } from '../../../protocol/schemas.js';
import type { AgentsListResult, ConversationSummary, QueuePosition, RoutingMode } from '../../../protocol/types.js';
import { rejection, type Effect, type RestoreInput, type Router } from '../../routing/index.js';
import type { ChatStore } from '../../storage/chat-store.js';
import type { AgentRecord, ConversationRecord, SiteRecord } from '../../storage/records.js';
import { AppError, forbidden, notFound } from '../app-error.js';
import type { Conversations } from '../conversations.js';
import type { Notifier } from '../notifier.js';
import type { SiteRegistry } from '../site-registry.js';
import { toSummary } from '../views.js';
import { applyEffect, publicPresence, type ApplyContext, type Logger } from './apply-effects.js';
import { queueLangOf } from './queue-lang.js';
import { refusal, routed, toRoutingAgent, toSiteRules } from './router-inputs.js';
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
      const now = this.now();
      if (after.status === 'closed' && before.status !== 'closed') return void this.run(this.router.release(after.id, now));
      // What it is about changed (the bot read more, or an agent corrected it): routed by the new topic.
      const live = after.status === 'queued' || after.status === 'assigned';
      if (live && after.topic?.id !== before.topic?.id) void this.run(this.router.setTopic(after.id, after.topic?.id ?? null, now));
      if (after.status !== 'queued' || after.lang === before.lang) return;
      // An agent corrected the language of a waiting chat (console): it changes queue, keeping its age.
      const waiting = this.router.waiting(after.siteId).find((c) => c.id === after.id);
      if (waiting && waiting.lang !== after.lang) void this.run(this.router.transferToQueue(after.id, after.lang, now));
    });
  }

  /** At start: rebuild the router from the store (agents, waiting and assigned chats, modes), then tick. */
  async start(): Promise<void> {
    const { store } = this.deps;
    const modes: Record<string, RoutingMode> = {};
    const siteRules: NonNullable<RestoreInput['siteRules']> = {};
    const input: RestoreInput = { agents: [], conversations: [], modes, siteRules };
    for (const site of await store.listSites()) {
      modes[site.id] = site.assignment ?? 'automatic';
      siteRules[site.id] = toSiteRules(site);
      for (const agent of await store.listAgents(site.id)) input.agents.push(toRoutingAgent(agent));
      const live = await store.listConversations({ siteId: site.id, status: ['queued', 'assigned'], limit: 1_000_000 });
      input.conversations.push(...live.map((c) => ({ ...c, lang: queueLangOf(c), topic: c.topic?.id ?? null })));
    }
    await this.run(this.router.restore(input, this.now()));
    this.timer = setInterval(() => void this.tick(), TICK_MS);
    this.timer.unref();
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
  async handoff(conv: ConversationRecord): Promise<void> {
    const stale = conv.queueLang || conv.flagged || conv.skillFallback;
    const fresh = stale ? ((await this.deps.store.updateConversation(conv.id, { queueLang: undefined, flagged: undefined, skillFallback: undefined })) ?? conv) : conv;
    const now = this.now();
    return this.run(this.router.enqueue(routed(fresh, now), now));
  }

  /** A waiting chat's place, for the visitor's sync. */
  queueFor(conv: ConversationRecord): QueuePosition | null {
    return conv.status === 'queued' ? this.positions.positionOf(conv.id, conv.siteId, this.now()) : null;
  }

  /** Every agent of the site may take it by hand: nobody online spoke its language in time. */
  isOpenToAll(conv: ConversationRecord): boolean {
    return this.router.waiting(conv.siteId).some((c) => c.id === conv.id && c.openToAll);
  }

  /** Taking a waiting chat by hand (`conversation:claim`). */
  async pick(agent: AgentRecord, conv: ConversationRecord): Promise<void> {
    const now = this.now();
    const known = this.router.waiting(conv.siteId).some((c) => c.id === conv.id);
    // Queued in the store but not in the router would be a bug; repair rather than refuse.
    const repair = known || conv.status !== 'queued' ? [] : this.router.enqueue(routed(conv, now), now);
    await this.command([...repair, ...this.router.upsertAgent(toRoutingAgent(agent), now), ...this.router.pick(agent.id, conv.id, now)]);
  }

  async transfer(agent: AgentRecord, input: ConversationTransfer): Promise<{ conversation: ConversationSummary }> {
    const { store, sites } = this.deps;
    if (!input.toAgentId === !input.toLang) throw new AppError(ERR.badPayload, 'Give exactly one of toAgentId and toLang');
    const conv = await store.getConversation(input.conversationId);
    if (!conv || conv.siteId !== agent.siteId) throw notFound('Conversation');
    if (conv.status !== 'queued' && conv.status !== 'assigned') throw new AppError(ERR.conflict, 'Only a chat with the agents can be transferred');
    if (conv.assignedAgentId !== agent.id && agent.role !== 'admin') throw forbidden('Not your conversation');
    const now = this.now();
    let effects: Effect[];
    if (input.toLang) {
      const languages = sites.get(agent.siteId)?.site.languages ?? [];
      if (!languages.includes(input.toLang)) throw new AppError(ERR.badPayload, `toLang: "${input.toLang}" is not one of ${languages.join(', ')}`);
      effects = this.router.transferToQueue(conv.id, input.toLang, now, input.note);
    } else {
      const target = await store.getAgent(input.toAgentId!);
      if (!target || target.siteId !== agent.siteId) throw notFound('Agent');
      effects = [...this.router.upsertAgent(toRoutingAgent(target), now), ...this.router.transferToAgent(conv.id, target.id, now, input.note)];
    }
    await this.command(effects, agent);
    return { conversation: toSummary((await store.getConversation(conv.id)) ?? conv) };
  }

  // ---- agents and site settings ----

  /** An admin changed an agent's skills or level: routed by them from now. */
  agentChanged(agent: AgentRecord): Promise<void> {
    return this.run(this.router.upsertAgent(toRoutingAgent(agent), this.now()));
  }

  /** An admin changed the site's topic difficulties or skill wait. */
  siteChanged(site: SiteRecord): Promise<void> {
    return this.run(this.router.setSiteRules(site.id, toSiteRules(site), this.now()));
  }

  /** A console tab opened. Synchronous for the router, so a command right after finds the agent online. */
  agentConnected(agent: AgentRecord): void {
    const now = this.now();
    void this.run([...this.router.upsertAgent(toRoutingAgent(agent), now), ...this.router.agentConnected(agent.id, now)]);
  }

  /** A tab closed: the router counts them, and the last one starts the grace period. */
  agentDisconnected(agentId: string): void {
    void this.run(this.router.agentDisconnected(agentId, this.now()));
  }

  async setPresence(agent: AgentRecord, status: 'online' | 'away'): Promise<{ presence: 'online' | 'away' }> {
    await this.command(this.router.setAway(agent.id, status === 'away', this.now()));
    return { presence: status };
  }

  async setMode(agent: AgentRecord, mode: RoutingMode): Promise<{ mode: RoutingMode }> {
    if (agent.role !== 'admin') throw forbidden('Only an admin can switch between automatic and manual assignment');
    await this.command(this.router.setMode(agent.siteId, mode, this.now()));
    return { mode };
  }

  async listAgents(agent: AgentRecord): Promise<AgentsListResult> {
    const records = await this.deps.store.listAgents(agent.siteId);
    const agents = records.map((a) => {
      const state = this.router.agent(a.id);
      return {
        id: a.id,
        name: a.name,
        languages: a.languages,
        role: a.role,
        presence: state ? publicPresence(state.presence) : ('offline' as const),
        openChats: this.router.assignedTo(a.id).length,
        capacity: state?.capacity ?? a.maxChats ?? this.router.config.defaultCapacity,
        ...(a.skills ? { skills: a.skills } : {}),
        level: a.level ?? 'agent',
      };
    });
    return { agents, mode: this.router.mode(agent.siteId) };
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
    let batch = effects;
    // Repairs found while applying (the store disagreed) go through the same path, a few rounds at most.
    for (let round = 0; batch.length && round < 5; round++) {
      const ctx: ApplyContext = { ...this.deps, ...out, now, actor, followUps: [] };
      for (const effect of batch) {
        try {
          await applyEffect(ctx, effect);
        } catch (err) {
          this.deps.log.error({ err, effect }, 'routing: an effect could not be applied');
        }
      }
      batch = ctx.followUps;
    }
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

