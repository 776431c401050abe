// The conversation language, the first thing an agent checks before claiming.
import { languageName } from '../lib/format.js';

export function LangBadge({ lang }: { lang: string }) {
  return (
    <span class="lang-badge" title={languageName(lang)}>
      {lang.toUpperCase()}
    </span>
  );
}
