// The n-grams eld reads in a text: a line-for-line port of eld 2.1's detect() front half
// (src/languageDetector.js: textProcessor, strToUtf8Bytes, getByteNgrams; Apache-2.0, Nito T.M.),
// so that eld-model.ts can score them on its compact table (eld-ngrams.ts) and get eld's exact
// numbers. eld's own dictionary and separator pattern are passed in by eld-model.ts.

export interface EldText {
  /** eld's stand-in character for each UTF-8 byte 0x00–0xFF. */
  dictionary: readonly string[];
  /** eld's word separators (a global, Unicode regex). */
  separators: RegExp;
}

/** The distinct n-grams of a text, as eld counts them (their number divides eld's score). */
export function eldNgrams(text: string, { dictionary, separators }: EldText): Set<string> {
  const words = utf8Words(text.substring(0, 1000).replace(separators, ' ').trim().toLowerCase(), dictionary);
  const ngrams = new Set<string>();
  for (const word of words) {
    const len = Math.min(word.length, 70);
    // 4 bytes per n-gram, stride 3; a space marks the start and the end of the word.
    let j: number;
    for (j = 0; j + 4 < len; j += 3) ngrams.add((j === 0 ? ' ' : '') + word.substring(j, j + 4));
    ngrams.add((j === 0 ? ' ' : '') + word.substring(len !== 3 ? len - 4 : 0) + ' ');
  }
  return ngrams;
}

/** Words as strings of one character per UTF-8 byte; stops at a space after 350 bytes, or at 380. */
function utf8Words(str: string, dictionary: readonly string[]): string[] {
  const d = dictionary;
  const words: string[] = [];
  let encoded = '';
  let count = 0;
  for (let i = 0; i < str.length; i++) {
    let c = str.charCodeAt(i);
    if (c < 0x80) {
      if (c === 32) {
        if (encoded !== '') {
          words.push(encoded);
          encoded = '';
        }
        if (count > 350) break;
      } else {
        encoded += str[i];
      }
      count++;
    } else if (c < 0x800) {
      encoded += d[0xc0 | (c >> 6)]! + d[0x80 | (c & 0x3f)]!;
      count += 2;
    } else if (c < 0xd800 || c >= 0xe000) {
      encoded += d[0xe0 | (c >> 12)]! + d[0x80 | ((c >> 6) & 0x3f)]! + d[0x80 | (c & 0x3f)]!;
      count += 3;
    } else {
      i++;
      c = 0x10000 + (((c & 0x3ff) << 10) | (str.charCodeAt(i) & 0x3ff));
      encoded += d[0xf0 | (c >> 18)]! + d[0x80 | ((c >> 12) & 0x3f)]! + d[0x80 | ((c >> 6) & 0x3f)]! + d[0x80 | (c & 0x3f)]!;
      count += 4;
    }
    if (count > 380) break;
  }
  if (encoded !== '') words.push(encoded);
  return words;
}
