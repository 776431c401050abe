// Carriers' public tracking pages: the link the bot gives with an order's status. A webhook names
// the carrier as it likes ("Colissimo", "la-poste", "DHL Express"): names and aliases are compared
// without case, accents, spaces or punctuation. The tracking number is URL-encoded into the
// template, so a webhook cannot make the link point anywhere else.

export interface Carrier {
  id: string;
  name: string;
  /** `{n}`: the tracking number. */
  url: string;
  aliases: string[];
}

export const CARRIERS: readonly Carrier[] = [
  { id: 'colissimo', name: 'Colissimo', url: 'https://www.laposte.fr/outils/suivre-vos-envois?code={n}', aliases: ['colissimo', 'la poste colissimo'] },
  { id: 'laposte', name: 'La Poste', url: 'https://www.laposte.fr/outils/suivre-vos-envois?code={n}', aliases: ['la poste', 'laposte', 'lettre suivie'] },
  { id: 'chronopost', name: 'Chronopost', url: 'https://www.chronopost.fr/tracking-no-cms/suivi-page?listeNumerosLT={n}', aliases: ['chronopost', 'chrono post'] },
  { id: 'dhl', name: 'DHL', url: 'https://www.dhl.com/global-en/home/tracking.html?tracking-id={n}&submit=1', aliases: ['dhl', 'dhl express', 'dhl paket', 'dhl parcel'] },
  { id: 'ups', name: 'UPS', url: 'https://www.ups.com/track?tracknum={n}', aliases: ['ups', 'united parcel service'] },
  { id: 'fedex', name: 'FedEx', url: 'https://www.fedex.com/fedextrack/?trknbr={n}', aliases: ['fedex', 'fed ex', 'federal express'] },
  { id: 'gls', name: 'GLS', url: 'https://gls-group.com/EU/en/parcel-tracking?match={n}', aliases: ['gls', 'general logistics systems'] },
  { id: 'dpd', name: 'DPD', url: 'https://tracking.dpd.de/status/en_US/parcel/{n}', aliases: ['dpd', 'dpd predict'] },
  { id: 'mondial-relay', name: 'Mondial Relay', url: 'https://www.mondialrelay.fr/suivi-de-colis/?NumeroExpedition={n}', aliases: ['mondial relay', 'mondialrelay', 'inpost mondial relay'] },
  { id: 'correos', name: 'Correos', url: 'https://www.correos.es/es/es/herramientas/localizador/envios/detalle?tracking-number={n}', aliases: ['correos', 'correos express'] },
  { id: 'seur', name: 'SEUR', url: 'https://www.seur.com/livetracking/?segOnlineIdentificador={n}', aliases: ['seur'] },
  { id: 'deutsche-post', name: 'Deutsche Post', url: 'https://www.deutschepost.de/de/s/sendungsverfolgung/verfolgen.html?piececode={n}', aliases: ['deutsche post', 'deutschepost'] },
  { id: 'hermes', name: 'Hermes', url: 'https://www.myhermes.de/empfangen/sendungsverfolgung/sendungsinformation/#{n}', aliases: ['hermes', 'myhermes', 'hermes germany'] },
  { id: 'postnl', name: 'PostNL', url: 'https://postnl.nl/tracktrace/?B={n}', aliases: ['postnl', 'post nl'] },
  { id: 'poste-italiane', name: 'Poste Italiane', url: 'https://www.poste.it/cerca/index.html#/risultati-spedizioni/{n}', aliases: ['poste italiane', 'posteitaliane', 'poste delivery'] },
];

/** "La Poste – Colissimo" → "laposte colissimo" → key "lapostecolissimo". */
const key = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

const BY_KEY = new Map<string, Carrier>();
for (const c of CARRIERS) for (const k of [c.id, c.name, ...c.aliases]) BY_KEY.set(key(k), c);

export function findCarrier(name: string): Carrier | undefined {
  return BY_KEY.get(key(name));
}

/** The carrier's name and tracking link, or only its name (as given) when it is not in the table. */
export function trackingLink(carrier: string | undefined, trackingNumber: string | undefined): { carrier?: string; url?: string } {
  if (!carrier) return {};
  const found = findCarrier(carrier);
  if (!found) return { carrier };
  if (!trackingNumber) return { carrier: found.name };
  return { carrier: found.name, url: found.url.replace('{n}', encodeURIComponent(trackingNumber)) };
}
