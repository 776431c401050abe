// One language's small talk: how people really type it (short, misspelt, without accents) and a
// few ways the bot answers it. Phrases are compared after faq/small-talk.ts folds them (lower
// case, no accents, doubled letters single), so "Bonjouuur", "bonjour" and "BONJOUR" are one.

/** What a bit of small talk is: the reply depends on it. */
export type SmallTalkKind = 'greeting' | 'thanks' | 'bye' | 'bot' | 'ack' | 'howAreYou';

export interface SmallTalkLanguage {
  lang: string;
  /**
   * Whole phrases, per kind. A message is small talk when nothing else is left around them.
   * No bare "yes"/"oui"/"ja": it answers a question (often the bot's "talk to a person?"), so it
   * goes on to the matcher and, unmatched, to a person.
   */
  phrases: Record<SmallTalkKind, string[]>;
  /** Words that ride along with small talk ("hi there", "merci beaucoup", "danke dir"). */
  fillers: string[];
  /** Short answers, a few per kind, so the bot does not repeat itself word for word. */
  replies: Record<SmallTalkKind, string[]>;
}
