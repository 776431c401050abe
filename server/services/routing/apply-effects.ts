// The router decides (server/routing/, pure); this applies its decisions, in order, to the store
// and the sockets: status and assignee by compare-and-set through Conversations.transition,
// "Anna joined the chat" in the conversation's language (the visitor's, whichever queue it
// was routed through), the chat pushed to its new agent,
// queue and presence news to the agents concerned.
import { SERVER_EVT } from '../../../protocol/events.js';
import type { AgentPresence, ConversationAssigned, ConversationSummary } from '../../../protocol/types.js';
import type { Effect, EffectOf, Presence, Router } from '../../routing/index.js';
import type { ChatStore } from '../../storage/chat-store.js';
import type { AgentRecord, ConversationRecord } from '../../storage/records.js';
import { botStrings } from '../../bot/bot-strings.js';
import type { Conversations } from '../conversations/conversations.js';
import type { Notifier } from '../notifier.js';
import { toSummary } from '../conversations/views.js';
import { queueLangOf } from '../conversations/queue-lang.js';

export interface Logger {
  error(obj: unknown, msg?: string): void;
  warn(obj: unknown, msg?: string): void;
}

export interface ApplyContext {
  router: Router;
  store: ChatStore;
  conversations: Conversations;
  notifier: Notifier;
  log: Logger;
  now: number;
  /** Who asked: transfer notes are signed with their name. */
  actor?: AgentRecord;
  /** Router effects of a repair (the store disagreed), applied after this batch. */
  followUps: Effect[];
}

/** The grace period after a console closed is "offline" to colleagues: nobody can hand them a chat. */
export const publicPresence = (p: Presence): AgentPresence => (p === 'offline-pending' ? 'offline' : p);

/** One batch, in order; repairs found while applying (the store disagreed) go the same way, a few rounds at most. */
export async function applyBatch(base: Omit<ApplyContext, 'followUps'>, effects: Effect[]): Promise<void> {
  let batch = effects;
  for (let round = 0; batch.length && round < 5; round++) {
    const ctx: ApplyContext = { ...base, followUps: [] };
    for (const effect of batch) {
      try {
        await applyEffect(ctx, effect);
      } catch (err) {
        ctx.log.error({ err, effect }, 'routing: an effect could not be applied');
      }
    }
    batch = ctx.followUps;
  }
}

export async function applyEffect(ctx: ApplyContext, e: Effect): Promise<void> {
  switch (e.type) {
    case 'queued':
      return queued(ctx, e);
    case 'assigned':
      return assigned(ctx, e);
    case 'requeued':
      return requeued(ctx, e);
    case 'opened-to-all':
      return openedToAll(ctx, e);
    case 'presence': {
      const agent = ctx.router.agent(e.agentId);
      for (const siteId of agent?.siteIds ?? []) ctx.notifier.toSiteAgents(siteId, SERVER_EVT.presenceChanged, { agentId: e.agentId, presence: publicPresence(e.presence) });
      return;
    }
    case 'mode': {
      const site = await ctx.store.getSite(e.siteId);
      if (site && site.assignment !== e.mode) await ctx.store.putSite({ ...site, assignment: e.mode });
      ctx.notifier.toSiteAgents(e.siteId, SERVER_EVT.modeChanged, { siteId: e.siteId, mode: e.mode });
      return;
    }
    case 'released':
    case 'rejected':
      return;
  }
}

const live = (c: ConversationRecord | undefined): c is ConversationRecord => !!c && (c.status === 'queued' || c.status === 'assigned');
const statusOf = (c: ConversationRecord | undefined): string => `status ${c ? c.status : 'missing'}`;

/**
 * The store says the chat is gone, closed or back with the bot while the router still routes
 * it (a close that raced an assignment): the store wins, the router forgets it.
 */
function reconcile(ctx: ApplyContext, conversationId: string, why: string): void {
  ctx.log.warn({ conversationId, why }, 'routing: the store disagreed with the router; releasing the chat');
  ctx.followUps.push(...ctx.router.release(conversationId, ctx.now));
}

async function queued(ctx: ApplyContext, e: EffectOf<'queued'>): Promise<void> {
  const conv = await ctx.store.getConversation(e.conversationId);
  if (conv?.status === 'queued') ctx.conversations.announceQueued(conv);
}

