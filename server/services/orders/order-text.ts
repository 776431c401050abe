// Finding an order number or an e-mail in what a visitor wrote. A number alone is an order number
// only when the bot asked for one; otherwise it must come with "#" or a word for "order" (so a
// postcode or a phone number in passing does not start an order lookup).
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { EmailSchema } from '../../../protocol/schemas.js';
import { normaliseEmail, normaliseOrder } from '../customer/customer-history.js';

const ORDER_WORDS = '(?:commandes?|cde|cmd|orders?|pedidos?|bestellung(?:en)?|bestellnummer|auftrag|auftragsnummer|n°|nº|no\\.?|nr\\.?)';
/** "commande n° 48213", "order #48213", "Bestellung 48213", "pedido: A-48213". */
const WITH_WORD = new RegExp(`${ORDER_WORDS}[\\s:#°º.-]*(?:(?:number|numéro|numero|número|nummer|de|del)\\s*[:#]?\\s*)?([A-Za-z]{0,3}-?\\d{3,12})\\b`, 'i');
const WITH_HASH = /(?:^|[\s(])#\s?([A-Za-z0-9][A-Za-z0-9-]{2,31})\b/;
const BARE = /(?:^|[^\w@.-])([A-Za-z]{0,3}-?\d{4,12})(?![\w@-])/;
const EMAIL = /[^\s@<>()[\]"',;:]+@[^\s@<>()[\]"',;:]+\.[^\s@<>()[\]"',;:.]+/;
const checkEmail = TypeCompiler.Compile(EmailSchema);

/** The order number in `text` ("#48213" → "48213"), or undefined; `asked`: a bare number counts. */
export function findOrderNumber(text: string, asked = false): string | undefined {
  const withoutEmails = text.replace(new RegExp(EMAIL.source, 'g'), ' ');
  const m = WITH_HASH.exec(withoutEmails) ?? WITH_WORD.exec(withoutEmails) ?? (asked ? BARE.exec(withoutEmails) : null);
  return m ? normaliseOrder(m[1]!) : undefined;
}

/** The first well-formed e-mail in `text`, lower-cased. */
export function findEmail(text: string): string | undefined {
  const m = EMAIL.exec(text);
  return m && checkEmail.Check(m[0]) ? normaliseEmail(m[0]) : undefined;
}
