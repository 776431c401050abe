// Small builders for the routing tests: a router with named agents, hand-offs by id.
import {
  createRouter,
  type Effect,
  type Router,
  type RouterConfig,
  type RoutingAgentInput,
} from '../../server/routing/index.js';

/** fallbackAfterLoginMs 0: most tests are not about it (fallback.test.ts sets it where it is). */
export const CONFIG: Partial<RouterConfig> = { graceMs: 10_000, anyAgentAfterMs: 60_000, defaultHandleMs: 300_000, fallbackAfterLoginMs: 0 };

export type AgentSpec = Partial<RoutingAgentInput> & { id: string };

/** Agents default to site "shop", French, capacity 2; `online` ones are connected at t=0. */
export function routerWith(agents: AgentSpec[], opts: { online?: string[]; config?: Partial<RouterConfig> } = {}) {
  const router = createRouter({ config: { ...CONFIG, ...opts.config } });
  for (const a of agents) {
    router.upsertAgent({ siteId: 'shop', languages: ['fr'], role: 'agent', capacity: 2, ...a }, 0);
  }
  for (const id of opts.online ?? agents.map((a) => a.id)) router.agentConnected(id, 0);
  return router;
}

/** Hand off a chat; queuedAt defaults to `now`. */
export const handoff = (
  router: Router,
  id: string,
  now: number,
  over: { siteId?: string; lang?: string; queuedAt?: number; topic?: string } = {},
) =>
  router.enqueue({ id, siteId: over.siteId ?? 'shop', lang: over.lang ?? 'fr', queuedAt: over.queuedAt ?? now, ...(over.topic ? { topic: over.topic } : {}) }, now);

/** conversationId → agentId for every assignment in a call's effects. */
export const assignments = (effects: Effect[]): Record<string, string> =>
  Object.fromEntries(effects.flatMap((e) => (e.type === 'assigned' ? [[e.conversationId, e.agentId]] : [])));

export const ownerOf = (router: Router, id: string): string | null =>
  router.snapshot().conversations[id]?.agentId ?? null;

export const openIds = (router: Router, agentId: string): string[] => router.assignedTo(agentId).map((c) => c.id);
