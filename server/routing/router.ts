// The routing brain (README, "Routing"), as a pure object: no I/O, no timers, no sockets. Every
// command takes the time as `now` and returns the effects the server must apply (store,
// rooms, notifications), in order. The server calls tick(now) every second or so; the
// clock-driven rules also run inside every command, so nothing depends on the tick rate.
import type { Lang } from '../../protocol/types.js';
import * as agents from './agent-commands.js';
import { chatsOf } from './assignment.js';
import * as chats from './chat-commands.js';
import { reject, type Effect, type Step } from './effects.js';
import { queuePosition, waitingChats } from './queue.js';
import { restoreState, type RestoreInput } from './restore.js';
import { routerConfig } from './router-config.js';
import { settle } from './settle.js';
import {
  cloneAgent,
  cloneConversation,
  cloneState,
  emptyState,
  type AgentState,
  type ConversationState,
  type HandoffInput,
  type RouterConfig,
  type RouterState,
  type RoutingAgentInput,
  type RoutingMode,
  type SiteRules,
} from './types.js';
import { estimatedWaitMs } from './wait-estimate.js';

export interface Router {
  readonly config: Readonly<RouterConfig>;
  upsertAgent(agent: RoutingAgentInput, now: number): Effect[];
  agentConnected(agentId: string, now: number): Effect[];
  agentDisconnected(agentId: string, now: number): Effect[];
  /** Disabled by an admin: offline now, their chats back to the queue. */
  agentSignedOff(agentId: string, now: number): Effect[];
  setAway(agentId: string, away: boolean, now: number): Effect[];
  setMode(siteId: string, mode: RoutingMode, now: number): Effect[];
  /** A site's topic difficulties and skill wait (from its record). */
  setSiteRules(siteId: string, rules: SiteRules, now: number): Effect[];
  /** An agent corrected what a chat is about: a waiting chat is offered by its new topic from now. */
  setTopic(conversationId: string, topic: string | null, now: number): Effect[];
  enqueue(conv: HandoffInput, now: number): Effect[];
  pick(agentId: string, conversationId: string, now: number): Effect[];
  release(conversationId: string, now: number): Effect[];
  transferToAgent(conversationId: string, toAgentId: string, now: number, note?: string): Effect[];
  transferToQueue(conversationId: string, lang: Lang, now: number, note?: string): Effect[];
  tick(now: number): Effect[];
  /** Replace the whole state with one rebuilt from the store (after a restart). */
  restore(input: RestoreInput, now: number): Effect[];

  queuePosition(conversationId: string): number | null;
  /** `position`: its place in line, when the caller has it (saves a scan of the queue). */
  estimatedWaitMs(conversationId: string, now: number, position?: number): number | null;
  /** Oldest first; copies. */
  waiting(siteId: string, lang?: Lang): ConversationState[];
  assignedTo(agentId: string): ConversationState[];
  agent(agentId: string): AgentState | undefined;
  mode(siteId: string): RoutingMode;
  /** A deep copy of the whole state: plain data, JSON-safe, accepted back by createRouter. */
  snapshot(): RouterState;
}

export function createRouter(options: { config?: Partial<RouterConfig>; state?: RouterState } = {}): Router {
  const config = routerConfig(options.config);
  let state = options.state ? cloneState(options.state) : emptyState();

  /** Settle, run the command, settle again: time-driven effects come first, then the command's. */
  function run(now: number, command: (step: Step) => void): Effect[] {
    const step: Step = { state, config, now, effects: [] };
    settle(state, now, config, step.effects);
    command(step);
    settle(state, now, config, step.effects);
    return step.effects;
  }

  return {
    config,
    upsertAgent: (agent, now) => run(now, (s) => agents.upsertAgent(s, agent)),
    agentConnected: (agentId, now) => run(now, (s) => agents.agentConnected(s, agentId)),
    agentDisconnected: (agentId, now) => run(now, (s) => agents.agentDisconnected(s, agentId)),
    agentSignedOff: (agentId, now) => run(now, (s) => agents.agentSignedOff(s, agentId)),
    setAway: (agentId, away, now) => run(now, (s) => agents.setAway(s, agentId, away)),
    setMode: (siteId, mode, now) =>
      run(now, (s) => {
        if ((state.modes[siteId] ?? 'automatic') === mode) return;
        state.modes[siteId] = mode;
        s.effects.push({ type: 'mode', siteId, mode });
      }),
    setSiteRules: (siteId, rules, now) =>
      run(now, () => {
        state.siteRules[siteId] = { difficulty: { ...rules.difficulty }, skillWaitMs: rules.skillWaitMs };
      }),
    setTopic: (conversationId, topic, now) =>
      run(now, (s) => {
        const conv = state.conversations[conversationId];
        if (!conv) return reject(s, 'unknown-conversation', { conversationId });
        conv.topic = topic;
      }),
    enqueue: (conv, now) => run(now, (s) => chats.enqueue(s, conv)),
    pick: (agentId, conversationId, now) => run(now, (s) => chats.pick(s, agentId, conversationId)),
    release: (conversationId, now) => run(now, (s) => chats.release(s, conversationId)),
    transferToAgent: (conversationId, toAgentId, now, note) =>
      run(now, (s) => chats.transferToAgent(s, conversationId, toAgentId, note)),
    transferToQueue: (conversationId, lang, now, note) =>
      run(now, (s) => chats.transferToQueue(s, conversationId, lang, note)),
    tick: (now) => run(now, () => {}),
    restore(input, now) {
      const effects: Effect[] = [];
      const handleTime = state.handleTime;
      state = restoreState(input, now, config, effects);
      state.handleTime = handleTime;
      return [...effects, ...run(now, () => {})];
    },

    queuePosition: (id) => queuePosition(state, id),
    estimatedWaitMs: (id, now, position) => estimatedWaitMs(state, config, id, now, position),
    waiting: (siteId, lang) => waitingChats(state, siteId, lang).map(cloneConversation),
    assignedTo: (agentId) => chatsOf(state, agentId).map(cloneConversation),
    agent: (agentId) => (state.agents[agentId] ? cloneAgent(state.agents[agentId]) : undefined),
    mode: (siteId) => state.modes[siteId] ?? 'automatic',
    snapshot: () => cloneState(state),
  };
}
