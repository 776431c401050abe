// Recognising e-mails, order numbers and a name in what visitors write.
import { describe, expect, it } from 'vitest';
import { cluesFrom, findEmails, findName, findOrders } from '../../agent-console/src/lib/customer-clues.js';
import { parseUserAgent } from '../../agent-console/src/lib/device.js';
import { localTime } from '../../agent-console/src/lib/local-time.js';
import type { Message } from '../../protocol/types.js';

describe('order numbers', () => {
  it.each([
    ['My order #48213 has not arrived', ['48213']],
    ['order 123456789', ['123456789']],
    ['ma commande n° 48213 est en retard', ['48213']],
    ['Numéro de commande : A-48213', ['A-48213']],
    ['mi pedido 55555 no llegó', ['55555']],
    ['Meine Bestellung Nr. 77777 ist beschädigt', ['77777']],
    ['Bestellnummer 99887766', ['99887766']],
    ['it is 48213990', ['48213990']],
  ])('finds them in %j', (text, orders) => {
    expect(findOrders(text)).toEqual(orders);
  });

  it.each([
    ['call me at 0612345678'],
    ['+33 6 12 34 56 78'],
    ['I live in 75001 Paris'],
    ['it costs 12.50 euros, 2 items'],
    ['on 12/03/2024'],
  ])('ignores %j', (text) => {
    expect(findOrders(text)).toEqual([]);
  });
});

describe('e-mails and names', () => {
  it('finds e-mails, lower-cased, without a trailing dot', () => {
    expect(findEmails('Write to Marie.Dupont@Example.fr. or m+shop@mail.co.uk')).toEqual(['marie.dupont@example.fr', 'm+shop@mail.co.uk']);
    expect(findEmails('not@an-email')).toEqual([]);
  });

  it('finds a name given in several languages', () => {
    expect(findName("Bonjour, je m'appelle Marie et j'ai un souci")).toBe('Marie');
    expect(findName('Hi, my name is John')).toBe('John');
    expect(findName('Hola, me llamo Lucía')).toBe('Lucía');
    expect(findName('Ich heiße Jonas')).toBe('Jonas');
    expect(findName('my name is not important')).toBeUndefined();
  });

  it("collects clues from the visitor's messages only, once each", () => {
    const msg = (author: Message['author'], text: string, seq: number): Message => ({ id: `m${seq}`, conversationId: 'c', seq, author, text, createdAt: seq });
    const clues = cluesFrom([
      msg('visitor', 'order #48213, me: a@b.fr', 1),
      msg('bot', 'Your order 99999 is on its way, write to help@shop.fr', 2),
      msg('visitor', 'again #48213, my name is Marie', 3),
    ]);
    expect(clues).toEqual({ emails: ['a@b.fr'], orders: ['48213'], name: 'Marie' });
  });
});

describe('device and local time', () => {
  it('reads a user agent roughly', () => {
    expect(parseUserAgent('Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1')).toEqual({ kind: 'mobile', browser: 'Safari', os: 'iOS' });
    expect(parseUserAgent('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36 Edg/124.0')).toEqual({ kind: 'desktop', browser: 'Edge', os: 'Windows' });
    expect(parseUserAgent('Mozilla/5.0 (Linux; Android 14; SM-X200) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36')).toMatchObject({ kind: 'tablet', browser: 'Chrome', os: 'Android' });
    expect(parseUserAgent('Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0')).toEqual({ kind: 'desktop', browser: 'Firefox', os: 'Linux' });
    expect(parseUserAgent(undefined)).toBeNull();
  });

  it("gives the visitor's local time, or null for an unknown zone", () => {
    const noonUtc = Date.UTC(2024, 5, 3, 12, 0);
    expect(localTime('Asia/Tokyo', noonUtc)).toMatch(/21|9/);
    expect(localTime('Not/AZone', noonUtc)).toBeNull();
    expect(localTime(undefined, noonUtc)).toBeNull();
  });
});
