// How the widget looks on the shop's pages: the bubble's colour (warned when white text on it is
// hard to read), its side, the launcher's label and the welcome text, each per language. Saved with
// the form (the site's appearance and welcome).
import type { Lang } from '../../../protocol/types.js';
import { contrastRatio, MIN_TEXT_CONTRAST } from '../lib/contrast.js';
import { languageName } from '../lib/format.js';
import { DEFAULT_COLOR, HEX, type AppearanceDraft } from './appearance-draft.js';

interface Props {
  siteId: string;
  languages: Lang[];
  draft: AppearanceDraft;
  onChange(d: AppearanceDraft): void;
  welcome: Record<string, string>;
  onWelcome(w: Record<string, string>): void;
}

export function AppearanceField({ siteId, languages, draft, onChange, welcome, onWelcome }: Props) {
  const id = (f: string) => `appearance-${f}-${siteId}`;
  const color = HEX.test(draft.color) ? draft.color : DEFAULT_COLOR;
  const ratio = contrastRatio(color, '#ffffff');
  return (
    <fieldset class="sites__group" data-bulle="site-appearance">
      <legend>Appearance</legend>
      <label class="sites__field" for={id('color')}>
        Bubble colour <span class="muted">(empty: the default)</span>
      </label>
      <div class="sites__row">
        <input type="color" aria-label="Pick the bubble colour" value={color} onInput={(e) => onChange({ ...draft, color: e.currentTarget.value })} />
        <input id={id('color')} data-bulle="appearance-color" value={draft.color} placeholder={DEFAULT_COLOR} maxLength={7} size={9} aria-describedby={id('contrast')} onInput={(e) => onChange({ ...draft, color: e.currentTarget.value })} />
        <span class="sites__swatch" style={{ background: color }} aria-hidden="true">
          Aa
        </span>
      </div>
      <p id={id('contrast')} class={ratio < MIN_TEXT_CONTRAST ? 'sites__error' : 'muted'} data-bulle="appearance-contrast" data-low={ratio < MIN_TEXT_CONTRAST ? 'true' : undefined}>
        {ratio < MIN_TEXT_CONTRAST
          ? `Low contrast: white text on this colour is ${ratio.toFixed(1)}:1, hard to read (aim for ${MIN_TEXT_CONTRAST}:1 — pick a darker colour).`
          : `White text on this colour: ${ratio.toFixed(1)}:1.`}
      </p>
      <div class="sites__row" role="radiogroup" aria-label="Side of the page">
        {(['right', 'left'] as const).map((side) => (
          <label key={side} class={`chip${draft.position === side ? ' is-on' : ''}`}>
            <input type="radio" name={id('side')} data-bulle="appearance-side" value={side} checked={draft.position === side} onChange={() => onChange({ ...draft, position: side })} /> Bottom {side}
          </label>
        ))}
      </div>
      {languages.map((l) => (
        <div key={l} class="sites__row">
          <label class="sites__field">
            Launcher label, {languageName(l)} <span class="muted">(empty: a round bubble)</span>
            <input data-bulle="appearance-label" data-lang={l} value={draft.label[l] ?? ''} maxLength={40} onInput={(e) => onChange({ ...draft, label: { ...draft.label, [l]: e.currentTarget.value } })} />
          </label>
          <label class="sites__field">
            Welcome text, {languageName(l)} <span class="muted">(empty: the default greeting)</span>
            <textarea rows={2} maxLength={500} data-bulle="site-welcome" data-lang={l} value={welcome[l] ?? ''} onInput={(e) => onWelcome({ ...welcome, [l]: e.currentTarget.value })} />
          </label>
        </div>
      ))}
    </fieldset>
  );
}
