// Bulle.on for the shop's page: "ready" once the first sync came back, then "message" for each new
// bot or agent message and "handoff" when the chat joins an agent's queue. The page gets copies,
// never the app's own objects.
import type { ChatSession } from './chat-state.js';

/** A Bulle.on registration: the event and the page's handler. */
export type Handler = [string, (data?: object) => unknown];

export type Emit = (event: string, data?: object) => void;

/**
 * The page's handlers (Bulle.on, before and after the app loaded), each called on its own: one
 * that throws is reported (as an uncaught error, later) and stops neither the others nor the
 * widget. A "ready" handler added after ready is called at once.
 */
export function createPageEvents(handlers: Handler[]): { emit: Emit; on(event: string, h: Handler[1]): void } {
  const list = handlers.slice();
  let ready = false;
  const call = (h: Handler[1], data?: object) => {
    try {
      h(data);
    } catch (err) {
      setTimeout(() => {
        throw err;
      });
    }
  };
  return {
    emit(event, data) {
      if (event === 'ready') ready = true;
      for (const [e, h] of list) if (e === event) call(h, data);
    },
    on(event, h) {
      list.push([event, h]);
      if (event === 'ready' && ready) call(h);
    },
  };
}

export function emitPageEvents(session: ChatSession, emit: Emit): () => void {
  let seen = -1;
  let status: string | undefined;
  return session.subscribe(() => {
    const { site, messages, conversation } = session.state;
    if (!site) return;
    const last = messages.length ? messages[messages.length - 1]!.seq : 0;
    if (seen < 0) {
      // What was there before (a returning visitor's history) is not news.
      seen = last;
      status = conversation?.status;
      emit('ready');
      return;
    }
    for (const m of messages) {
      if (m.seq > seen && m.author !== 'visitor') emit('message', { author: m.author, text: m.text, lang: m.lang });
    }
    seen = Math.max(seen, last);
    const now = conversation?.status;
    if (now !== status && now === 'queued') emit('handoff', { conversationId: conversation!.id });
    status = now;
  });
}
