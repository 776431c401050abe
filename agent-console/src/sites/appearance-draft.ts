// The widget's look as the Sites page edits it (text fields), and back to what the server takes
// (SiteAppearance in protocol/widget-settings-schemas.ts).
import type { SiteAppearance } from '../../../protocol/widget-settings-schemas.js';
import type { Lang } from '../../../protocol/types.js';
import { perLang } from './per-lang.js';

export interface AppearanceDraft {
  /** '' = the default colour. */
  color: string;
  position: 'left' | 'right';
  label: Record<string, string>;
}

export const appearanceDraft = (a: SiteAppearance | null): AppearanceDraft => ({ color: a?.color ?? '', position: a?.position ?? 'right', label: { ...(a?.label ?? {}) } });

export const HEX = /^#[0-9a-fA-F]{6}$/;
/** The bubble's own colour when the site sets none (widget/loader.ts). */
export const DEFAULT_COLOR = '#1d4ed8';

/** The appearance to save (null: the default look, so a site that never set one gets none), or what is wrong with it. */
export function parseAppearance(d: AppearanceDraft, languages: Lang[]): { appearance: SiteAppearance | null } | { problem: string } {
  const color = d.color.trim();
  if (color && !HEX.test(color)) return { problem: 'Appearance: the colour must look like #1d4ed8.' };
  const label = perLang(d.label, languages);
  if (!color && !label && d.position === 'right') return { appearance: null };
  return { appearance: { ...(color ? { color } : {}), position: d.position, ...(label ? { label } : {}) } };
}
