// Text normalisation shared by the analyser and the hand-off words: visitors type fast, on
// phones, without accents and with "helloooo", so every comparison happens on a folded form of
// the text, never on the raw input. Stemming, stop words and the rest: see analyzer.ts.

/** Lower case, no accents, no punctuation, runs of 3+ same letters folded ("merciii" → "merci"). */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    // Apostrophes split words ("where's", "l'adresse", "qu'un") so both halves compare alike.
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/(\p{L})\1{2,}/gu, '$1')
    .trim();
}

export function words(text: string): string[] {
  const n = normalise(text);
  return n ? n.split(' ') : [];
}
