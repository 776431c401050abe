// Small talk: "bonjour", "thx", "hallo zusammen", "are you a bot?", "ok", 👋. On a shop's chat
// these are the commonest first messages, and none of them is a question for the FAQ: matched
// against it they score nothing, and a bot that then hands "hi" to a person costs an agent per
// greeting. So the bot recognises them first (after the hand-off words, faq/decide.ts), answers
// briefly in the visitor's language, and takes small talk off the ends of a real question
// ("bonjour, où est ma commande ? merci") so the matcher sees only the question.
//
// Recognition is by whole phrases, per language (faq/small-talk/<lang>.ts), on folded words (no
// accents, no case, doubled letters single: "Holaa", "HELLO", "merciii"): a message is small talk
// only when every word in it belongs to a phrase or rides along with one ("hi there", "danke
// dir"). "hello, my parcel never arrived" keeps "my parcel never arrived" and is a question.
import { de } from './small-talk/de.js';
import { en } from './small-talk/en.js';
import { es } from './small-talk/es.js';
import { fr } from './small-talk/fr.js';
import { it } from './small-talk/it.js';
import { nl } from './small-talk/nl.js';
import { pt } from './small-talk/pt.js';
import type { SmallTalkKind, SmallTalkLanguage } from './small-talk/types.js';
import { normalise } from './text.js';

export type { SmallTalkKind, SmallTalkLanguage } from './small-talk/types.js';

const LANGUAGES: readonly SmallTalkLanguage[] = [fr, en, es, de, it, pt, nl];

/** Languages with small talk of their own; any other is answered in English. */
export const SMALL_TALK_LANGS: readonly string[] = LANGUAGES.map((l) => l.lang);

/**
 * When a message holds several kinds ("ok thanks, bye"), the reply answers the first of these:
 * a question about the bot or how it is, then a goodbye, thanks, a greeting, an acknowledgement.
 */
const REPLY_ORDER: readonly SmallTalkKind[] = ['bot', 'howAreYou', 'bye', 'thanks', 'greeting', 'ack'];

/** Small talk that may close a question ("…? merci", "…, thanks!"); the rest only opens one. */
const CLOSING: ReadonlySet<SmallTalkKind> = new Set(['thanks', 'bye', 'greeting']);

/** Emoji people send alone or around a question; any other emoji rides along like a filler word. */
const EMOJI: Record<string, SmallTalkKind> = {
  '👋': 'greeting',
  '🙋': 'greeting',
  '🙏': 'thanks',
  '💐': 'thanks',
  '❤': 'thanks',
  '👍': 'ack',
  '👌': 'ack',
  '✅': 'ack',
  '🙂': 'ack',
  '😊': 'ack',
  '😀': 'ack',
  '😃': 'ack',
  '🤖': 'bot',
};

export interface SmallTalk {
  /** The kind the reply answers (REPLY_ORDER among those found). */
  kind: SmallTalkKind;
  /** Every kind found, in the order written. */
  kinds: SmallTalkKind[];
  /** The languages the words belong to, likeliest first; empty for emoji alone. */
  langs: string[];
  /** The message without its small talk (as written); '' when it was small talk and nothing else. */
  rest: string;
}

interface Token {
  /** Folded form (see fold()). */
  word: string;
  start: number;
  end: number;
  emoji: boolean;
}

interface Phrase {
  kind: SmallTalkKind;
  langs: string[];
}

// Words, and emoji one by one; apostrophes and punctuation separate words ("c'est" → c, est).
const TOKEN = /[\p{L}\p{N}\p{M}]+|\p{Extended_Pictographic}/gu;

/** normalise() (text.ts), then doubled letters single: "holaa", "hallo" and "halo" compare alike. */
function fold(word: string): string {
  const lower = word.toLowerCase();
  // Most words are plain ASCII: no accents to take off (normalise() is the slow part).
  return (/^[a-z0-9]+$/.test(lower) ? lower : normalise(lower)).replace(/([a-z])\1+|(\p{L})\2+/gu, '$1$2');
}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const emoji = m[0].codePointAt(0)! > 0x2000 && /^\p{Extended_Pictographic}$/u.test(m[0]);
    const word = emoji ? m[0] : fold(m[0]);
    if (word) out.push({ word, start: m.index, end: m.index + m[0].length, emoji });
  }
  return out;
}

const key = (text: string) => tokenize(text).map((t) => t.word).join(' ');

// Built once: every phrase of every language by its folded form, and the filler words.
const PHRASES = new Map<string, Phrase>();
const FILLERS = new Map<string, string[]>();
let longest = 1;
for (const l of LANGUAGES) {
  for (const [kind, list] of Object.entries(l.phrases) as [SmallTalkKind, string[]][]) {
    for (const p of list) {
      const k = key(p);
      if (!k) continue;
      longest = Math.max(longest, k.split(' ').length);
      // A phrase shared by languages keeps the first kind given to it (fr, en, es, de… order).
      const known = PHRASES.get(k);
      if (!known) PHRASES.set(k, { kind, langs: [l.lang] });
      else if (!known.langs.includes(l.lang)) known.langs.push(l.lang);
    }
  }
  for (const f of l.fillers) {
    const k = key(f);
    if (k) FILLERS.set(k, [...(FILLERS.get(k) ?? []), l.lang]);
  }
}

