// Atelier Lune's bubble and its two proactive rules: a word after half a minute on a product
// page, and help when the checkout reports a failed payment (the demo checkout calls
// Bulle.track('checkout_failed')). The quick reply sends the bot's own hand-off words.
import type { SiteAppearance, SiteProactive } from '../widget-config/settings-schema.js';
import { botStrings } from '../bot/bot-strings.js';

const LANGS = ['fr', 'en', 'es', 'de'] as const;
const person = Object.fromEntries(LANGS.map((l) => [l, botStrings(l).person]));

export const DEMO_APPEARANCE: SiteAppearance = {
  color: '#1d4ed8',
  position: 'right',
};

export const DEMO_PROACTIVE: SiteProactive = {
  rules: [
    {
      id: 'product-question',
      when: { secondsOnPage: 30, url: '/product*' },
      message: {
        fr: 'Une question sur cette pièce ?',
        en: 'A question about this piece?',
        es: '¿Alguna pregunta sobre esta pieza?',
        de: 'Eine Frage zu diesem Stück?',
      },
      cap: 'visit',
    },
    {
      id: 'checkout-failed',
      when: { event: 'checkout_failed' },
      message: {
        fr: "Le paiement n'est pas passé ? Nous pouvons vous aider à finaliser votre commande.",
        en: "Payment didn't go through? We can help you complete your order.",
        es: '¿No se ha completado el pago? Podemos ayudarte a terminar tu pedido.',
        de: 'Die Zahlung hat nicht geklappt? Wir helfen Ihnen, die Bestellung abzuschließen.',
      },
      quickReplies: [
        {
          label: Object.fromEntries(LANGS.map((l) => [l, person[l]!.label])),
          text: Object.fromEntries(LANGS.map((l) => [l, person[l]!.text])),
        },
      ],
      cap: 'visit',
    },
  ],
  exclude: ['/account*'],
};
