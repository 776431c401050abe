// The records behind a visitor's first message: the visitor (and the token only their browser
// keeps) and their one conversation, created on first contact and reopened when they write again.
import type { PageInfo } from '../../../protocol/types.js';
import { ERR } from '../../../protocol/events.js';
import type { ChatStore, WriteOptions } from '../../storage/chat-store.js';
import type { ConversationRecord, VisitorRecord } from '../../storage/records.js';
import { AppError } from '../app-error.js';
import type { Conversations } from '../conversations/conversations.js';
import { conversationOf } from '../conversations/current.js';
import { hashToken, newId, newToken } from '../secrets.js';
import type { LoadedSite } from '../sites/site-registry.js';
import { browserLanguage } from './browser-language.js';
import type { VisitorContext } from './visitor-context.js';

const BACKGROUND: WriteOptions = { persist: 'background' };

/** The visitor behind this connection, created (with its token) on their first message. */
export async function ensureVisitor(store: ChatStore, ctx: VisitorContext): Promise<{ visitor: VisitorRecord; token?: string }> {
  if (ctx.visitorId) {
    const visitor = await store.getVisitor(ctx.visitorId);
    if (!visitor || visitor.siteId !== ctx.siteId) throw new AppError(ERR.unauthorized, 'Unknown visitor');
    return { visitor };
  }
  // Two first messages sent back to back must not create two visitors: share one creation.
  ctx.creating ??= createVisitor(store, ctx).catch((err) => {
    ctx.creating = undefined;
    throw err;
  });
  return ctx.creating;
}

async function createVisitor(store: ChatStore, ctx: VisitorContext): Promise<{ visitor: VisitorRecord; token: string }> {
  // The token is issued on the visitor's first message and only its digest is stored.
  const token = newToken();
  const visitor: VisitorRecord = {
    id: newId(),
    siteId: ctx.siteId,
    tokenHash: hashToken(token),
    languages: ctx.languages,
    createdAt: Date.now(),
  };
  // Not awaited alone: the token reaches the browser only with an ack that awaits a later write.
  await store.createVisitor(visitor, BACKGROUND);
  ctx.visitorId = visitor.id;
  return { visitor, token };
}

/** The visitor's one conversation: created on first contact, reopened when they write after it closed. */
export async function ensureConversation(
deps: { store: ChatStore; conversations: Conversations },
stale: VisitorRecord,
{ site }: LoadedSite,
text: string,
page?: PageInfo,
): Promise<ConversationRecord> {
const { store } = deps;
  // Re-read inside the per-visitor queue: a burst of first messages shares one visitor record
  // object, and only the store knows the conversation the first of them created. A visitor who
  // already has one keeps it for good (it is reopened, never replaced): no read needed.
  const visitor = stale.currentConversationId ? stale : ((await store.getVisitor(stale.id)) ?? stale);
  const existing = await conversationOf(store, visitor);
  if (existing) {
    if (existing.status !== 'closed') {
      const moved = page && (existing.lastPage?.url !== page.url || existing.lastPage.title !== page.title);
      return moved ? (await store.updateConversation(existing.id, { lastPage: page }, undefined, BACKGROUND))! : existing;
    }
    return deps.conversations.transition(
      existing,
      {
        status: 'bot',
        assignedAgentId: undefined,
        assignedAgentName: undefined,
        queuedAt: undefined,
        endedBy: undefined,
        // The customer came back: the numbers no longer count its first close as settled.
        reopenedAt: existing.reopenedAt ?? Date.now(),
        ...(page ? { lastPage: page } : {}),
      },
      { status: 'closed' },
    );
  }
  // A provisional language from the browser: the bot's detection (think(), right after the
  // ack) corrects it. Asking the bot thread here would put every first message's ack behind
  // its queue (bench:load: ~1 s at p99 while 10,000 visitors wrote their first message).
  const detected = { lang: browserLanguage(site, visitor.languages), confidence: 0 };
  const now = Date.now();
  const conv: ConversationRecord = {
    id: newId(),
    siteId: site.id,
    visitorId: visitor.id,
    status: 'bot',
    lang: detected.lang,
    langConfidence: detected.confidence,
    createdAt: now,
    updatedAt: now,
    lastSeq: 0,
    visitorReadSeq: 0,
    visitorLanguages: visitor.languages,
    ...(visitor.email ? { contactEmail: visitor.email } : {}),
    ...(text ? { firstMessage: text.slice(0, 280) } : {}),
    ...(page ? { lastPage: page } : {}),
  };
  // Both callers go on to an awaited write (the message, or the hand-off) before answering.
  await store.createConversation(conv, BACKGROUND);
  await store.updateVisitor(visitor.id, { currentConversationId: conv.id }, BACKGROUND);
  return conv;
}
