// Order numbers and e-mails in what visitors write: a number is an order number with "#" or a
// word for "order" in fr, en, es, de, and alone only when the bot asked for one.
import { describe, expect, it } from 'vitest';
import { findEmail, findOrderNumber } from '../../server/services/orders/order-text.js';

describe('finding an order number', () => {
  it.each([
    ['Where is my order 48213?', '48213'],
    ['Où est ma commande n° 48213 ?', '48213'],
    ['¿Dónde está mi pedido 48213?', '48213'],
    ['Wo ist meine Bestellung 48213?', '48213'],
    ['Bestellnummer: 48213', '48213'],
    ['order #a-48213.', 'A-48213'],
    ['#48213', '48213'],
  ])('%s → %s', (text, expected) => {
    expect(findOrderNumber(text)).toBe(expected);
  });

  it('a number alone only when asked; never inside an e-mail', () => {
    expect(findOrderNumber('my postcode is 75011')).toBeUndefined();
    expect(findOrderNumber('48213')).toBeUndefined();
    expect(findOrderNumber('48213', true)).toBe('48213');
    expect(findOrderNumber('c’est la 48213 je crois', true)).toBe('48213');
    expect(findOrderNumber('claire48213@example.com', true)).toBeUndefined();
  });
});

describe('finding an e-mail', () => {
  it('takes the first well-formed one, lower-cased, without the punctuation around it', () => {
    expect(findEmail("c'est Claire.Dubois@Example.com.")).toBe('claire.dubois@example.com');
    expect(findEmail('<ana@shop.example>, merci')).toBe('ana@shop.example');
    expect(findEmail('no e-mail here')).toBeUndefined();
    expect(findEmail('moc.kaerts@\u202eattacker.example')).toBeUndefined();
  });
});
