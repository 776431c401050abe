// The embedded store keeps every message in memory, and most of their strings repeat: the page a
// visitor writes from, the bot's answers and links, FAQ ids, the conversation's id in each of its
// messages. Each arrives as a fresh copy (a socket's JSON, the bot thread's structured clone, a
// shard's JSON.parse); sharing one copy per distinct string took the strings of a store holding
// 10,000 conversations and 42,000 messages from 31 to 15 MB (heap snapshot of a server started on
// a bench:load data folder). Strings are immutable, so sharing changes nothing a reader can see.
import type { Message } from '../protocol/types.js';

/** Distinct strings kept; past this the pool only serves what it has (the common ones came early). */
const POOL_MAX = 50_000;
/** Longer strings are rarely repeated (FAQ answers are shorter). */
const LENGTH_MAX = 2_000;

export class StringPool {
  private readonly pool = new Map<string, string>();

  /** The pooled copy of `s` (anything but a string is returned as it is: old shards may lack a field). */
  get<T>(s: T): T {
    if (typeof s !== 'string' || s.length > LENGTH_MAX) return s;
    const hit = this.pool.get(s);
    if (hit !== undefined) return hit as T;
    if (this.pool.size < POOL_MAX) this.pool.set(s, s);
    return s;
  }

  /** A page ({ url, title, … }) with its strings pooled. */
  page<P extends { url: string; title: string }>(p: P): P {
    return Object.assign({}, p, { url: this.get(p.url), title: this.get(p.title) });
  }

  /**
   * A copy of `m` whose repeated strings are pooled (`conversationId` becomes `id`, the
   * conversation record's own). Unique ones stay as they are: the message and client ids, and
   * what a visitor or an agent wrote. (Object.assign, not spreads: see freeze.ts.)
   */
  message<M extends Message>(m: M, conversationId: string): M {
    const out: M = Object.assign({}, m, { conversationId, author: this.get(m.author) });
    if (m.author !== 'visitor' && m.author !== 'agent') out.text = this.get(m.text);
    if (m.authorName !== undefined) out.authorName = this.get(m.authorName);
    if (m.lang !== undefined) out.lang = this.get(m.lang);
    if (m.note !== undefined) out.note = this.get(m.note);
    if (m.page) out.page = this.page(m.page);
    if (m.links) out.links = m.links.map((l) => Object.assign({}, l, { label: this.get(l.label), url: this.get(l.url) }));
    if (m.quickReplies) out.quickReplies = m.quickReplies.map((q) => Object.assign({}, q, { label: this.get(q.label), text: this.get(q.text) }));
    if (m.bot) {
      const b = Object.assign({}, m.bot, { outcome: this.get(m.bot.outcome), via: this.get(m.bot.via), lang: this.get(m.bot.lang) });
      if (b.faqId) b.faqId = this.get(b.faqId);
      if (b.faqLang) b.faqLang = this.get(b.faqLang);
      if (b.candidates) b.candidates = b.candidates.map((c) => Object.assign({}, c, { faqId: this.get(c.faqId) }));
      if (b.suggestions) b.suggestions = b.suggestions.map((x) => Object.assign({}, x, { faqId: this.get(x.faqId), question: this.get(x.question) }));
      out.bot = b;
    }
    return out;
  }
}
