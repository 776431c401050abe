// "I want a person": checked before any FAQ match, in every language we know, because a visitor
// who asks for a human and gets an FAQ answer instead is a visitor lost. Patterns run on the
// normalised text (no accents, no punctuation, "quelqu'un" → "quelqu un") with word
// boundaries, so "management" is not "agent" and "personal data" is not "person"; bare words
// that ordinary questions use ("person", "customer service", "persona") only count inside a
// phrase that asks for someone.
import { normalise } from './text.js';

const PATTERNS: RegExp[] = [
  // en
  /\b(humans?|operators?|representatives?|agents?)\b/,
  /\b(real|actual|live) (person|people|human|agent|someone)\b/,
  /\b(talk|speak|chat|connect|transfer|put)( me)? (to|with|through to) (a |an |the |some |your |someone )?(someone|somebody|anyone|person|people|human|agent|operator|staff|team|support|customer service|real|actual|live)\b/,
  /\b(want|need|get)( to (talk|speak) to)? (a|an) (person|human)\b/,
  /\b(bot|robot|chatbot) (is|s) (useless|stupid|dumb|rubbish|not helping|no help|not helpful)\b/,
  /\b(useless|stupid|dumb) (bot|robot|chatbot)\b/,
  /\bnot (a|the) (bot|robot)\b/,
  // fr
  /\b(un|une|le|la|au|aux|des|votre|vos|d un) conseill(er|ere)s?\b/,
  /\bhumaine?s?\b/,
  /\b(parler|discuter|echanger|joindre) (a|avec|au) (quelqu un|quelqu une|une (vraie )?personne|un (vrai )?(humain|agent|operateur|conseiller)|service client|le service client)\b/,
  /\b(vraie|vrai) personne\b|\bpersonne (reelle|physique)\b/,
  /\boperat(eur|rice)s?\b/,
  /\b(robot|bot) (inutile|nul|debile)\b/,
  // es
  /\bhumanos?\b/,
  /\bpersonas? (real|reales|de verdad)\b/,
  /\b(hablar|charlar|comunicarme|contactar) con (alguien|una persona|un humano|un agente|un asesor|una asesora|un operador|una operadora|atencion al cliente)\b/,
  /\b(agentes?|asesor(a|es|as)?|operador(a|es|as)?)\b/,
  // de
  /\b(mitarbeiter(in|innen)?|mensch(en)?|berater(in)?)\b/,
  /\bmit (jemandem|einer person|einem menschen|einem mitarbeiter|einer mitarbeiterin|dem kunden(service|dienst))\b/,
  /\b(echte[nmr]?|richtige[nmr]?) (person|mensch(en)?)\b/,
  /\bkunden(service|dienst) (sprechen|kontaktieren|anrufen)\b/,
  // it
  /\b(operatore|operatrice|umano|persona reale)\b/,
  /\b(parlare|chattare) con (qualcuno|una persona|un operatore|un umano)\b/,
  // pt
  /\b(atendente|pessoa real)\b/,
  /\bfalar com (alguem|uma pessoa|um atendente|um humano|um agente)\b/,
  // nl
  /\b(medewerker|mens|echte persoon)\b/,
  /\b(met )?(iemand|een medewerker|een mens) (spreken|praten)\b/,
];

export function isHandoffRequest(text: string): boolean {
  const n = normalise(text);
  return n.length > 0 && PATTERNS.some((p) => p.test(n));
}
