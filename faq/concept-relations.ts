// Concepts that shoppers use for one another, with how far one stands in for the other (0..1):
// "where is my parcel" asks about the order, a refused card is a payment problem, a lost password
// is a forgotten one, paying by bank transfer is a payment method. A message's concept meets an
// entry that only has the related one at that fraction of a full match (see scoreQuery in
// matcher.ts). Language-independent, both directions; ids are those of vocabulary/concepts.ts.
const PAIRS: [a: string, b: string, strength: number][] = [
  // Orders and delivery
  ['parcel', 'order', 0.7],
  ['parcel', 'deliver', 0.5],
  ['buy', 'order', 0.6],
  ['cart', 'buy', 0.6],
  ['arrive', 'deliver', 0.5],
  ['receive', 'arrive', 0.7],
  ['not_received', 'late', 0.7],
  // "I haven't received it" asks where it is, in shop talk.
  ['not_received', 'track', 0.7],
  ['not_received', 'where', 0.8],
  ['parcel', 'track', 0.5],
  ['late', 'track', 0.5],
  ['wait', 'late', 0.6],
  ['where', 'track', 0.7],
  ['where', 'status', 0.6],
  ['status', 'track', 0.7],
  ['duration', 'when', 0.6],
  ['time_unit', 'duration', 0.5],
  ['shipping_cost', 'fee', 0.7],
  ['shipping_cost', 'deliver', 0.6],
  ['express', 'deliver', 0.5],
  ['carrier', 'deliver', 0.6],
  ['pickup_point', 'deliver', 0.5],
  ['pickup', 'deliver', 0.4],
  ['send', 'deliver', 0.4],
  // Addresses
  ['shipping_address', 'address', 0.8],
  ['billing_address', 'address', 0.6],
  ['move_house', 'address', 0.6],
  // Payment
  ['card', 'payment', 0.7],
  ['card', 'option', 0.4],
  ['declined', 'problem', 0.7],
  ['charged', 'payment', 0.6],
  // "Will I be charged if I cancel?" asks about a fee.
  ['charged', 'fee', 0.6],
  ...(['bank_transfer', 'cash_on_delivery', 'digital_wallet', 'instalments', 'pay_later', 'cash', 'cheque'] as const).flatMap(
    // Naming a means of payment asks whether it is accepted ("PayPal possible ?").
    (m): [string, string, number][] => [[m, 'payment', 0.6], [m, 'option', 0.5], [m, 'accept', 0.5]],
  ),
  // Money back
  ['refund', 'money', 0.6],
  ['refund', 'return', 0.5],
  ['get', 'receive', 0.6],
  // Account
  ['lose', 'forget', 0.8],
  ['reset', 'change', 0.5],
  ['signup', 'create', 0.6],
  // Signing up is creating an account ("m'inscrire", "registrieren", "registrarme").
  ['signup', 'account', 0.5],
  ['login', 'account', 0.4],
  ['details', 'account', 0.3],
  ['name', 'details', 0.6],
  ['premium', 'type', 0.6],
  ['business', 'type', 0.5],
  ['private_customer', 'type', 0.5],
  ['free', 'type', 0.4],
  ['switch', 'change', 0.6],
  ['remove', 'delete', 0.5],
  ['remove', 'change', 0.5],
  ['add', 'change', 0.5],
  ['save', 'add', 0.6],
  ['enter', 'add', 0.5],
  ['mistake', 'change', 0.4],
  ['fail', 'problem', 0.7],
  // Documents
  ['send', 'download', 0.5],
  ['copy', 'send', 0.6],
  // Contact
  ['phone', 'contact', 0.6],
  ['email', 'contact', 0.4],
  ['customer_service', 'contact', 0.5],
  ['talk', 'contact', 0.5],
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
