// Ranking one language's entries for a message: every entry that shares something with it gets
// component scores — keyword rules, BM25 rank (MiniSearch), how much of the message the entry
// explains, how much of its closest phrasing the message says — and combine() turns them into
// one calibrated confidence that also knows how much of the message the FAQ understands at all.
import { combine, type Features } from './confidence.js';
import type { LangIndex, Query } from './faq-index.js';
import type { MatchCandidate } from './types.js';

/** Every entry that shares something with the message, best first. */
export function rank(index: LangIndex, text: string, limit = Infinity): MatchCandidate[] {
  return rankQuery(index, index.query(text), limit);
}

export function rankQuery(index: LangIndex, query: Query, limit: number): MatchCandidate[] {
  const ranked = combine(scoreQuery(index, query));
  const { foils } = index;
  if (foils.size === 0) return ranked.slice(0, limit);
  const own = ranked.filter((c) => !foils.has(c.faqId));
  const foil = ranked.find((c) => foils.has(c.faqId));
  // A built-in intent the FAQ does not answer explains the message better than any entry.
  const outranked = foil && own[0] && (foil.scores?.relevance ?? 0) > (own[0].scores?.relevance ?? 0);
  return own.slice(0, limit).map((c) => (outranked ? { ...c, scores: { ...c.scores, foil: 1 } } : c));
}

/** Component scores of every entry that shares something with the message. */
export function score(index: LangIndex, text: string): { faqId: string; features: Features }[] {
  return scoreQuery(index, index.query(text));
}

function scoreQuery(index: LangIndex, query: Query): { faqId: string; features: Features }[] {
  const total = query.terms.reduce((sum, t) => sum + t.weight, 0);
  if (total === 0) return [];
  // How much of what the message is about the FAQ knows: its topical words against the words the
  // FAQ does not use (everyday words and names it happens to use say nothing either way).
  const topicalKnown = query.terms.reduce((sum, t) => sum + (t.topical ? t.weight : 0), 0);
  const unknown = query.terms.reduce((sum, t) => sum + (t.known ? 0 : t.weight), 0);
  const known = topicalKnown > 0 ? topicalKnown / (topicalKnown + unknown) : 0;
  const keywords = index.rules.match(query.tokens);
  const weightOf = new Map(query.terms.map((t) => [t.term, t.weight]));
  const similarityOf = new Map(query.terms.map((t) => [t.term, t.similarity]));
  // A related concept counts as a weaker form of the message's own (see concept-relations.ts).
  for (const t of query.terms) {
    for (const [r, k] of t.related ?? []) {
      if ((similarityOf.get(r) ?? 0) < k * t.similarity) similarityOf.set(r, k * t.similarity);
      if (!weightOf.has(r) || (weightOf.get(r)! < k * t.weight && !query.terms.some((q) => q.term === r))) weightOf.set(r, k * t.weight);
    }
  }
  const bm25 = index.lexical.search(
    [...new Set(query.terms.filter((t) => t.known).flatMap((t) => [t.term, ...(t.related ?? []).map(([r]) => r)]))],
    (term) => weightOf.get(term) ?? 1,
  );
  const bestBm25 = Math.max(0, ...bm25.values());

  const scored: { faqId: string; features: Features }[] = [];
  for (const e of index.entries) {
    let covered = 0;
    let topical = 0;
    for (const t of query.terms) {
      if (!t.known) continue;
      let share = e.terms.has(t.term) ? 1 : 0;
      for (const [r, k] of t.related ?? []) if (share < k && e.terms.has(r)) share = k;
      covered += share * t.weight;
      if (t.topical) topical += share * t.weight;
    }
    const keyword = keywords.get(e.id) ?? 0;
    if (covered === 0 && keyword === 0) continue;
    // How much of its closest phrasing the message says, each term weighted by rarity; and how
    // well one phrasing and the message say the same thing, both ways (a phrasing of one word
    // the message contains is all said, but explains little of a longer message).
    let recall = 0;
    let second = 0;
    let fit = 0;
    let own = 0;
    e.sentences.forEach((s, i) => {
      const { terms, idfs, all } = e.weighted[i]!;
      let said = 0;
      for (let j = 0; j < terms.length; j++) said += idfs[j]! * (similarityOf.get(terms[j]!) ?? 0);
      const weight = e.sentenceWeights[i] ?? 1;
      const r = weight * (said / all);
      if (weight === 1 && r > own) own = r;
      if (r > recall) [recall, second] = [r, recall];
      else if (r > second) second = r;
      if (r === 0) return;
      let explained = 0;
      for (const t of query.terms) {
        if (!t.known) continue;
        let share = s.has(t.term) ? 1 : 0;
        for (const [rel, k] of t.related ?? []) if (share < k && s.has(rel)) share = k;
        explained += share * t.weight;
      }
      const p = explained / total;
      const f = p > 0 ? (2 * p * r) / (p + r) : 0;
      if (f > fit) fit = f;
    });
    scored.push({
      faqId: e.id,
      features: {
        keyword,
        coverage: covered / total,
        // Two rare words' worth of match is plenty; everyday words, names and numbers add nothing.
        evidence: Math.min(1, topical / (2 * index.rareWeight)),
        recall,
        fit,
        own,
        support: second,
        lexical: bestBm25 > 0 ? (bm25.get(e.id) ?? 0) / bestBm25 : 0,
        bm25: bm25.get(e.id) ?? 0,
        known,
        phrasings: index.ownSentencesPerEntry,
      },
    });
  }
  return scored;
}
