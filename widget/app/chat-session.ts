// The visitor's side of one conversation, without any DOM: what the server said, what is still on
// its way, and the rules that keep both honest — resync on every connect (afterSeq), resend with
// the same clientId until acknowledged (the server stores it once), keep the token once issued.
// A closure rather than a class: its private names minify, and the widget has a tight size budget.
import { ERR, VISITOR_CMD, type ErrorCode } from '../../protocol/events.js';
import type { Ack, FollowUp, VisitorMessage as Message, TypingChanged, VisitorConversation } from '../../protocol/types.js';
import type { VisitorCommandName, VisitorCommands } from '../../protocol/visitor-events.js';
import type { ChatSession, ChatState, Identity } from './chat-state.js';
import { createVisitorConnection } from './connection.js';
import { sendIdentity } from './identify.js';
import { contiguousSeq, lastSeq, mergeMessages, unreadCount } from './message-log.js';
import { browserLanguages, currentPage, MAX_MESSAGE_CHARS, newClientId, visit } from './outgoing.js';
import { dropToken, readOutbox, readToken, writeOutbox, writeToken, type Outgoing } from './storage.js';
import { ACK_TIMEOUT_MS, AGENT_TYPING_TTL_MS, MAX_SYNC_PAGES, RESEND_AFTER_MS, RETRY_HANDSHAKE_MS, TYPING_IDLE_MS, TYPING_REFRESH_MS } from './session-timing.js';

type Timer = ReturnType<typeof setTimeout> | undefined;

