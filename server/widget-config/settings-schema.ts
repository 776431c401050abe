// A site's own settings for the widget: how the bubble looks and when the widget speaks first.
// Stored on the site (SiteRecord.appearance, SiteRecord.proactive), checked when the site loads and
// again before the loader is sent them, so a hand-edited store cannot break a shop's page.
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { SiteAppearanceSchema, SiteProactiveSchema, type SiteAppearance, type SiteProactive } from '../../protocol/widget-settings-schemas.js';

export { ProactiveRuleSchema, SiteAppearanceSchema, SiteProactiveSchema } from '../../protocol/widget-settings-schemas.js';
export type { ProactiveRule, SiteAppearance, SiteProactive } from '../../protocol/widget-settings-schemas.js';

const proactiveCheck = TypeCompiler.Compile(SiteProactiveSchema);
const appearanceCheck = TypeCompiler.Compile(SiteAppearanceSchema);

/** The first problem with a site's widget settings, or null; names the field. */
export function widgetSettingsProblem(site: { proactive?: unknown; appearance?: unknown }): string | null {
  if (site.appearance !== undefined) {
    const e = appearanceCheck.Errors(site.appearance).First();
    if (e) return `appearance${e.path.replace(/\//g, '.')}: ${e.message}`;
  }
  if (site.proactive !== undefined) {
    const e = proactiveCheck.Errors(site.proactive).First();
    if (e) return `proactive${e.path.replace(/\//g, '.')}: ${e.message}`;
    const rules = (site.proactive as SiteProactive).rules;
    const ids = new Set<string>();
    for (const r of rules) {
      // Caps are kept per id in the visitor's browser: two rules sharing one would share a cap.
      if (ids.has(r.id)) return `proactive.rules: the id "${r.id}" is used twice`;
      ids.add(r.id);
      if (r.when.data && !r.when.event) return `proactive.rules ${r.id}: "data" needs an "event"`;
      const langs = Object.keys(r.message);
      for (const q of r.quickReplies ?? []) {
        if (langs.some((l) => !q.label[l] || !q.text[l])) return `proactive.rules ${r.id}: each quick reply needs a label and a text in every language of the message`;
      }
    }
  }
  return null;
}

/**
 * Texts in a language the site does not have: checked when an admin saves them (not at load, so a
 * site whose language was later removed still loads, its extra texts unused).
 */
export function widgetLanguagesProblem(site: { languages: string[]; appearance?: SiteAppearance; proactive?: SiteProactive }): string | null {
  const extra = (texts: Record<string, string> | undefined) => Object.keys(texts ?? {}).find((l) => !site.languages.includes(l));
  const label = extra(site.appearance?.label);
  if (label) return `appearance.label: "${label}" is not a language of the site`;
  for (const r of site.proactive?.rules ?? []) {
    const l = extra(r.message) ?? r.quickReplies?.map((q) => extra(q.label) ?? extra(q.text)).find(Boolean);
    if (l) return `proactive.rules ${r.id}: "${l}" is not a language of the site`;
  }
  return null;
}
