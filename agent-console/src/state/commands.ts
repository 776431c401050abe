// What the agent can do, as plain async functions over the connection and the reducer.
// Replies go through a small outbox: a reply that could not reach the server waits and is
// resent with the same clientId after the next connect (the server stores it once).
import { AGENT_CMD, ERR } from '../../../protocol/events.js';
import type { AgentCommands, CommandName, Result } from '../api/agent-socket.js';
import { newClientId } from '../lib/client-id.js';
import { isMine, type Action, type ConsoleState } from './console-state.js';

export type NoticeKind = 'info' | 'warn' | 'error';

export interface CommandDeps {
  request<K extends CommandName>(event: K, payload: AgentCommands[K]['payload']): Promise<Result<AgentCommands[K]['ack']>>;
  dispatch(a: Action): void;
  getState(): ConsoleState;
  isConnected(): boolean;
  notify(text: string, kind: NoticeKind): void;
}

const RETRY_WHILE_ONLINE_MS = 2_000;
const MAX_ONLINE_ATTEMPTS = 3;

export function createCommands(d: CommandDeps) {
  // Chats I am claiming right now: their "assigned to you" is my own doing, not worth a ring.
  const claiming = new Set<string>();
  const unreachable = (code: string) => code === 'OFFLINE' || code === 'TIMEOUT';

  // One history request per conversation at a time, however many callers ask.
  const loading = new Map<string, Promise<boolean>>();
  function load(conversationId: string): Promise<boolean> {
    let p = loading.get(conversationId);
    if (!p) {
      p = d.request(AGENT_CMD.conversationOpen, { conversationId }).then((r) => {
        loading.delete(conversationId);
        if (r.ok) d.dispatch({ type: 'detail', detail: r.data });
        else if (r.error.code === ERR.notFound || r.error.code === ERR.forbidden) d.dispatch({ type: 'dropped', conversationId });
        return r.ok;
      });
      loading.set(conversationId, p);
    }
    return p;
  }

  async function deliver(conversationId: string, clientId: string, text: string, attempt = 1): Promise<void> {
    d.dispatch({ type: 'pending', conversationId, reply: { clientId, text, state: 'sending' } });
    const r = await d.request(AGENT_CMD.messageSend, { conversationId, clientId, text });
    if (r.ok) return d.dispatch({ type: 'messageCreated', message: r.data.message });
    if (unreachable(r.error.code) && (!d.isConnected() || attempt < MAX_ONLINE_ATTEMPTS)) {
      d.dispatch({ type: 'pending', conversationId, reply: { clientId, text, state: 'waiting', error: r.error } });
      if (d.isConnected()) setTimeout(() => void deliver(conversationId, clientId, text, attempt + 1), RETRY_WHILE_ONLINE_MS);
      return;
    }
    d.dispatch({ type: 'pending', conversationId, reply: { clientId, text, state: 'failed', error: r.error } });
  }

  return {
    load,

    /** On every connect: the queue, then each open chat's history, then the outbox. */
    async resync(): Promise<void> {
      const before = d.getState();
      const r = await d.request(AGENT_CMD.queueList, {});
      if (!r.ok) return d.notify(`Could not load the queue: ${r.error.message}`, 'error');
      d.dispatch({ type: 'synced', queue: r.data.queue, mine: r.data.mine });
      const ids = new Set(r.data.mine.map((c) => c.id));
      for (const id of before.order) if (isMine(before, before.chats[id]!) || id === before.selectedId) ids.add(id);
      await Promise.all([...ids].map(load));
      for (const chat of Object.values(d.getState().chats)) {
        for (const p of chat.pending) if (p.state === 'waiting') void deliver(chat.summary.id, p.clientId, p.text);
      }
    },

    claiming: claiming as ReadonlySet<string>,

    async claim(conversationId: string): Promise<void> {
      claiming.add(conversationId);
      const r = await d.request(AGENT_CMD.conversationClaim, { conversationId }).finally(() => claiming.delete(conversationId));
      if (r.ok) {
        d.dispatch({ type: 'detail', detail: r.data });
        d.dispatch({ type: 'select', conversationId });
        return;
      }
      if (r.error.code === ERR.conflict) {
        d.notify('Someone else took it.', 'warn');
        d.dispatch({ type: 'queueRemoved', conversationId });
        if (d.getState().chats[conversationId]) void load(conversationId);
        return;
      }
      d.notify(`Could not claim: ${r.error.message}`, 'error');
    },

    /** Read a waiting chat before claiming it. */
    async preview(conversationId: string): Promise<void> {
      d.dispatch({ type: 'select', conversationId });
      if (!d.getState().chats[conversationId]?.loaded && !(await load(conversationId))) {
        d.notify('This conversation is no longer available.', 'warn');
      }
    },

    /** Closing always carries one tag of the site's list and the outcome. */
    async close(conversationId: string, tag: string, resolved: boolean): Promise<boolean> {
      const r = await d.request(AGENT_CMD.conversationClose, { conversationId, tag, resolved });
      if (r.ok) d.dispatch({ type: 'conversationUpdated', conversation: r.data.conversation });
      else d.notify(`Could not close: ${r.error.message}`, 'error');
      return r.ok;
    },

    send(conversationId: string, text: string): void {
      void deliver(conversationId, newClientId(), text);
    },

    retry(conversationId: string, clientId: string): void {
      const p = d.getState().chats[conversationId]?.pending.find((x) => x.clientId === clientId);
      if (p) void deliver(conversationId, clientId, p.text);
    },

    setTyping(conversationId: string, typing: boolean): void {
      // Best effort: a lost typing signal only costs a stale indicator, never a resend.
      void d.request(AGENT_CMD.typingSet, { conversationId, typing });
    },
  };
}

export type Commands = ReturnType<typeof createCommands>;
