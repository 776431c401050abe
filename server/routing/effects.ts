// What a router call decided, for the server to apply to the store and the sockets, in order.
// A refused command yields one 'rejected' effect and changes nothing; the same list may still
// carry effects that the passing of time caused (grace periods ending, chats opened to all).
import type { Lang } from '../../protocol/types.js';
import type { Presence, RouterConfig, RouterState, RoutingMode } from './types.js';

/** no-language-match: the agent does not speak its language; no-skill-match: they speak it but lack its topic's skill. */
export type Flag = 'no-language-match' | 'no-skill-match';

export type RejectReason =
  | 'unknown-agent'
  | 'unknown-conversation'
  | 'already-routed'
  | 'not-waiting'
  | 'not-eligible'
  | 'at-capacity'
  | 'not-available'
  | 'same-agent'
  | 'site-mismatch';

export type Effect =
  /** Entered its site+language queue (emitted even if assigned in the same call). */
  | { type: 'queued'; conversationId: string; siteId: string; lang: Lang }
  /** Now belongs to agentId. flagged: the agent does not speak the chat's language. */
  | {
      type: 'assigned';
      conversationId: string;
      agentId: string;
      via: 'auto' | 'pick' | 'transfer';
      flagged?: Flag;
      fromAgentId?: string;
      note?: string;
    }
  /** Back in a queue (lang may be new after a transfer), keeping its original priority. */
  | {
      type: 'requeued';
      conversationId: string;
      siteId: string;
      lang: Lang;
      reason: 'agent-offline' | 'agent-removed' | 'transferred';
      fromAgentId?: string;
      note?: string;
    }
  /** Closed: forgotten by the router; agentId had it, if anyone did. */
  | { type: 'released'; conversationId: string; agentId?: string }
  /** Waited anyAgentAfterMs with no speaker of its language online: every agent may now see it. */
  | { type: 'opened-to-all'; conversationId: string; siteId: string; lang: Lang }
  | { type: 'presence'; agentId: string; presence: Presence }
  | { type: 'mode'; siteId: string; mode: RoutingMode }
  | { type: 'rejected'; reason: RejectReason; conversationId?: string; agentId?: string };

export type EffectOf<T extends Effect['type']> = Extract<Effect, { type: T }>;

/** The refusal in a call's effects, if the command was refused. */
export function rejection(effects: readonly Effect[]): EffectOf<'rejected'> | undefined {
  return effects.find((e): e is EffectOf<'rejected'> => e.type === 'rejected');
}

/** Optional fields only when set, so effects read cleanly in logs and compare with toEqual. */
export function assigned(
  conversationId: string,
  agentId: string,
  via: EffectOf<'assigned'>['via'],
  extra: { flagged?: Flag; fromAgentId?: string; note?: string } = {},
): EffectOf<'assigned'> {
  const effect: EffectOf<'assigned'> = { type: 'assigned', conversationId, agentId, via };
  if (extra.flagged) effect.flagged = extra.flagged;
  if (extra.fromAgentId) effect.fromAgentId = extra.fromAgentId;
  if (extra.note !== undefined) effect.note = extra.note;
  return effect;
}

/** What a command works on: the state, the config, the time of the call, and its effects so far. */
export interface Step {
  state: RouterState;
  config: RouterConfig;
  now: number;
  effects: Effect[];
}

export function reject(
  step: Step,
  reason: RejectReason,
  ids: { conversationId?: string; agentId?: string } = {},
): void {
  step.effects.push({ type: 'rejected', reason, ...ids });
}
