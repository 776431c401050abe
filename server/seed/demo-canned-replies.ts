// The demo site's canned replies, one text per language. The console fills the
// variables from the conversation (agent-console/src/lib/canned.ts): {{visitor.name}},
// {{visitor.email}}, {{order.number}}, {{agent.name}}; `{{visitor.name|there}}` has a fallback,
// and an empty fallback `{{visitor.name|}}` also drops the ", " before it. DEMO ONLY.
import type { ChatStore } from '../storage/chat-store.js';
import { newId } from '../services/secrets.js';

type Texts = { fr: string; en: string; es: string; de: string };

export const DEMO_CANNED_REPLIES: { shortcut: string; title: string; texts: Texts }[] = [
  {
    shortcut: 'hello',
    title: 'Greeting',
    texts: {
      fr: "Bonjour {{visitor.name|}}, je suis {{agent.name}} de l'Atelier Lune. Comment puis-je vous aider ?",
      en: "Hello {{visitor.name|there}}, I'm {{agent.name}} from Atelier Lune. How can I help you?",
      es: 'Hola {{visitor.name|}}, soy {{agent.name}} de Atelier Lune. ¿En qué puedo ayudarle?',
      de: 'Hallo {{visitor.name|}}, ich bin {{agent.name}} von Atelier Lune. Wie kann ich Ihnen helfen?',
    },
  },
  {
    shortcut: 'tracking',
    title: 'Order tracking',
    texts: {
      fr: 'Je regarde la commande {{order.number}}. Vous recevrez le lien de suivi par e-mail dès que le colis part de notre atelier.',
      en: "I'm looking at order {{order.number}}. You'll get the tracking link by e-mail as soon as the parcel leaves our workshop.",
      es: 'Estoy revisando el pedido {{order.number}}. Recibirá el enlace de seguimiento por correo en cuanto el paquete salga del taller.',
      de: 'Ich sehe mir die Bestellung {{order.number}} an. Den Sendungslink bekommen Sie per E-Mail, sobald das Paket unsere Werkstatt verlässt.',
    },
  },
  {
    shortcut: 'refund',
    title: 'Refund',
    texts: {
      fr: 'Le remboursement de la commande {{order.number}} est lancé : il apparaîtra sur votre moyen de paiement sous 5 à 10 jours ouvrés.',
      en: 'The refund for order {{order.number}} is on its way: it will show on your payment method within 5 to 10 working days.',
      es: 'El reembolso del pedido {{order.number}} está en marcha: aparecerá en su método de pago en un plazo de 5 a 10 días hábiles.',
      de: 'Die Erstattung für Bestellung {{order.number}} ist veranlasst: Sie erscheint innerhalb von 5 bis 10 Werktagen auf Ihrem Zahlungsmittel.',
    },
  },
  {
    shortcut: 'returns',
    title: 'How to return an item',
    texts: {
      fr: "Vous avez 30 jours pour nous retourner un article. L'étiquette de retour est dans votre espace client ; je peux aussi l'envoyer à {{visitor.email}}.",
      en: 'You have 30 days to return an item. The return label is in your account; I can also send it to {{visitor.email}}.',
      es: 'Tiene 30 días para devolver un artículo. La etiqueta de devolución está en su cuenta; también puedo enviarla a {{visitor.email}}.',
      de: 'Sie haben 30 Tage Zeit für eine Rücksendung. Das Rücksendeetikett finden Sie in Ihrem Kundenkonto; ich kann es auch an {{visitor.email}} senden.',
    },
  },
  {
    shortcut: 'email',
    title: 'Ask for the e-mail address',
    texts: {
      fr: "Pouvez-vous me donner l'adresse e-mail utilisée pour la commande ?",
      en: 'Could you give me the e-mail address you used for the order?',
      es: '¿Podría indicarme la dirección de correo que utilizó para el pedido?',
      de: 'Könnten Sie mir die E-Mail-Adresse nennen, mit der Sie bestellt haben?',
    },
  },
  {
    shortcut: 'bye',
    title: 'Goodbye',
    texts: {
      fr: "Merci de votre visite, {{visitor.name|}} ! Belle journée de la part de {{agent.name}} et de toute l'équipe.",
      en: 'Thank you for your visit, {{visitor.name|}}! Have a lovely day, from {{agent.name}} and the whole team.',
      es: '¡Gracias por su visita, {{visitor.name|}}! Que tenga un buen día, de parte de {{agent.name}} y todo el equipo.',
      de: 'Danke für Ihren Besuch, {{visitor.name|}}! Einen schönen Tag wünschen {{agent.name}} und das ganze Team.',
    },
  },
];

export async function seedDemoCannedReplies(store: ChatStore, siteId: string): Promise<void> {
  const now = Date.now();
  for (const r of DEMO_CANNED_REPLIES) await store.putCannedReply({ id: newId(), siteId, ...r, updatedAt: now });
}
