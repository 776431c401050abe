// The routing module's public face: the server imports from here only.
export { createRouter, type Router } from './router.js';
export { rejection, type Effect, type EffectOf, type Flag, type RejectReason } from './effects.js';
export type { RestoreInput, StoredConversation } from './restore.js';
export {
  DEFAULT_ROUTER_CONFIG,
  type AgentState,
  type ConversationState,
  type HandoffInput,
  type Presence,
  type RouterConfig,
  type RouterState,
  type RoutingAgentInput,
  type RoutingMode,
  type SiteRules,
  type AgentLevel,
  type TopicDifficulty,
} from './types.js';
