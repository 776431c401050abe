// The carriers' tracking links: every carrier the bot must know, found by the names shops use,
// and a tracking number that cannot steer the link elsewhere.
import { describe, expect, it } from 'vitest';
import { CARRIERS, findCarrier, trackingLink } from '../../server/services/orders/carriers.js';

describe('carrier tracking links', () => {
  it('knows the carriers a European shop ships with', () => {
    const names = ['La Poste', 'Colissimo', 'Chronopost', 'DHL', 'UPS', 'FedEx', 'GLS', 'DPD', 'Mondial Relay', 'Correos', 'SEUR', 'Deutsche Post', 'Hermes', 'PostNL', 'Poste Italiane'];
    for (const name of names) expect(findCarrier(name)?.name, name).toBeDefined();
    for (const c of CARRIERS) {
      expect(c.url.startsWith('https://'), c.id).toBe(true);
      expect(c.url, c.id).toContain('{n}');
    }
  });

  it('matches names without case, accents, spaces or punctuation', () => {
    expect(findCarrier('COLISSIMO')?.id).toBe('colissimo');
    expect(findCarrier('la-poste')?.id).toBe('laposte');
    expect(findCarrier('Mondial-Relay')?.id).toBe('mondial-relay');
    expect(findCarrier('DHL Express')?.id).toBe('dhl');
    expect(findCarrier('poste italiane')?.id).toBe('poste-italiane');
    expect(findCarrier('Unknown Carrier')).toBeUndefined();
  });

  it('builds the link with the tracking number encoded', () => {
    expect(trackingLink('Colissimo', '6A12345678901')).toEqual({ carrier: 'Colissimo', url: 'https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901' });
    expect(trackingLink('ups', '1Z999AA10123456784').url).toBe('https://www.ups.com/track?tracknum=1Z999AA10123456784');
    expect(trackingLink('DHL', 'a&b=c/../x').url).toBe('https://www.dhl.com/global-en/home/tracking.html?tracking-id=a%26b%3Dc%2F..%2Fx&submit=1');
    // No link without a known carrier and a number: never a guessed one.
    expect(trackingLink('Some Local Courier', '123')).toEqual({ carrier: 'Some Local Courier' });
    expect(trackingLink('GLS', undefined)).toEqual({ carrier: 'GLS' });
    expect(trackingLink(undefined, '123')).toEqual({});
  });
});
