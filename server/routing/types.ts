// The router's state (README, "Routing"). Plain data only, with null rather than missing
// fields: the whole state survives JSON.stringify, so it can be logged, compared in tests and
// handed back to createRouter. Nothing here is a source of truth: restore.ts rebuilds it
// from the store after a restart.
import type { AgentLevel, Lang, TopicDifficulty } from '../../protocol/types.js';

export type { AgentLevel, TopicDifficulty };

/** 'offline-pending': the last console connection closed, chats are kept until graceUntil. */
export type Presence = 'online' | 'away' | 'offline-pending' | 'offline';
export type RoutingMode = 'automatic' | 'manual';
export type AgentRole = 'agent' | 'admin';

/** An agent as the store knows it; capacity = most chats at once (config default if absent). */
export interface RoutingAgentInput {
  id: string;
  /** Their own site (where their console opens). */
  siteId: string;
  /** Every site whose chats they take, their own included; absent = their own only. */
  siteIds?: string[];
  languages: Lang[];
  role: AgentRole;
  capacity?: number;
  /** Topics they handle; null or absent = every topic. */
  skills?: string[] | null;
  /** Absent = 'agent'. */
  level?: AgentLevel;
}

export interface AgentState extends Required<RoutingAgentInput> {
  presence: Presence;
  /** Open console tabs; presence follows them, with a grace period when the last one closes. */
  connections: number;
  /** The agent's own "away" switch: survives a reload inside the grace period, cleared once offline. */
  away: boolean;
  graceUntil: number | null;
  /** When this log-in began (from offline; a reload within the grace period keeps it); null while offline. */
  loggedInAt: number | null;
  /** Idle-longest tie-break: the later of the two is when the agent was last busy. */
  lastAssignedAt: number;
  lastFreedAt: number;
}

/** A chat handed off to humans. queuedAt is its priority for its whole life. */
export interface HandoffInput {
  id: string;
  siteId: string;
  lang: Lang;
  queuedAt: number;
  /** What it is about (a site topic), or null: routed by language alone. */
  topic?: string | null;
}

export interface ConversationState extends HandoffInput {
  /** Fixed at first enqueue: breaks ties between equal queuedAt, so FIFO stays total. */
  order: number;
  status: 'waiting' | 'assigned';
  agentId: string | null;
  assignedAt: number | null;
  /** Start of the current stay in a queue; the any-agent delay counts from here. */
  waitingSince: number | null;
  /** Nobody online spoke its language for anyAgentAfterMs: any agent of the site may take it. */
  openToAll: boolean;
  /** Agent who transferred it back to a queue: not offered to them again automatically. */
  declinedBy: string | null;
  topic: string | null;
  /** Waited its site's skillWaitMs for an agent with its topic's skill: any speaker may take it. */
  skillOpen: boolean;
}

/** A site's topic routing: which topics are simple or complex, and how long a chat waits for the skill. */
export interface SiteRules {
  difficulty: Record<string, TopicDifficulty>;
  /** null = RouterConfig.skillWaitMs. */
  skillWaitMs: number | null;
}

export interface RouterState {
  agents: Record<string, AgentState>;
  conversations: Record<string, ConversationState>;
  /** Sites absent here are automatic. */
  modes: Record<string, RoutingMode>;
  /** Sites absent here have no difficulties and the default skill wait. */
  siteRules: Record<string, SiteRules>;
  /** Per site moving average of how long an agent keeps a chat (for wait estimates). */
  handleTime: Record<string, { avgMs: number; samples: number }>;
  nextOrder: number;
}

export interface RouterConfig {
  /** How long a disconnected agent keeps their chats (console reload, flaky network). */
  graceMs: number;
  /** How long a chat waits for a speaker of its language before any agent may take it. */
  anyAgentAfterMs: number;
  defaultCapacity: number;
  /**
   * The most chats in languages they do not speak an agent is given automatically (fallback
   * chats); their other slots stay for their own languages and for speakers logging in next.
   */
  fallbackChatsPerAgent: number;
  /**
   * How long after logging in an agent waits before being given a fallback chat, so the
   * speakers who log in right after them (a shift starting) get their own language first.
   */
  fallbackAfterLoginMs: number;
  /** Handle time assumed until real closes have been measured. */
  defaultHandleMs: number;
  /** How long a chat waits for a free speaker with its topic's skill before any speaker may take it (a site may set its own). */
  skillWaitMs: number;
}

export const DEFAULT_ROUTER_CONFIG: Readonly<RouterConfig> = Object.freeze({
  graceMs: 30_000,
  anyAgentAfterMs: 120_000,
  defaultCapacity: 3,
  fallbackChatsPerAgent: 1,
  fallbackAfterLoginMs: 15_000,
  defaultHandleMs: 6 * 60_000,
  skillWaitMs: 60_000,
});

export const emptyState = (): RouterState => ({
  agents: {},
  conversations: {},
  modes: {},
  siteRules: {},
  handleTime: {},
  nextOrder: 0,
});

/** A deep copy (the state is plain data of known shape; much cheaper than structuredClone). */
export const cloneAgent = (a: AgentState): AgentState => ({
  ...a,
  // A state saved before agents had several sites has none: their own site then.
  siteIds: a.siteIds ? [...a.siteIds] : [a.siteId],
  languages: [...a.languages],
  skills: a.skills && [...a.skills],
});
export const cloneConversation = (c: ConversationState): ConversationState => ({ ...c });

export function cloneState(state: RouterState): RouterState {
  const copy: RouterState = { ...emptyState(), modes: { ...state.modes }, nextOrder: state.nextOrder };
  for (const id in state.agents) copy.agents[id] = cloneAgent(state.agents[id]!);
  for (const id in state.conversations) copy.conversations[id] = cloneConversation(state.conversations[id]!);
  for (const id in state.handleTime) copy.handleTime[id] = { ...state.handleTime[id]! };
  for (const id in state.siteRules) {
    const r = state.siteRules[id]!;
    copy.siteRules[id] = { difficulty: { ...r.difficulty }, skillWaitMs: r.skillWaitMs };
  }
  return copy;
}