/** `connect` is the real socket but in unit tests, which hand in a stand-in with the same face. */
export function createChatSession(siteId: string, origin: string, connect = createVisitorConnection): ChatSession {
  let state: ChatState = {
    link: 'connecting',
    site: null,
    welcome: null,
    conversation: null,
    messages: [],
    pending: readOutbox(siteId),
    agentTyping: false,
    queue: null,
    problem: null,
    unread: 0,
    mail: false,
    followUps: [],
  };
  const listeners = new Set<() => void>();
  let token = readToken(siteId);
  let open = false;
  let readSent = 0;
  /** Every message up to this seq is known: the last sync's conversation.lastSeq. */
  let synced = 0;
  const inFlight = new Set<string>();
  let typingSentAt = 0;
  let identity: Identity | undefined;
  /** Follow-ups shown or dismissed on this page. */
  const done = new Set<string>();
  // Read at each handshake: a language the page chose (Bulle.setLanguage) goes first.
  const languages = browserLanguages();
  /** The proactive rule on screen, if any: the visitor's first message answers it. */
  let proactive: string | undefined;
  let typingTimer: Timer;
  let agentTypingTimer: Timer;

  const set = (patch: Partial<ChatState>) => {
    const next = { ...state, ...patch };
    const readSeq = Math.max(readSent, next.conversation?.visitorReadSeq ?? 0);
    next.unread = open ? 0 : unreadCount(next.messages, readSeq);
    state = next;
    for (const listener of listeners) listener();
  };

  const setPending = (pending: Outgoing[]) => {
    set({ pending });
    writeOutbox(siteId, pending);
  };

  const conn = connect(
    { origin, siteId, languages, token: () => token },
    {
      connected() {
        set({ link: 'online', ...(state.problem === 'TIMEOUT' ? { problem: null } : {}) });
        // The visit around the chat, for the agent's context panel; once per page and connection.
        conn.signal(VISITOR_CMD.visitUpdate, visit());
        // Who the shop says the visitor is (Bulle.identify), on every connect.
        sendIdentity(conn, identity, ACK_TIMEOUT_MS, gotFollowUps);
        void sync();
        flush();
      },
      disconnected: () => set({ link: 'offline' }),
      rejected(code) {
        if (code === ERR.unauthorized && token) return forgetVisitor();
        // A wrong site or origin will not fix itself; anything else (INTERNAL…) may: try again later.
        if (code === ERR.unknownSite || code === ERR.badOrigin) return set({ link: 'unavailable', problem: code });
        set({ link: 'offline' });
        setTimeout(conn.reconnect, RETRY_HANDSHAKE_MS);
      },
      messageCreated(m) {
        set({ messages: mergeMessages(state.messages, [m]), agentTyping: m.author === 'agent' ? false : state.agentTyping });
        dropAcknowledged([m]);
        markRead();
      },
      conversationUpdated: (c) => set({ conversation: newer(c) }),
      queuePosition: (queue) => set({ queue }),
      typingChanged(t: TypingChanged) {
        if (t.author !== 'agent') return;
        clearTimeout(agentTypingTimer);
        if (t.typing) agentTypingTimer = setTimeout(() => set({ agentTyping: false }), AGENT_TYPING_TTL_MS);
        set({ agentTyping: t.typing });
      },
    },
  );

  async function request<E extends VisitorCommandName>(event: E, payload: VisitorCommands[E]['payload']): Promise<Ack<VisitorCommands[E]['ack']> | null> {
    try {
      return await conn.request(event, payload, ACK_TIMEOUT_MS);
    } catch {
      return null; // timed out or disconnected: no answer is not a refusal
    }
  }

  /** An identify ack's, less those shown or put away on this page (every connect identifies again). */
  function gotFollowUps(list: FollowUp[]) {
    set({ followUps: list.filter((f) => !done.has(f.eventId)) });
  }

  /** The server no longer knows our token (store reset, another site): start over as a new visitor. */
  function forgetVisitor() {
    if (!token) return;
    token = undefined;
    readSent = synced = 0;
    dropToken(siteId);
    set({ conversation: null, messages: [], agentTyping: false, queue: null });
    conn.reconnect();
  }

  function refused(code: ErrorCode) {
    if (code === ERR.unauthorized) forgetVisitor();
    else set({ problem: code });
  }

  /** Acks and broadcasts can cross: never let an older view of the same conversation win. */
  function newer(c: VisitorConversation): VisitorConversation {
    const held = state.conversation;
    return held && held.id === c.id && held.lastSeq > c.lastSeq ? held : c;
  }

  /** What was missed, a page at a time (a long history comes in several; bounded all the same). */
  async function sync() {
    for (let page = 0; page < MAX_SYNC_PAGES; page++) {
      const ack = await request(VISITOR_CMD.conversationSync, { afterSeq: contiguousSeq(state.messages, synced) });
      if (!ack?.ok) return;
      const { site, conversation, messages, queue, welcome, through, more, features } = ack.data;
      if (conversation) synced = through;
      set({
        site,
        welcome: welcome || null,
        conversation: conversation ? newer(conversation) : state.conversation,
        messages: mergeMessages(state.messages, messages),
        queue: queue || null,
        mail: !!features?.email,
      });
      dropAcknowledged(messages);
      if (!more) break;
    }
    markRead();
  }

  /** Deliver every pending message not already on its way (on send, on connect, after a timeout). */
  function flush() {
    if (!conn.connected) return;
    for (const o of state.pending) if (!o.failed && !inFlight.has(o.clientId)) void deliver(o);
  }

  async function deliver(o: Outgoing) {
    inFlight.add(o.clientId);
    const ack = await request(VISITOR_CMD.messageSend, {
      clientId: o.clientId,
      text: o.text,
      page: o.page,
      ...(o.proactive ? { proactive: o.proactive } : {}),
    });
    inFlight.delete(o.clientId);
    if (!ack) {
      // Still connected means the server was slow: try again (same clientId, stored once).
      // Otherwise the next connect flushes.
      setTimeout(flush, RESEND_AFTER_MS);
      return;
    }
    if (ack.ok) {
      accept(ack.data);
      dropAcknowledged([ack.data.message]);
      // The server stored the proactive message before this one, while this socket was not yet in
      // the visitor's room: fetch it.
      if (o.proactive) void sync();
      return;
    }
    if (ack.error.code !== ERR.unauthorized) {
      setPending(state.pending.map((p) => (p.clientId === o.clientId ? { ...p, failed: true } : p)));
    }
    refused(ack.error.code);
  }

  /** An ack that carries the conversation (and, on first contact, the visitor's token). */
  function accept(data: { conversation: VisitorConversation; message?: Message; token?: string }) {
    if (data.token) {
      token = data.token;
      writeToken(siteId, data.token);
    }
    set({
      conversation: newer(data.conversation),
      messages: data.message ? mergeMessages(state.messages, [data.message]) : state.messages,
    });
    markRead();
  }

  /** Pending messages the server has stored (seen in an ack, a broadcast or a sync). */
  function dropAcknowledged(stored: Message[]) {
    const ids = new Set(stored.filter((m) => m.author === 'visitor').map((m) => m.clientId));
    if (state.pending.some((o) => ids.has(o.clientId))) setPending(state.pending.filter((o) => !ids.has(o.clientId)));
  }

  function markRead() {
    const seq = lastSeq(state.messages);
    if (!open || !state.conversation || seq <= readSent) return;
    readSent = seq;
    void request(VISITOR_CMD.conversationRead, { seq });
  }

  /** A command whose ack carries the conversation (e-mail, feedback, language). */
  async function update<E extends 'contact:set' | 'feedback:send' | 'conversation:set-lang' | 'conversation:end' | 'rating:send' | 'transcript:send'>(event: E, payload: VisitorCommands[E]['payload']) {
    const ack = await request(event, payload);
    if (!ack) return set({ problem: 'TIMEOUT' });
    if (!ack.ok) return refused(ack.error.code);
    set({ conversation: newer(ack.data.conversation), problem: null });
    return true;
  }

  function stopTyping() {
    clearTimeout(typingTimer);
    if (!typingSentAt) return;
    typingSentAt = 0;
    conn.signal(VISITOR_CMD.typingSet, { typing: false });
  }

  return {
    get state() {
      return state;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setOpen(value) {
      open = value;
      set({});
      markRead();
    },
    answering(ruleId) {
      proactive = ruleId;
    },
    send(text) {
      const body = text.trim().slice(0, MAX_MESSAGE_CHARS);
      if (!body) return false;
      stopTyping();
      setPending([...state.pending, { clientId: newClientId(), text: body, page: currentPage(), ...(proactive && !state.messages.length ? { proactive } : {}) }]);
      set({ problem: null });
      flush();
      return true;
    },
    retry(clientId) {
      setPending(state.pending.map((o) => (o.clientId === clientId ? { ...o, failed: false } : o)));
      set({ problem: null });
      flush();
    },
    async requestHandoff() {
      set({ problem: null });
      const ack = await request(VISITOR_CMD.handoffRequest, { page: currentPage() });
      if (!ack) return set({ problem: 'TIMEOUT' });
      if (!ack.ok) return refused(ack.error.code);
      accept(ack.data);
      // The "an agent will join" line and the place in line may have been published before this
      // socket joined the visitor's room (when the button was the first contact): fetch them.
      await sync();
    },
    setEmail: (email) => update(VISITOR_CMD.contactSet, { email }),
    feedback: (seq, helpful) => update(VISITOR_CMD.feedbackSend, { seq, helpful }),
    setLang: (lang) => update(VISITOR_CMD.conversationSetLang, { lang }),
    followUpShown(eventId) {
      if (!done.has(eventId)) void request(VISITOR_CMD.followUpShown, { eventId });
      done.add(eventId);
    },
    followUpDone(eventId) {
      done.add(eventId);
      set({ followUps: state.followUps.filter((f) => f.eventId !== eventId) });
    },
    identify(value) {
      identity = value;
      sendIdentity(conn, identity, ACK_TIMEOUT_MS, gotFollowUps);
    },
    setPageLang(lang) {
      languages.unshift(lang);
      languages.splice(10);
      const { conversation, site } = state;
      if (conversation && conversation.lang !== lang && site?.languages.includes(lang)) void update(VISITOR_CMD.conversationSetLang, { lang });
    },
    page() {
      if (conn.connected) conn.signal(VISITOR_CMD.visitUpdate, visit());
    },
    end: () => update(VISITOR_CMD.conversationEnd, {}),
    rate: (score, comment) => update(VISITOR_CMD.ratingSend, comment ? { score, comment } : { score }),
    async mailTranscript(email) {
      return !!(await update(VISITOR_CMD.transcriptSend, email ? { email } : {}));
    },
    typing() {
      if (!state.conversation || !conn.connected) return;
      const now = Date.now();
      if (now - typingSentAt > TYPING_REFRESH_MS) {
        typingSentAt = now;
        conn.signal(VISITOR_CMD.typingSet, { typing: true });
      }
      clearTimeout(typingTimer);
      typingTimer = setTimeout(stopTyping, TYPING_IDLE_MS);
    },
  };
}