async function assigned(ctx: ApplyContext, e: EffectOf<'assigned'>): Promise<void> {
  const { store, conversations, notifier } = ctx;
  const [conv, agent] = await Promise.all([store.getConversation(e.conversationId), store.getAgent(e.agentId)]);
  if (!live(conv) || !agent) return reconcile(ctx, e.conversationId, agent ? statusOf(conv) : 'agent deleted');
  const next = await conversations.transition(
    conv,
    {
      status: 'assigned',
      assignedAgentId: agent.id,
      assignedAgentName: agent.name,
      flagged: e.flagged === 'no-language-match' ? true : undefined,
      skillFallback: e.flagged === 'no-skill-match' ? true : undefined,
    },
    { status: conv.status, assignedAgentId: conv.assignedAgentId },
  );
  if (conv.status === 'queued') conversations.announceDequeued(conv, 'claimed');
  notifier.assignConversation(conv.siteId, conv.id, agent.id);
  if (e.note) await appendNote(ctx, next, e.note);
  await conversations.append(next, { author: 'system', text: botStrings(next.lang).joined(agent.name), lang: next.lang });
  const [latest, messages] = await Promise.all([store.getConversation(conv.id), store.listMessages(conv.id)]);
  const payload: ConversationAssigned = {
    conversation: toSummary(latest ?? next),
    messages,
    via: e.via,
    ...(e.flagged === 'no-language-match' ? { flagged: true } : {}),
    ...(e.flagged === 'no-skill-match' ? { skillFallback: true } : {}),
    ...(e.fromAgentId ? { fromAgentId: e.fromAgentId } : {}),
  };
  notifier.toAgent(agent.id, SERVER_EVT.conversationAssigned, payload);
}

async function requeued(ctx: ApplyContext, e: EffectOf<'requeued'>): Promise<void> {
  const { store, conversations, notifier } = ctx;
  const conv = await store.getConversation(e.conversationId);
  if (!live(conv)) return reconcile(ctx, e.conversationId, statusOf(conv));
  // Back after an agent left: a language an agent corrected meanwhile (console) wins over the router's.
  const lang = e.reason === 'transferred' ? e.lang : queueLangOf(conv);
  if (lang !== e.lang) ctx.followUps.push(...ctx.router.transferToQueue(conv.id, lang, ctx.now));
  // Already where it should be (its language was changed in the store first): nothing to write.
  if (conv.status === 'queued' && !conv.assignedAgentId && queueLangOf(conv) === lang) return;
  // The visitor's language stays; only the queue changes (system lines keep speaking to them in theirs).
  const queueLang = lang === conv.lang ? undefined : lang;
  const next = await conversations.transition(
    conv,
    { status: 'queued', assignedAgentId: undefined, assignedAgentName: undefined, flagged: undefined, skillFallback: undefined, queueLang, queuedAt: conv.queuedAt ?? ctx.now },
    { status: conv.status, assignedAgentId: conv.assignedAgentId },
  );
  if (conv.status === 'queued') conversations.announceDequeued(conv, 'moved');
  if (conv.assignedAgentId) notifier.unfollowConversation(conv.assignedAgentId, conv.id);
  if (e.note) await appendNote(ctx, next, e.note);
  // The visitor hears why the chat moved, in their language: an agent passed it on, or their
  // agent is gone. A language the visitor or an agent chose themselves needs no line.
  const line = e.reason === 'transferred' ? (ctx.actor ? 'transferred' : undefined) : conv.status === 'assigned' ? 'requeued' : undefined;
  if (line) await conversations.append(next, { author: 'system', text: botStrings(next.lang)[line], lang: next.lang });
  conversations.announceQueued((await store.getConversation(conv.id)) ?? next);
}

async function openedToAll(ctx: ApplyContext, e: EffectOf<'opened-to-all'>): Promise<void> {
  const conv = await ctx.store.getConversation(e.conversationId);
  if (conv?.status !== 'queued') return;
  const item: ConversationSummary = { ...toSummary(conv), openToAll: true };
  ctx.notifier.toSiteAgents(conv.siteId, SERVER_EVT.queueAdded, item);
}

/** A transfer note: agents only, like the console's internal notes (NotesService). */
function appendNote(ctx: ApplyContext, conv: ConversationRecord, note: string) {
  return ctx.conversations.append(conv, {
    author: 'agent',
    ...(ctx.actor ? { authorName: ctx.actor.name } : {}),
    text: note,
    internal: true,
  });
}
