// Hand-off words: a visitor asking for a person gets one, in any of the site's languages, and an
// ordinary FAQ question that happens to contain "person" or "service" does not.
import { describe, expect, it } from 'vitest';
import { isHandoffRequest } from '../../faq/index.js';

describe('isHandoffRequest', () => {
  it.each([
    // en
    'Can I talk to a human?',
    'I want to speak to someone',
    'real person please',
    'Connect me with an agent',
    'Is there an operator?',
    'this bot is useless',
    'I need a representative',
    // fr
    'Bonjour, je voudrais parler à un conseiller, ma commande est arrivée cassée',
    'Je veux parler à quelqu’un',
    'Est-ce que je peux parler à une personne ?',
    'un HUMAIN svp',
    'Passez-moi un opérateur',
    // es
    'Quiero hablar con alguien',
    'Necesito un agente',
    '¿Puedo hablar con una persona real?',
    'Quiero un asesor',
    'humano por favor',
    // de
    'Ich möchte mit einem Mitarbeiter sprechen',
    'Kann ich mit jemandem sprechen?',
    'Bitte einen echten Menschen',
    'Ich brauche einen Berater',
    'Ich will den Kundenservice sprechen',
    // it, pt, nl
    'Vorrei parlare con un operatore',
    'Quero falar com um atendente',
    'Ik wil een medewerker spreken',
  ])('hands off: %s', (text) => {
    expect(isHandoffRequest(text)).toBe(true);
  });

  it.each([
    'How can I track my order?',
    'How do I manage my account?',
    'Can another person pick up my order?',
    'Do you sell my personal data?',
    'When is customer service open?',
    'Pouvez-vous me conseiller sur la taille du bol ?',
    'Le service client est ouvert quand ?',
    '¿Puede otra persona recoger mi pedido?',
    'Wann ist der Kundenservice erreichbar?',
    'Wo ist mein Paket?',
    'ok',
    '',
  ])('does not hand off: %s', (text) => {
    expect(isHandoffRequest(text)).toBe(false);
  });
});
