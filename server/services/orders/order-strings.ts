// What the bot says about orders, in the chat's language (fr, en, es, de; others get English).
// Never a guess: every status line comes from the shop's webhook, and when there is none to give
// the visitor is told so and offered a person.
import type { OrderStatus } from '../../../protocol/schemas.js';

export interface OrderStrings {
  askNumber: string;
  askEmail: (orderNumber: string) => string;
  notFound: (orderNumber: string) => string;
  failed: string;
  tooMany: string;
  status: Record<OrderStatus['status'], string>;
  /** "Order 48213: shipped." */
  headline: (orderNumber: string, status: string) => string;
  shippedOn: (date: string) => string;
  /** "on" before a date, to say "shipped on 4 December" in the headline. */
  on: string;
  carrier: (name: string, trackingNumber?: string) => string;
  expected: (date: string) => string;
  items: (list: string) => string;
  /** The tracking link's label. */
  track: (carrier: string) => string;
}

const STRINGS: Record<string, OrderStrings> = {
  en: {
    askNumber: 'I can also look your order up right now: what is its number? It is in your order confirmation e-mail.',
    askEmail: (n) => `To show you order ${n}, please type the e-mail address you ordered with.`,
    notFound: (n) => `I could not find an order ${n} with that e-mail address. Please check both and type them again, or talk to a person.`,
    failed: "I can't reach the order system right now, so I won't guess. A person from the team can check it for you.",
    tooMany: "I still can't find that order. A person from the team can look into it with you.",
    status: {
      pending: 'awaiting payment',
      processing: 'being prepared',
      shipped: 'shipped',
      in_transit: 'on its way',
      out_for_delivery: 'out for delivery today',
      delivered: 'delivered',
      cancelled: 'cancelled',
      returned: 'returned',
    },
    headline: (n, s) => `Order ${n}: ${s}.`,
    shippedOn: (d) => `Shipped on ${d}.`,
    on: 'on',
    carrier: (c, t) => `Carrier: ${c}${t ? `, tracking number ${t}` : ''}.`,
    expected: (d) => `Expected delivery: ${d}.`,
    items: (l) => `Items: ${l}.`,
    track: (c) => `Track the parcel (${c})`,
  },
  fr: {
    askNumber: 'Je peux aussi retrouver votre commande tout de suite : quel est son numéro ? Il figure dans l’e-mail de confirmation de commande.',
    askEmail: (n) => `Pour vous montrer la commande ${n}, indiquez l’adresse e-mail utilisée pour commander.`,
    notFound: (n) => `Je ne trouve pas de commande ${n} avec cette adresse e-mail. Vérifiez les deux et réessayez, ou parlez à une personne.`,
    failed: 'Je n’arrive pas à joindre le suivi des commandes pour le moment, et je préfère ne pas deviner. Une personne de l’équipe peut vérifier pour vous.',
    tooMany: 'Je ne trouve toujours pas cette commande. Une personne de l’équipe peut regarder avec vous.',
    status: {
      pending: 'en attente de paiement',
      processing: 'en préparation',
      shipped: 'expédiée',
      in_transit: 'en cours d’acheminement',
      out_for_delivery: 'en cours de livraison aujourd’hui',
      delivered: 'livrée',
      cancelled: 'annulée',
      returned: 'retournée',
    },
    headline: (n, s) => `Commande ${n} : ${s}.`,
    shippedOn: (d) => `Expédiée le ${d}.`,
    on: 'le',
    carrier: (c, t) => `Transporteur : ${c}${t ? `, numéro de suivi ${t}` : ''}.`,
    expected: (d) => `Livraison prévue : ${d}.`,
    items: (l) => `Articles : ${l}.`,
    track: (c) => `Suivre le colis (${c})`,
  },
  es: {
    askNumber: 'También puedo buscar tu pedido ahora mismo: ¿cuál es su número? Está en el e-mail de confirmación del pedido.',
    askEmail: (n) => `Para mostrarte el pedido ${n}, escribe la dirección de e-mail con la que hiciste el pedido.`,
    notFound: (n) => `No encuentro ningún pedido ${n} con ese e-mail. Revisa los dos datos y vuelve a escribirlos, o habla con una persona.`,
    failed: 'Ahora mismo no puedo consultar los pedidos, y prefiero no adivinar. Una persona del equipo puede comprobarlo.',
    tooMany: 'Sigo sin encontrar ese pedido. Una persona del equipo puede revisarlo contigo.',
    status: {
      pending: 'pendiente de pago',
      processing: 'en preparación',
      shipped: 'enviado',
      in_transit: 'en camino',
      out_for_delivery: 'en reparto hoy',
      delivered: 'entregado',
      cancelled: 'cancelado',
      returned: 'devuelto',
    },
    headline: (n, s) => `Pedido ${n}: ${s}.`,
    shippedOn: (d) => `Enviado el ${d}.`,
    on: 'el',
    carrier: (c, t) => `Transportista: ${c}${t ? `, número de seguimiento ${t}` : ''}.`,
    expected: (d) => `Entrega prevista: ${d}.`,
    items: (l) => `Artículos: ${l}.`,
    track: (c) => `Seguir el paquete (${c})`,
  },
  de: {
    askNumber: 'Ich kann Ihre Bestellung auch gleich nachsehen: Wie lautet die Bestellnummer? Sie steht in der Bestellbestätigung per E-Mail.',
    askEmail: (n) => `Um Ihnen die Bestellung ${n} zu zeigen, geben Sie bitte die E-Mail-Adresse ein, mit der Sie bestellt haben.`,
    notFound: (n) => `Ich finde keine Bestellung ${n} mit dieser E-Mail-Adresse. Bitte prüfen Sie beides und geben Sie es erneut ein, oder sprechen Sie mit einer Person.`,
    failed: 'Ich erreiche die Bestellverfolgung gerade nicht und möchte nicht raten. Eine Person aus dem Team kann es für Sie prüfen.',
    tooMany: 'Ich finde diese Bestellung weiterhin nicht. Eine Person aus dem Team kann sich das mit Ihnen ansehen.',
    status: {
      pending: 'wartet auf Zahlung',
      processing: 'in Bearbeitung',
      shipped: 'versandt',
      in_transit: 'unterwegs',
      out_for_delivery: 'heute in der Zustellung',
      delivered: 'zugestellt',
      cancelled: 'storniert',
      returned: 'zurückgesandt',
    },
    headline: (n, s) => `Bestellung ${n}: ${s}.`,
    shippedOn: (d) => `Versandt am ${d}.`,
    on: 'am',
    carrier: (c, t) => `Versanddienstleister: ${c}${t ? `, Sendungsnummer ${t}` : ''}.`,
    expected: (d) => `Voraussichtliche Zustellung: ${d}.`,
    items: (l) => `Artikel: ${l}.`,
    track: (c) => `Sendung verfolgen (${c})`,
  },
};

export const orderStrings = (lang: string): OrderStrings => STRINGS[lang] ?? STRINGS.en!;

/** "2026-12-04" (or a timestamp) → "4 December 2026" in the chat's language; as given when unreadable. */
export function formatDay(iso: string, lang: string): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!day) return iso;
  const date = new Date(Date.UTC(+day[1]!, +day[2]! - 1, +day[3]!));
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}
