// Texts per language as the Sites page sends them: the site's languages only, trimmed, empty ones left out.
import type { Lang } from '../../../protocol/types.js';

/** Non-empty texts of the site's languages, trimmed; undefined when none. */
export function perLang(texts: Record<string, string>, languages: Lang[]): Record<string, string> | undefined {
  const kept = Object.entries(texts).filter(([l, t]) => languages.includes(l as Lang) && t.trim());
  return kept.length ? Object.fromEntries(kept.map(([l, t]) => [l, t.trim()])) : undefined;
}
