// Topic accuracy for bench:faq: does the topic the bot reads (faq/topic.ts, from its best
// candidates' topics) match the intent's category? Overall on the in-scope queries, and on the
// in-scope queries the bot stepped aside on or handed off — those reach people, and their topic
// is what routes them to an agent with the skill. The bench FAQ has no keyword rules, so this is
// the candidates' signal alone.
import { readTopic, type MatchCandidate } from '../../faq/index.js';
import type { BenchIntent } from './faq-data.js';
import { faqIdOf } from './faq-data.js';

export interface TopicAsked {
  test: { text: string; intent: string | null };
  decision: string;
  candidates: MatchCandidate[];
  /** The FAQ language the query was matched in. */
  faqLang: string;
}

export interface TopicFigures {
  n: number;
  right: number;
  /** No topic read at all (counted wrong). */
  none: number;
  accuracy: number;
}

/** The category of each intent is its topic (lower-cased). */
export function topicOfIntent(intents: BenchIntent[]): Map<string, string> {
  return new Map(intents.map((i) => [faqIdOf(i.id), String((i as BenchIntent & { category?: string }).category ?? '').toLowerCase()]));
}

/**
 * `rematch`: the candidates for a message the bot handed off without matching it (hand-off
 * words), as the server's bot asks them (server/services/bot.ts).
 */
export function topicAccuracy(
  asked: TopicAsked[],
  intents: BenchIntent[],
  rematch: (a: TopicAsked) => MatchCandidate[],
): { overall: TopicFigures; steppedAside: TopicFigures } {
  const topics = topicOfIntent(intents);
  const inScope = asked.filter((a) => a.test.intent !== null && topics.get(faqIdOf(a.test.intent)));
  const score = (of: TopicAsked[]): TopicFigures => {
    let right = 0;
    let none = 0;
    for (const a of of) {
      const reading = readTopic(a.decision === 'handoff' ? rematch(a) : a.candidates, (id) => topics.get(id));
      if (!reading) none++;
      else if (reading.id === topics.get(faqIdOf(a.test.intent!))) right++;
    }
    return { n: of.length, right, none, accuracy: of.length ? right / of.length : 0 };
  };
  return { overall: score(inScope), steppedAside: score(inScope.filter((a) => a.decision === 'stepAside' || a.decision === 'handoff')) };
}

export const topicLine = (t: { overall: TopicFigures; steppedAside: TopicFigures }): string => {
  const pct = (f: TopicFigures) => `${(100 * f.accuracy).toFixed(1)} % (${f.right}/${f.n}, ${f.none} without a topic)`;
  return `topic accuracy (the intent's category): in scope ${pct(t.overall)}; stepped aside or handed off ${pct(t.steppedAside)}`;
};
