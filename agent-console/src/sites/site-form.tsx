// One site's settings, saved whole (PATCH): name, on/off, languages, origins, the widget's look and
// welcome texts, proactive rules, business hours, closing tags, the bot's thresholds, who works on
// it; its snippet to copy. Signed identity and the order webhook are saved at once, on their own.
import { useState } from 'preact/hooks';
import type { SitePatch } from '../../../protocol/site-admin-schemas.js';
import type { Lang } from '../../../protocol/types.js';
import { languageName } from '../lib/format.js';
import { AppearanceField } from './appearance-field.js';
import { appearanceDraft, parseAppearance } from './appearance-draft.js';
import { CopyButton } from './copy-button.js';
import { IdentityField } from './identity-field.js';
import { parseProactive, ruleDraft, ruleOfProblem } from './rule-draft.js';
import { RulesField } from './rules-field.js';
import { WebhookField } from './webhook-field.js';
import { HoursField, hoursDraft, parseHours } from './hours-field.js';
import { OriginsField } from './origins-field.js';
import { patchSite, type AdminSite } from './sites-api.js';
import { TagsField } from './tags-field.js';
import { ThresholdsField, thresholdsDraft, parseThresholds } from './thresholds-field.js';

/** The languages a site may have: those of the starter FAQ. */
export const SITE_LANGS: Lang[] = ['fr', 'en', 'es', 'de'];

