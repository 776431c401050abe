// Words that give a language away even in a few words, where statistical detection has little
// to go on ("merci", "hola", "danke", "do you"): greetings and domain words listed here, plus the
// matcher's stop words (articles, pronouns, auxiliaries). Normalised form. A word that belongs to
// several of the site's languages ("de", "la", "in") counts for each of them, split.
import type { Lang } from '../server/protocol/types.js';
import { STOP_WORDS } from './stop-words.js';
import { words } from './text.js';

const list = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

const CUES: Record<string, Set<string>> = {
  en: list(`hello hi hey thanks thank thx cheers please yes yeah the is my you your what where when how
    why can does order parcel delivery shipping return refund want need good morning bye`),
  fr: list(`bonjour bonsoir salut merci oui ouais svp stp je suis vous mon ma mes est les des une avec
    pour pas commande colis livraison remboursement ou quand comment pourquoi voudrais aurevoir`),
  es: list(`hola gracias buenas buenos dias vale por favor mi mis el los las esta estoy quiero tengo
    donde cuando como envio devolucion reembolso usted adios`),
  de: list(`guten morgen tag danke bitte ja nein ich bin ist nicht und der die das mein meine wo wie
    wann warum bestellung lieferung paket rucksendung tschuss moin servus vielen dank`),
  it: list(`ciao grazie buongiorno buonasera prego sono vorrei ordine spedizione della per`),
  pt: list(`ola obrigado obrigada bom voce meu minha nao encomenda entrega`),
  nl: list(`hoi bedankt goedemorgen goedemiddag ik mijn niet het een bestelling levering wanneer`),
};

/** Said in every language: never a cue. */
const UNIVERSAL = new Set(['ok', 'okay', 'hi']);

const cueSet = (lang: Lang): Set<string> =>
  new Set([...(CUES[lang] ?? []), ...(STOP_WORDS[lang] ?? [])].filter((w) => w.length > 1 && !UNIVERSAL.has(w)));
const CUE_SETS = new Map(Object.keys({ ...CUES, ...STOP_WORDS }).map((lang) => [lang, cueSet(lang)]));

/**
 * For each of `langs` with at least one cue word in the text: the share (0..1) of the text's
 * words that are its cues, a word shared by k of the languages counting 1/k.
 */
export function cueShares(text: string, langs: Lang[]): Map<Lang, number> {
  const ws = words(text);
  const shares = new Map<Lang, number>();
  for (const w of ws) {
    const owners = langs.filter((l) => CUE_SETS.get(l)?.has(w));
    for (const lang of owners) shares.set(lang, (shares.get(lang) ?? 0) + 1 / owners.length / ws.length);
  }
  return shares;
}
