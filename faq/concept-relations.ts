// Concepts that shoppers use for one another, with how far one stands in for the other (0..1):
// "where is my parcel" asks about the order, a refused card is a payment problem, a lost password
// is a forgotten one. A message's concept meets an entry that only has the related one at that
// fraction of a full match (see scoreQuery in matcher.ts). Language-independent; both directions.
const PAIRS: [a: string, b: string, strength: number][] = [
  ['parcel', 'order', 0.7],
  ['parcel', 'deliver', 0.5],
  ['buy', 'order', 0.6],
  ['arrive', 'deliver', 0.5],
  ['late', 'track', 0.6],
  ['late', 'arrive', 0.5],
  ['card', 'payment', 0.7],
  ['fail', 'problem', 0.8],
  ['lose', 'forget', 0.8],
  ['reset', 'change', 0.5],
  ['signup', 'create', 0.6],
  ['login', 'account', 0.4],
  ['phone', 'contact', 0.6],
  ['email', 'contact', 0.4],
  ['customer_service', 'contact', 0.5],
  ['talk', 'contact', 0.5],
  ['subscribe', 'unsubscribe', 0.7],
  ['subscribe', 'newsletter', 0.5],
  ['unsubscribe', 'newsletter', 0.5],
  ['switch', 'change', 0.6],
  ['remove', 'delete', 0.6],
  ['remove', 'change', 0.5],
  ['add', 'change', 0.5],
  ['send', 'download', 0.5],
  ['send', 'deliver', 0.5],
  ['refund', 'money', 0.6],
  ['refund', 'return', 0.5],
  ['option', 'type', 0.5],
  ['details', 'account', 0.3],
];

const related = new Map<string, [term: string, strength: number][]>();
for (const [a, b, s] of PAIRS) {
  related.set(`@${a}`, [...(related.get(`@${a}`) ?? []), [`@${b}`, s]]);
  related.set(`@${b}`, [...(related.get(`@${b}`) ?? []), [`@${a}`, s]]);
}

/** The concept terms related to a concept term, with their strength. */
export function relatedConcepts(term: string): readonly [string, number][] {
  return related.get(term) ?? [];
}
