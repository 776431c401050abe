// The console's state: the reducer's new actions, the sidebar sections and when the
// console rings. Pure functions: no DOM, no socket.
import { describe, expect, it } from 'vitest';
import { alertFor } from '../../agent-console/src/state/alerts.js';
import { initialState, reduce, type Action, type ConsoleState } from '../../agent-console/src/state/console-state.js';
import { agentSpokeLast, forSite, sidebarLists } from '../../agent-console/src/state/lists.js';
import { unreadCount } from '../../agent-console/src/state/merge-messages.js';
import type { CannedReply, ConversationSummary, Message } from '../../protocol/types.js';

const ME = 'agent-me';
let clock = 1_000;
const summary = (id: string, over: Partial<ConversationSummary> = {}): ConversationSummary => ({
  id,
  siteId: 'demo',
  status: 'assigned',
  lang: 'fr',
  createdAt: 1,
  updatedAt: ++clock,
  assignedAgentId: ME,
  lastSeq: 0,
  visitorLanguages: ['fr'],
  ...over,
});
const message = (conversationId: string, seq: number, author: Message['author'], over: Partial<Message> = {}): Message => ({
  id: `${conversationId}-${seq}`,
  conversationId,
  seq,
  author,
  text: `${author} ${seq}`,
  createdAt: seq,
  ...over,
});
const apply = (s: ConsoleState, ...actions: Action[]) => actions.reduce(reduce, s);
const withChat = (id: string, messages: Message[], over: Partial<ConversationSummary> = {}) =>
  apply(initialState(ME), { type: 'detail', detail: { conversation: summary(id, over), messages } });
const canned = (shortcut: string): CannedReply => ({ id: shortcut, shortcut, title: shortcut, texts: { en: shortcut }, updatedAt: 0 });

describe('reduce: the workspace actions', () => {
  it('keeps tags and canned replies, sorted by shortcut, and applies saves and deletes', () => {
    let s = apply(initialState(ME), { type: 'workspace', tags: ['returns', 'other'], canned: [canned('hello'), canned('bye')] });
    expect(s.tags).toEqual(['returns', 'other']);
    s = apply(s, { type: 'cannedSaved', reply: canned('apology') }, { type: 'cannedSaved', reply: { ...canned('hello'), title: 'Hi!' } });
    expect(s.canned.map((r) => `${r.shortcut}:${r.title}`)).toEqual(['apology:apology', 'bye:bye', 'hello:Hi!']);
    s = apply(s, { type: 'cannedDeleted', id: 'bye' }, { type: 'workspace', tags: ['x'] });
    expect(s.canned.map((r) => r.shortcut)).toEqual(['apology', 'hello']);
    expect(s.tags).toEqual(['x']);
  });

  it('pages the closed list: a reset replaces, a next page adds, the cursor follows', () => {
    let s = apply(initialState(ME), { type: 'closedPage', conversations: [summary('a', { status: 'closed' })], nextCursor: '5_a', reset: true });
    expect(Object.keys(s.closed)).toEqual(['a']);
    expect(s.closedCursor).toBe('5_a');
    s = apply(s, { type: 'closedPage', conversations: [summary('b', { status: 'closed', assignedAgentId: 'someone-else' })], nextCursor: null, reset: false });
    expect(Object.keys(s.closed).sort()).toEqual(['a', 'b']);
    expect(s.closedCursor).toBeNull();
    s = apply(s, { type: 'closedPage', conversations: [], nextCursor: null, reset: true });
    expect(s.closed).toEqual({});
  });

  it('a chat I close joins the closed list with its tag; reopened, it leaves', () => {
    let s = withChat('c1', [message('c1', 1, 'visitor')]);
    s = apply(s, { type: 'conversationUpdated', conversation: summary('c1', { status: 'closed', tag: 'returns', resolved: true, closedAt: 5 }) });
    expect(s.closed.c1).toMatchObject({ tag: 'returns', resolved: true });
    expect(sidebarLists(s, ['fr']).closed.map((c) => c.id)).toEqual(['c1']);
    s = apply(s, { type: 'conversationUpdated', conversation: summary('c1', { status: 'bot', assignedAgentId: undefined }) });
    expect(s.closed.c1).toBeUndefined();
  });

  it('is idempotent for the new actions', () => {
    const a: Action = { type: 'closedPage', conversations: [summary('a', { status: 'closed' })], nextCursor: null, reset: false };
    const once = apply(initialState(ME), a);
    expect(apply(once, a).closed).toEqual(once.closed);
  });
});

