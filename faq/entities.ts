// Order numbers, tracking numbers, emails, amounts and the like say what kind of thing the
// visitor talks about, not which words they used: each becomes one placeholder token
// ("#order", "#email") before the text is split into words, so "order 00004587345" and
// "order #12588" look alike to the matcher, and a long number never reads as a typo of a word.

/** Placeholder words survive normalisation (letters only); analyze() turns them into "#kind". */
export const ENTITY_PREFIX = 'zzent';

const PATTERNS: [kind: string, pattern: RegExp][] = [
  ['url', /\bhttps?:\/\/\S+|\bwww\.\S+/gi],
  ['email', /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/giu],
  // UPU S10 (La Poste, Correos, DHL parcels: "LA123456789FR"), UPS ("1Z…").
  ['tracking', /\b[A-Z]{2}\d{9}[A-Z]{2}\b|\b1Z[0-9A-Z]{16}\b/gi],
  ['money', /[$€£]\s?\d+(?:[.,]\d+)?|\b\d+(?:[.,]\d+)?\s?(?:€|\$|£|eur\b|euros?\b|dollars?\b|usd\b|gbp\b|pounds?\b)/giu],
  // "Mr. Jones", "Mme Martin", "Frau Schmidt": a name, whoever it is.
  ['person', /\b(?:Mr|Mrs|Ms|Miss|Dr|Mme|Mlle|Sr|Sra|Srta|Herr|Frau|M\.)\.?\s+\p{Lu}\p{L}+(?:\s+\p{Lu}\p{L}+)?/gu],
  ['phone', /\+\d[\d\s().-]{7,}\d|\b0\d(?:[\s.-]?\d{2}){4}\b/g],
  // "#12588", "00004587345", "CMD-2024-1187": five digits or more, or a code mixing letters and digits.
  ['order', /#\s?\d+\b|\b\d{5,}\b|\b(?=(?:[A-Z-]*\d){4})(?=[\d-]*[A-Z])[A-Z0-9]+(?:-[A-Z0-9]+)+\b|\b(?=[A-Z]*\d{4})[A-Z]{1,4}\d{4,}\b/gi],
];

/** The text with each entity replaced by its placeholder word. */
export function maskEntities(text: string): string {
  // "order113542617735902": a word and a number typed without the space.
  let out = text.replace(/(\p{L})(\d{5,})\b/gu, '$1 $2');
  for (const [kind, pattern] of PATTERNS) out = out.replace(pattern, ` ${ENTITY_PREFIX}${kind} `);
  return out;
}
