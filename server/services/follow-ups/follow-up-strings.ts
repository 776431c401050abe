// What a follow-up says, in the visitor's language (fr, en, es, de; others get English): one
// sentence per status, naming the order and, when known, the carrier; the link's label.
import type { OrderEventStatus } from '../../../protocol/follow-up-schemas.js';

export interface FollowUpStrings {
  /** `carrier`: the carrier's name when the event named one. */
  text: Record<OrderEventStatus, (order: string, carrier?: string) => string>;
  /** The tracking link's label. */
  track: string;
}

const STRINGS: Record<string, FollowUpStrings> = {
  en: {
    text: {
      confirmed: (n) => `Your order ${n} is confirmed: we are preparing it.`,
      shipped: (n, c) => (c ? `Your order ${n} has shipped with ${c}.` : `Your order ${n} has shipped.`),
      out_for_delivery: (n, c) => (c ? `Your order ${n} is out for delivery today with ${c}.` : `Your order ${n} is out for delivery today.`),
      delivered: (n) => `Your order ${n} has been delivered. Enjoy!`,
      delayed: (n, c) => (c ? `Your order ${n} is delayed with ${c}. Sorry for the wait.` : `Your order ${n} is delayed. Sorry for the wait.`),
      cancelled: (n) => `Your order ${n} has been cancelled. Write to us here if that is not what you expected.`,
    },
    track: 'Track it',
  },
  fr: {
    text: {
      confirmed: (n) => `Votre commande ${n} est confirmée : nous la préparons.`,
      shipped: (n, c) => (c ? `Votre commande ${n} a été expédiée avec ${c}.` : `Votre commande ${n} a été expédiée.`),
      out_for_delivery: (n, c) => (c ? `Votre commande ${n} est en cours de livraison aujourd'hui avec ${c}.` : `Votre commande ${n} est en cours de livraison aujourd'hui.`),
      delivered: (n) => `Votre commande ${n} a été livrée. Bonne découverte !`,
      delayed: (n, c) => (c ? `Votre commande ${n} a du retard chez ${c}. Désolés pour l'attente.` : `Votre commande ${n} a du retard. Désolés pour l'attente.`),
      cancelled: (n) => `Votre commande ${n} a été annulée. Écrivez-nous ici si ce n'est pas ce que vous attendiez.`,
    },
    track: 'Suivre le colis',
  },
  es: {
    text: {
      confirmed: (n) => `Tu pedido ${n} está confirmado: lo estamos preparando.`,
      shipped: (n, c) => (c ? `Tu pedido ${n} ha sido enviado con ${c}.` : `Tu pedido ${n} ha sido enviado.`),
      out_for_delivery: (n, c) => (c ? `Tu pedido ${n} está en reparto hoy con ${c}.` : `Tu pedido ${n} está en reparto hoy.`),
      delivered: (n) => `Tu pedido ${n} ha sido entregado. ¡Que lo disfrutes!`,
      delayed: (n, c) => (c ? `Tu pedido ${n} va con retraso con ${c}. Perdona la espera.` : `Tu pedido ${n} va con retraso. Perdona la espera.`),
      cancelled: (n) => `Tu pedido ${n} ha sido cancelado. Escríbenos aquí si no es lo que esperabas.`,
    },
    track: 'Seguir el envío',
  },
  de: {
    text: {
      confirmed: (n) => `Ihre Bestellung ${n} ist bestätigt: Wir bereiten sie vor.`,
      shipped: (n, c) => (c ? `Ihre Bestellung ${n} wurde mit ${c} verschickt.` : `Ihre Bestellung ${n} wurde verschickt.`),
      out_for_delivery: (n, c) => (c ? `Ihre Bestellung ${n} wird heute von ${c} zugestellt.` : `Ihre Bestellung ${n} wird heute zugestellt.`),
      delivered: (n) => `Ihre Bestellung ${n} wurde zugestellt. Viel Freude damit!`,
      delayed: (n, c) => (c ? `Ihre Bestellung ${n} verspätet sich bei ${c}. Entschuldigen Sie die Wartezeit.` : `Ihre Bestellung ${n} verspätet sich. Entschuldigen Sie die Wartezeit.`),
      cancelled: (n) => `Ihre Bestellung ${n} wurde storniert. Schreiben Sie uns hier, falls Sie das nicht erwartet haben.`,
    },
    track: 'Sendung verfolgen',
  },
};

export const followUpStrings = (lang: string): FollowUpStrings => STRINGS[lang] ?? STRINGS.en!;
