// "Other language": a chat given to an agent who does not speak the language it is routed in
// (nobody who did was online in time, a colleague handed it over, or an admin picked it). The
// text itself says it, so screen readers read it too; the title says why.
import { languageName } from '../lib/format.js';

export function OtherLanguageBadge({ lang }: { lang: string }) {
  return (
    <span class="flag flag--other-lang" data-bulle="other-language" title={`In ${languageName(lang)}, which you do not speak: nobody who does could take it`}>
      other language
    </span>
  );
}
