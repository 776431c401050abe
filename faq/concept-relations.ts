// Concepts that shoppers use for one another, with how far one stands in for the other (0..1):
// "where is my parcel" asks about the order, a refused card is a payment problem, a lost password
// is a forgotten one, paying by bank transfer is a payment method. A message's concept meets an
// entry that only has the related one at that fraction of a full match (see scoreQuery in
// matcher.ts). Language-independent, both directions; ids are those of vocabulary/concepts.ts.
const PAIRS: [a: string, b: string, strength: number][] = [
  // Orders and delivery
  ['parcel', 'order', 0.7],
  ['parcel', 'delivery', 0.5],
  ['buy', 'order', 0.6],
  ['cart', 'buy', 0.6],
  ['arrive', 'delivery', 0.5],
  ['receive', 'arrive', 0.7],
  ['not-received', 'late', 0.7],
  ['not-received', 'track', 0.5],
  ['not-received', 'where', 0.5],
  ['late', 'track', 0.5],
  ['wait', 'late', 0.6],
  ['where', 'track', 0.7],
  ['where', 'status', 0.6],
  ['status', 'track', 0.7],
  ['duration', 'when', 0.6],
  ['time-unit', 'duration', 0.5],
  ['shipping-cost', 'fee', 0.7],
  ['shipping-cost', 'delivery', 0.6],
  ['express', 'delivery', 0.5],
  ['carrier', 'delivery', 0.6],
  ['pickup-point', 'delivery', 0.5],
  ['pickup', 'delivery', 0.4],
  ['send', 'delivery', 0.4],
  // Addresses
  ['shipping-address', 'address', 0.8],
  ['billing-address', 'address', 0.6],
  ['move-house', 'address', 0.6],
  // Payment
  ['card', 'payment', 0.7],
  ['card', 'method', 0.4],
  ['declined', 'error', 0.7],
  ['charged', 'payment', 0.6],
  ...(['bank-transfer', 'cash-on-delivery', 'digital-wallet', 'instalments', 'pay-later', 'cash', 'cheque'] as const).flatMap(
    (m): [string, string, number][] => [[m, 'payment', 0.6], [m, 'method', 0.5]],
  ),
  // Money back
  ['refund', 'money', 0.6],
  ['refund', 'return', 0.5],
  ['get', 'receive', 0.6],
  // Account
  ['lost', 'forgot', 0.8],
  ['reset', 'change', 0.5],
  ['sign-up', 'create', 0.6],
  ['login', 'account', 0.4],
  ['personal-details', 'account', 0.3],
  ['name', 'personal-details', 0.6],
  ['premium', 'account-type', 0.6],
  ['business', 'account-type', 0.5],
  ['private-customer', 'account-type', 0.5],
  ['free', 'account-type', 0.4],
  ['switch', 'change', 0.6],
  ['remove', 'delete', 0.5],
  ['remove', 'change', 0.5],
  ['add', 'change', 0.5],
  ['save', 'add', 0.6],
  ['enter', 'add', 0.5],
  ['mistake', 'change', 0.4],
  ['cannot', 'error', 0.7],
  // Documents
  ['send', 'download', 0.5],
  ['copy', 'send', 0.6],
  // Contact
  ['phone', 'contact', 0.6],
  ['email', 'contact', 0.4],
  ['customer-service', 'contact', 0.5],
  ['speak', 'contact', 0.5],
  ['complaint', 'dissatisfied', 0.7],
  ['subscribe', 'unsubscribe', 0.7],
  ['subscribe', 'newsletter', 0.5],
  ['unsubscribe', 'newsletter', 0.5],
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

/** Every concept id the relations name (a test checks they exist in the vocabulary). */
export const RELATED_IDS: readonly string[] = [...new Set(PAIRS.flatMap(([a, b]) => [a, b]))];