/** The phrase of tokens[from, to) (to > from), if it is one. */
function phraseAt(tokens: Token[], from: number, to: number): Phrase | undefined {
  if (to - from === 1 && tokens[from]!.emoji) {
    const kind = EMOJI[tokens[from]!.word.replace(/\uFE0F/g, '')];
    return kind ? { kind, langs: [] } : undefined;
  }
  return PHRASES.get(
    tokens
      .slice(from, to)
      .map((t) => t.word)
      .join(' '),
  );
}

const riding = (t: Token) => t.emoji || FILLERS.has(t.word);

/**
 * Phrases (and filler words between them) from `from` towards `to` (dir 1: forwards from the
 * start, -1: backwards from the end). Returns where the small talk stops and what it held;
 * trailing filler words with no phrase after them are given back.
 */
function scan(tokens: Token[], from: number, to: number, dir: 1 | -1, allowed: (p: Phrase) => boolean): { at: number; found: Phrase[] } {
  const found: Phrase[] = [];
  let at = from;
  let committed = from;
  while (dir > 0 ? at < to : at > to) {
    let step = 0;
    for (let len = Math.min(longest, Math.abs(to - at)); len > 0 && !step; len--) {
      const p = dir > 0 ? phraseAt(tokens, at, at + len) : phraseAt(tokens, at - len, at);
      if (p && allowed(p)) {
        found.push(p);
        step = len;
      }
    }
    if (step) {
      at += dir * step;
      committed = at;
      continue;
    }
    if (!riding(tokens[dir > 0 ? at : at - 1]!)) break;
    at += dir;
  }
  // Up to the other end: everything was small talk (or rode along with it).
  if (at === to && found.length) committed = to;
  if (dir < 0) found.reverse();
  return { at: found.length ? committed : from, found };
}

/** The small talk in `text`, or null when there is none at either end. */
export function findSmallTalk(text: string): SmallTalk | null {
  const tokens = tokenize(text);
  if (tokens.length === 0) return null;
  const votes = new Map<string, number>();
  const vote = (langs: string[], weight: number) => {
    for (const l of langs) votes.set(l, (votes.get(l) ?? 0) + weight);
  };

  // From the start: the longest phrase at each place, filler words between. Filler words count
  // only between phrases or up to the end: in "salut, vous livrez en Belgique ?" the "vous" stays.
  const head = scan(tokens, 0, tokens.length, 1, () => true);
  const i = head.at;
  // From the end, only what may close a question (a leading "ok" is small talk, a final one may not be).
  const tail = i < tokens.length ? scan(tokens, tokens.length, i, -1, (p) => CLOSING.has(p.kind)) : { at: tokens.length, found: [] };
  const j = tail.at;
  const found = [...head.found, ...tail.found];
  if (found.length === 0) return null;

  for (const p of found) vote(p.langs, 1);
  // Filler words tip a tie: "hi" is English, German and Dutch, "hi zusammen" is German.
  for (const t of tokens.slice(0, i).concat(tokens.slice(j))) if (!t.emoji) vote(FILLERS.get(t.word) ?? [], 0.5);
  const top = Math.max(0, ...votes.values());
  const langs = [...votes.entries()].filter(([, v]) => v === top && v >= 1).map(([l]) => l);
  const kinds = found.map((p) => p.kind);
  return {
    kind: REPLY_ORDER.find((k) => kinds.includes(k))!,
    kinds,
    langs,
    rest: i < j ? text.slice(tokens[i]!.start, tokens[j - 1]!.end) : '',
  };
}

/** True when the whole message is small talk (no question left in it). */
export function isSmallTalk(text: string): boolean {
  return findSmallTalk(text)?.rest === '';
}

/**
 * The language to answer pure small talk in, when the words say it: `preferred` if it is one of
 * theirs, else the first of their languages the site has. Undefined when they do not ("ok", 👋) or the site has none of them.
 */
export function smallTalkLanguage(text: string, allowed: readonly string[], preferred?: string): string | undefined {
  const st = findSmallTalk(text);
  if (!st || st.rest !== '') return undefined;
  // "hello" is French too, "hallo" Dutch too: the detector's pick wins when it is one of them.
  if (preferred && st.langs.includes(preferred)) return preferred;
  return st.langs.find((l) => allowed.includes(l));
}

/** One of the kind's replies in `lang` (English without it), never the `previous` variant again. */
export function smallTalkReply(kind: SmallTalkKind, lang: string, previous = -1): { text: string; variant: number } {
  const replies = (LANGUAGES.find((l) => l.lang === lang) ?? en).replies[kind];
  let variant = 0;
  if (replies.length > 1) {
    variant = Math.floor(Math.random() * (previous >= 0 && previous < replies.length ? replies.length - 1 : replies.length));
    if (previous >= 0 && previous < replies.length && variant >= previous) variant++;
  }
  return { text: replies[variant]!, variant };
}