describe('sidebar sections', () => {
  it('splits my chats by who spoke last; notes and system lines do not count', () => {
    let s = withChat('needs', [message('needs', 1, 'agent'), message('needs', 2, 'visitor'), message('needs', 3, 'agent', { internal: true })]);
    s = apply(s, { type: 'detail', detail: { conversation: summary('waits'), messages: [message('waits', 1, 'visitor'), message('waits', 2, 'agent'), message('waits', 3, 'system')] } });
    s = apply(s, { type: 'detail', detail: { conversation: summary('fresh'), messages: [] } });
    const lists = sidebarLists(s, ['fr']);
    expect(lists.needsReply.map((c) => c.summary.id)).toEqual(['needs', 'fresh']);
    expect(lists.waitingVisitor.map((c) => c.summary.id)).toEqual(['waits']);
  });

  it('a reply still on its way already counts as mine', () => {
    let s = withChat('c', [message('c', 1, 'visitor')]);
    expect(agentSpokeLast(s.chats.c!)).toBe(false);
    s = apply(s, { type: 'pending', conversationId: 'c', reply: { clientId: 'client-1', text: 'hi', state: 'sending' } });
    expect(agentSpokeLast(s.chats.c!)).toBe(true);
  });

  it("groups the queue per language in the agent's order, oldest first within a group", () => {
    const q = (id: string, lang: string, queuedAt: number) => summary(id, { status: 'queued', lang, queuedAt, assignedAgentId: undefined });
    const s = apply(initialState(ME), { type: 'synced', queue: [q('de1', 'de', 5), q('fr2', 'fr', 9), q('en1', 'en', 1), q('fr1', 'fr', 3)], mine: [] });
    expect(sidebarLists(s, ['fr', 'en']).queueByLang.map((g) => [g.lang, g.items.map((c) => c.id)])).toEqual([
      ['fr', ['fr1', 'fr2']],
      ['en', ['en1']],
      ['de', ['de1']],
    ]);
  });

  it('files a chat sent to another language queue under that queue, keeping the visitor\'s language on it', () => {
    const q = (id: string, lang: string, queuedAt: number, queueLang?: string) =>
      summary(id, { status: 'queued', lang, queuedAt, assignedAgentId: undefined, ...(queueLang ? { queueLang } : {}) });
    const s = apply(initialState(ME), { type: 'synced', queue: [q('en1', 'en', 5), q('fr-to-en', 'fr', 1, 'en')], mine: [] });
    const groups = sidebarLists(s, ['en']).queueByLang;
    expect(groups.map((g) => [g.lang, g.items.map((c) => [c.id, c.lang])])).toEqual([['en', [['fr-to-en', 'fr'], ['en1', 'en']]]]);
  });

  it('never counts an internal note as unread', () => {
    const s = withChat('c', [message('c', 1, 'visitor'), message('c', 2, 'agent', { internal: true }), message('c', 3, 'visitor')]);
    expect(unreadCount(s.chats.c!.messages, 0)).toBe(2);
  });
});

describe('alertFor', () => {
  it('rings for a new visitor message in one of my chats, once', () => {
    const s = withChat('c', [message('c', 1, 'visitor')]);
    const fresh: Action = { type: 'messageCreated', message: message('c', 2, 'visitor', { text: 'Are you there?' }) };
    expect(alertFor(s, fresh, new Set())).toMatchObject({ kind: 'message', conversationId: 'c', body: 'Are you there?' });
    expect(alertFor(reduce(s, fresh), fresh, new Set())).toBeNull();
    expect(alertFor(s, { type: 'messageCreated', message: message('c', 2, 'bot') }, new Set())).toBeNull();
    expect(alertFor(s, { type: 'messageCreated', message: message('other', 1, 'visitor') }, new Set())).toBeNull();
  });

  it('does not ring for a chat someone else has', () => {
    const s = withChat('c', [], { assignedAgentId: 'colleague' });
    expect(alertFor(s, { type: 'messageCreated', message: message('c', 1, 'visitor') }, new Set())).toBeNull();
  });

  it('rings when a chat is given to me, not when I claim it myself', () => {
    const s = apply(initialState(ME), { type: 'queueAdded', conversation: summary('q', { status: 'queued', assignedAgentId: undefined, firstMessage: 'Bonjour' }) });
    const assigned: Action = { type: 'conversationUpdated', conversation: summary('q', { firstMessage: 'Bonjour' }) };
    expect(alertFor(s, assigned, new Set())).toMatchObject({ kind: 'assigned', conversationId: 'q', body: 'Bonjour' });
    expect(alertFor(s, assigned, new Set(['q']))).toBeNull();
    // Already mine: an update of it is not a new assignment.
    expect(alertFor(reduce(s, assigned), assigned, new Set())).toBeNull();
    expect(alertFor(s, { type: 'conversationUpdated', conversation: summary('q', { assignedAgentId: 'colleague' }) }, new Set())).toBeNull();
  });
});

describe('several sites', () => {
  it('keeps each site\'s closing tags, and the site filter shows one site\'s chats in every list', () => {
    let s = apply(initialState(ME), { type: 'workspace', tags: ['returns'], tagsBySite: { demo: ['returns'], shop2: ['late-delivery'] } });
    expect(s.tagsBySite.shop2).toEqual(['late-delivery']);
    s = apply(
      s,
      { type: 'detail', detail: { conversation: summary('mine-demo'), messages: [message('mine-demo', 1, 'visitor')] } },
      { type: 'detail', detail: { conversation: summary('mine-shop2', { siteId: 'shop2' }), messages: [message('mine-shop2', 1, 'visitor')] } },
      { type: 'queueAdded', conversation: summary('q-shop2', { siteId: 'shop2', status: 'queued', assignedAgentId: undefined }) },
      { type: 'queueAdded', conversation: summary('q-demo', { status: 'queued', assignedAgentId: undefined }) },
    );
    const all = sidebarLists(s, ['fr']);
    expect(forSite(all, null)).toBe(all);
    const shop2 = forSite(all, 'shop2');
    expect(shop2.needsReply.map((c) => c.summary.id)).toEqual(['mine-shop2']);
    expect(shop2.queueByLang.flatMap((g) => g.items.map((c) => c.id))).toEqual(['q-shop2']);
    expect(forSite(all, 'demo').queueByLang.flatMap((g) => g.items.map((c) => c.id))).toEqual(['q-demo']);
    expect(forSite(all, 'elsewhere').queueByLang).toEqual([]);
  });
});
