// What a visitor wrote that identifies them: e-mail addresses, order numbers and a
// name, recognised in their messages so the agent can attach them to the customer in one click.
// Order numbers: "#48213", "order 48213", "commande n° 48213", "pedido 48213", "Bestellung
// 48213", "Bestellnummer A-48213", or a bare number of 6 to 12 digits that is not a phone number.
import type { Message } from '../../../protocol/types.js';

export interface Clues {
  emails: string[];
  orders: string[];
  name?: string;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const ORDER_WORDS = 'order|order number|commande|num[ée]ro de commande|pedido|n[úu]mero de pedido|bestellung|bestellnummer|auftrag';
const ORDER_AFTER_WORD = new RegExp(`\\b(?:${ORDER_WORDS})\\b\\s*(?:n[°ºo]\\.?|nr\\.?|no\\.?|number|num\\.?|#|:)?\\s*#?([A-Z]{0,3}-?\\d{4,12})\\b`, 'giu');
const ORDER_HASH = /(?:^|[^\w&])#(\d{4,12})\b/g;
const BARE_NUMBER = /(?<![\d+.,/-])\b([1-9]\d{5,11})\b(?![.,/-]?\d)/g;
const NAME = /\b(?:my name is|je m'appelle|je m’appelle|me llamo|mi nombre es|ich heiße|ich heisse|mein name ist)\s+(\p{Lu}[\p{L}'’-]{1,30})/iu;

/** The same rule as the server (services/customer/customer-history.ts): no "#", upper case. */
export const normaliseOrder = (o: string) => o.replace(/^#/, '').toUpperCase();

export function findEmails(text: string): string[] {
  return unique([...text.matchAll(EMAIL)].map((m) => m[0].replace(/\.$/, '').toLowerCase()));
}

export function findOrders(text: string): string[] {
  const found = [...text.matchAll(ORDER_AFTER_WORD), ...text.matchAll(ORDER_HASH)].map((m) => m[1]!);
  // A bare long number counts only when nothing better was said and it is not inside an e-mail.
  if (found.length === 0) found.push(...[...text.replace(EMAIL, ' ').matchAll(BARE_NUMBER)].map((m) => m[1]!));
  return unique(found.map(normaliseOrder));
}

export function findName(text: string): string | undefined {
  const m = NAME.exec(text);
  // "Je m'appelle" is followed by a name; a capital on a lower-case sentence is required for safety.
  return m && /^\p{Lu}/u.test(m[1]!) ? m[1] : undefined;
}

/** Every clue in the visitor's messages, oldest first; the latest name wins. */
export function cluesFrom(messages: readonly Message[]): Clues {
  const clues: Clues = { emails: [], orders: [] };
  for (const m of messages) {
    if (m.author !== 'visitor') continue;
    clues.emails = unique([...clues.emails, ...findEmails(m.text)]);
    clues.orders = unique([...clues.orders, ...findOrders(m.text)]);
    clues.name = findName(m.text) ?? clues.name;
  }
  return clues;
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}
