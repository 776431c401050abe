// A site as the server shows it to an admin (GET /api/admin/sites): the server builds it, the
// console's Sites page reads it; one shape for both.
import type { Lang } from './types.js';
import type { SiteAppearance, SiteProactive } from './widget-settings-schemas.js';

/** Each of the admin's sites with its snippet, settings, integration state, drafts and agents. */
export interface AdminSiteView {
  id: string;
  name: string;
  disabled: boolean;
  languages: Lang[];
  defaultLanguage: Lang;
  allowedOrigins: string[];
  welcome: Record<string, string>;
  businessHours: { timeZone: string; days: Partial<Record<'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun', [string, string][]>> } | null;
  /** The closing tags agents pick from. */
  tags: string[];
  /** The site's own bot thresholds; null = the bot's defaults. */
  thresholds: { answer: number; suggest: number } | null;
  appearance: SiteAppearance | null;
  proactive: SiteProactive | null;
  /** Signed identity: whether a secret exists (never its value) and whether a signature is required. */
  identity: { mode: 'optional' | 'required'; hasSecret: boolean; secretCreatedAt: number | null };
  /** The order-status webhook's URL (its secret is shown once, when set). */
  orderWebhook: { url: string } | null;
  snippet: string;
  /** Starter entries not edited yet, per language file. */
  drafts: Record<string, number>;
  agents: { id: string; name: string; email: string; role: 'agent' | 'admin'; works: boolean }[];
}
