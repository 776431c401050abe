// What the load bench's visitors ask: the demo shop's four languages, everyday questions in
// several wordings, dressed the way people write (greetings, thanks, case, order numbers), so the
// server's matcher cache meets a realistic mix of repeats and new texts rather than a handful of
// identical strings. Every base question is one the demo FAQ answers (checked by
// `npx tsx bench/lib/questions.ts`, which prints the outcome of each).
import { createFaqMatcher, decideMessage, loadFaqDir } from '../../faq/index.js';

export interface BenchLanguage {
  lang: string;
  /** Browser languages the visitor's widget reports. */
  browser: string[];
  /** Share of visitors writing in it. */
  share: number;
  questions: string[];
  greetings: string[];
  thanks: string[];
  order: (n: number) => string;
}

export const BENCH_LANGUAGES: BenchLanguage[] = [
  {
    lang: 'en',
    browser: ['en-GB', 'en'],
    share: 0.4,
    questions: [
      'How long does delivery take?',
      'Where is my order?',
      'How can I return an item?',
      'Which payment methods do you accept?',
      'Do you ship abroad?',
      'How do I track my parcel?',
      'Can I get a refund?',
      'How much is shipping?',
      'Can I exchange a product for another size?',
      'My payment failed, what should I do?',
      'How do I use a promo code?',
      'Can I cancel my order?',
      'I need an invoice for my order',
      'I forgot my password',
      'Do you sell gift cards?',
    ],
    greetings: ['', '', 'Hi, ', 'Hello! ', 'hey ', 'Good morning, '],
    thanks: ['', '', ' Thanks', ' thank you!', ' please'],
    order: (n) => ` My order is ${n}.`,
  },
  {
    lang: 'fr',
    browser: ['fr-FR', 'fr'],
    share: 0.25,
    questions: [
      'Quels sont les délais de livraison ?',
      'Où est ma commande ?',
      'Comment retourner un article ?',
      'Quels moyens de paiement acceptez-vous ?',
      'Livrez-vous à l’étranger ?',
      'Comment suivre mon colis ?',
      'Puis-je être remboursé ?',
      'Combien coûte la livraison ?',
      'Puis-je échanger un article contre une autre taille ?',
      'Mon paiement a été refusé, que faire ?',
      'Comment utiliser un code promo ?',
      'Je voudrais annuler ma commande',
    ],
    greetings: ['', '', 'Bonjour, ', 'Salut ', 'Bonsoir ! '],
    thanks: ['', '', ' Merci', ' merci beaucoup', ' svp'],
    order: (n) => ` Ma commande est la ${n}.`,
  },
  {
    lang: 'es',
    browser: ['es-ES', 'es'],
    share: 0.2,
    questions: [
      '¿Cuánto tarda el envío?',
      '¿Dónde está mi pedido?',
      '¿Cómo puedo devolver un artículo?',
      '¿Qué formas de pago aceptan?',
      '¿Hacen envíos al extranjero?',
      '¿Cómo sigo mi paquete?',
      '¿Puedo obtener un reembolso?',
      '¿Cuánto cuesta el envío?',
      'Quiero cancelar mi pedido',
      '¿Cómo uso un código de descuento?',
    ],
    greetings: ['', '', 'Hola, ', 'Buenos días, ', 'Hola! '],
    thanks: ['', '', ' Gracias', ' muchas gracias', ' por favor'],
    order: (n) => ` Mi pedido es el ${n}.`,
  },
  {
    lang: 'de',
    browser: ['de-DE', 'de'],
    share: 0.15,
    questions: [
      'Wie lange dauert die Lieferung?',
      'Wo ist meine Bestellung?',
      'Wie kann ich einen Artikel zurückschicken?',
      'Kann ich mit PayPal bezahlen?',
      'Liefern Sie ins Ausland?',
      'Wie verfolge ich mein Paket?',
      'Bekomme ich mein Geld zurück?',
      'Was kostet der Versand?',
      'Ich möchte meine Bestellung stornieren',
      'Wie löse ich einen Gutscheincode ein?',
    ],
    greetings: ['', '', 'Hallo, ', 'Guten Tag, ', 'Hi '],
    thanks: ['', '', ' Danke', ' vielen Dank', ' bitte'],
    order: (n) => ` Meine Bestellnummer ist ${n}.`,
  },
];

/** The language of visitor n (by the shares above, interleaved so every worker gets the mix). */
export function languageOf(n: number): BenchLanguage {
  const x = ((n * 0.6180339887) % 1 + 1) % 1;
  let acc = 0;
  for (const l of BENCH_LANGUAGES) {
    acc += l.share;
    if (x < acc) return l;
  }
  return BENCH_LANGUAGES[0]!;
}

/** A small deterministic mix (no Math.random: runs are comparable). */
function mix(a: number, b: number): number {
  let h = (a * 0x9e3779b1) ^ (b * 0x85ebca77);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  h = Math.imul(h ^ (h >>> 12), 0x297a2d39);
  return (h ^ (h >>> 15)) >>> 0;
}

/** The k-th question of visitor n: a base question, dressed; one in three mentions an order number. */
export function questionFor(n: number, k: number): string {
  const l = languageOf(n);
  const h = mix(n, k);
  const q = l.questions[h % l.questions.length]!;
  const greet = l.greetings[(h >>> 8) % l.greetings.length]!;
  const thanks = l.thanks[(h >>> 12) % l.thanks.length]!;
  const order = (h >>> 16) % 3 === 0 ? l.order(100000 + ((h >>> 4) % 900000)) : '';
  const text = greet ? greet + q.replace(/^([¿¡]?)(\p{L})/u, (_, mark: string, first: string) => mark + first.toLowerCase()) : q;
  const shout = (h >>> 20) % 10 === 0;
  const out = `${text}${order}${thanks}`;
  return shout ? out.toUpperCase() : out;
}

// `npx tsx bench/lib/questions.ts`: the demo FAQ's decision on every base question and on a
// sample of dressed ones (what share is answered, suggested, or handed off).
if (import.meta.url === `file://${process.argv[1]}`) {
  const catalog = await loadFaqDir(new URL('../../faq/data/demo/', import.meta.url).pathname);
  const matcher = createFaqMatcher(catalog, { cacheSize: 0 });
  for (const l of BENCH_LANGUAGES) {
    for (const q of l.questions) {
      const d = decideMessage(matcher, q, l.lang);
      if (d.outcome !== 'answer') console.log(`${l.lang} ${d.outcome.padEnd(9)} ${d.confidence.toFixed(2)} ${q}`);
    }
  }
  const tally: Record<string, number> = {};
  const seen = new Set<string>();
  const N = 20000;
  for (let i = 0; i < N; i++) {
    const n = i % 2000;
    const text = questionFor(n, Math.floor(i / 2000));
    seen.add(text);
    const d = decideMessage(matcher, text, languageOf(n).lang);
    tally[d.outcome] = (tally[d.outcome] ?? 0) + 1;
  }
  console.log(`dressed sample of ${N}: ${JSON.stringify(tally)}; distinct texts ${seen.size}`);
}