export function SiteForm({ site, onSaved }: { site: AdminSite; onSaved(site: AdminSite): void }) {
  const [name, setName] = useState(site.name);
  const [disabled, setDisabled] = useState(site.disabled);
  const [languages, setLanguages] = useState<Lang[]>(site.languages);
  const [defaultLanguage, setDefaultLanguage] = useState<Lang>(site.defaultLanguage);
  const [origins, setOrigins] = useState(site.allowedOrigins);
  const [welcome, setWelcome] = useState<Record<string, string>>(site.welcome);
  const [hours, setHours] = useState(hoursDraft(site.businessHours));
  const [tags, setTags] = useState(site.tags);
  const [thresholds, setThresholds] = useState(thresholdsDraft(site.thresholds));
  const [agentIds, setAgentIds] = useState(site.agents.filter((a) => a.works).map((a) => a.id));
  const [status, setStatus] = useState<{ error: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [appearance, setAppearance] = useState(appearanceDraft(site.appearance));
  const [rules, setRules] = useState((site.proactive?.rules ?? []).map(ruleDraft));
  const [exclude, setExclude] = useState((site.proactive?.exclude ?? []).join('\n'));
  const id = (field: string) => `site-${site.id}-${field}`;

  const toggleLang = (l: Lang) => setLanguages(languages.includes(l) ? languages.filter((x) => x !== l) : [...languages, l]);
  const toggleAgent = (a: string) => setAgentIds(agentIds.includes(a) ? agentIds.filter((x) => x !== a) : [...agentIds, a]);

  const save = async (e: Event) => {
    e.preventDefault();
    const parsedHours = parseHours(hours);
    const parsedThresholds = parseThresholds(thresholds);
    const parsedLook = parseAppearance(appearance, languages);
    const parsedRules = parseProactive(rules, exclude, languages);
    const problem = [parsedHours, parsedThresholds, parsedLook, parsedRules].map((p) => ('problem' in p ? p.problem : null)).find(Boolean) ?? (languages.length === 0 ? 'Choose at least one language.' : null);
    if (problem || 'problem' in parsedLook || 'problem' in parsedRules) return setStatus({ error: true, text: problem ?? '' });
    const texts = Object.fromEntries(Object.entries(welcome).filter(([l, t]) => languages.includes(l as Lang) && t.trim()).map(([l, t]) => [l, t.trim()]));
    const patch: SitePatch = {
      name: name.trim(),
      disabled,
      languages,
      defaultLanguage: languages.includes(defaultLanguage) ? defaultLanguage : languages[0]!,
      allowedOrigins: origins,
      welcome: Object.keys(texts).length ? texts : null,
      businessHours: 'hours' in parsedHours ? parsedHours.hours : null,
      tags,
      thresholds: 'thresholds' in parsedThresholds ? parsedThresholds.thresholds : null,
      appearance: parsedLook.appearance,
      proactive: parsedRules.proactive,
      agentIds,
    };
    setBusy(true);
    setStatus(null);
    try {
      const saved = await patchSite(site.id, patch);
      setStatus({ error: false, text: `Saved at ${new Date().toLocaleTimeString()}.` });
      onSaved(saved);
    } catch (err) {
      setStatus({ error: true, text: (err as Error).message });
    } finally {
      setBusy(false);
    }
  };
  const drafts = Object.entries(site.drafts).filter(([, n]) => n > 0);

  return (
    <form class="sites__form" data-bulle="site-form" data-site={site.id} aria-labelledby={id('title')} onSubmit={(e) => void save(e)}>
      <h3 id={id('title')} class="ctx__title">
        {site.name} <span class="muted">({site.id})</span>
      </h3>
      <fieldset class="sites__group">
        <legend>The site</legend>
        <label class="sites__field">
          Name
          <input data-bulle="site-name" value={name} required maxLength={80} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <label class="chip">
          <input type="checkbox" data-bulle="site-disabled" checked={disabled} onChange={(e) => setDisabled(e.currentTarget.checked)} /> Disabled (the widget is refused; the data stays)
        </label>
        <label class="sites__field" for={id('snippet')}>
          Snippet for the shop's pages
        </label>
        <textarea id={id('snippet')} class="sites__snippet" readOnly rows={2} value={site.snippet} />
        <CopyButton text={site.snippet} label="Copy the snippet" />
      </fieldset>
      <fieldset class="sites__group">
        <legend>Languages</legend>
        {SITE_LANGS.map((l) => (
          <label key={l} class={`chip${languages.includes(l) ? ' is-on' : ''}`}>
            <input type="checkbox" checked={languages.includes(l)} onChange={() => toggleLang(l)} /> {languageName(l)}
          </label>
        ))}
        <label class="sites__field">
          Default language
          <select value={defaultLanguage} onChange={(e) => setDefaultLanguage(e.currentTarget.value as Lang)}>
            {languages.map((l) => (
              <option key={l} value={l}>
                {languageName(l)}
              </option>
            ))}
          </select>
        </label>
        <p class="muted">{drafts.length ? `Starter FAQ entries still marked draft — ${drafts.map(([l, n]) => `${l}: ${n}`).join(', ')}: adapt their answers to your shop (the console's FAQ page).` : 'No draft FAQ entries.'}</p>
      </fieldset>
      <OriginsField siteId={site.id} origins={origins} onChange={setOrigins} />
      <IdentityField site={site} onChange={(identity) => onSaved({ ...site, identity })} />
      <WebhookField site={site} onChange={(orderWebhook) => onSaved({ ...site, orderWebhook })} />
      <AppearanceField siteId={site.id} languages={languages} draft={appearance} onChange={setAppearance} welcome={welcome} onWelcome={setWelcome} />
      <RulesField
        siteId={site.id}
        languages={languages}
        rules={rules}
        onRules={setRules}
        exclude={exclude}
        onExclude={setExclude}
        problem={status?.error ? { index: ruleOfProblem(status.text, rules), text: status.text } : null}
      />
      <HoursField siteId={site.id} draft={hours} onChange={setHours} />
      <TagsField tags={tags} onChange={setTags} />
      <ThresholdsField siteId={site.id} draft={thresholds} onChange={setThresholds} />
      <fieldset class="sites__group" data-bulle="site-agents">
        <legend>Agents on this site</legend>
        {site.agents.map((a) => (
          <label key={a.id} class={`chip chip--row${agentIds.includes(a.id) ? ' is-on' : ''}`}>
            <input type="checkbox" checked={agentIds.includes(a.id)} disabled={a.role === 'admin' && a.works} onChange={() => toggleAgent(a.id)} /> {a.name}{' '}
            <span class="muted">{a.email}</span>
          </label>
        ))}
      </fieldset>
      <div class="dialog__actions">
        <p role="status" class={status?.error ? 'sites__error' : 'muted'} data-bulle="site-status" data-error={status?.error ? 'true' : undefined}>
          {status?.text}
        </p>
        <button type="submit" class="btn btn--primary" data-bulle="site-save" disabled={busy}>
          {busy ? 'Saving…' : 'Save'}
        </button>
      </div>
    </form>
  );
}
