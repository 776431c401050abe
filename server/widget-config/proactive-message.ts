// A proactive message is drawn by the widget and stored nowhere until the visitor answers it:
// then the server stores the rule's own words (never text from the browser) as the bot's message
// before the visitor's, so the agent sees what the visitor was answering.
import type { Lang } from '../../protocol/types.js';
import type { SiteRecord } from '../storage/records.js';

/** The rule's message in `lang` (else the site's default language), or undefined for an unknown rule. */
export function proactiveText(site: SiteRecord | undefined, ruleId: string, lang: Lang): string | undefined {
  const rule = site?.proactive?.rules.find((r) => r.id === ruleId);
  if (!rule) return undefined;
  return rule.message[lang] ?? rule.message[site!.defaultLanguage] ?? Object.values(rule.message)[0];
}
