// Creating a site (first-run setup, the admin's sites page, `npm run setup`): its id from its
// name, its allowed origins checked, and a starter FAQ in its languages copied beside the store
// (`<DATA_DIR>/faq/<site id>/`), where the merchant edits it; every starter entry is a draft.
import { copyFile, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ERR } from '../../../protocol/events.js';
import type { SiteCreate } from '../../../protocol/schemas.js';
import type { Lang } from '../../../protocol/types.js';
import type { ChatStore } from '../../storage/chat-store.js';
import type { AgentRecord, SiteRecord } from '../../storage/records.js';
import { AppError } from '../app-error.js';
import { explainOrigin } from './origin-check.js';
import { passwordProblems } from '../setup/password-strength.js';
import { hashPassword, newId } from '../secrets.js';
import { DEFAULT_TAGS } from '../conversations/tags.js';
import { DATA_DIR_PREFIX, STARTER_FAQ_DIR } from '../../bot/faq-dir.js';

/** Languages with a starter FAQ: the ones a new site may have. */
export const STARTER_LANGS: readonly Lang[] = ['de', 'en', 'es', 'fr'];

/** "Atelier Lune — Lyon" → "atelier-lune-lyon". */
export function siteIdFrom(name: string): string {
  const id = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return id.length >= 2 ? id : `site-${id || 'shop'}`;
}

export const snippetFor = (baseUrl: string, siteId: string) => `<script src="${baseUrl.replace(/\/+$/, '')}/widget.js" data-site="${siteId}" async></script>`;

/** Origins as typed → as stored; a wrong one is BAD_PAYLOAD with what the setup page's test says. */
export function normaliseOrigins(inputs: string[]): string[] {
  return [
    ...new Set(
      inputs.map((input) => {
        const explained = explainOrigin(input);
        if (!explained.ok) throw new AppError(ERR.badPayload, explained.message);
        return explained.origin;
      }),
    ),
  ];
}

/**
 * The starter FAQ files of `languages` the site's folder lacks (a language added later gets its
 * own; files already there are the merchant's and are never replaced). Returns the site's faqDir.
 */
export async function writeStarterFaq(dataDir: string | null, siteId: string, languages: Lang[]): Promise<string> {
  // Without a data folder (tests in memory) the starter files are read where they are.
  if (!dataDir) return 'faq/data/starter';
  const dir = join(dataDir, 'faq', siteId);
  await mkdir(dir, { recursive: true });
  for (const lang of languages) if (!existsSync(join(dir, `${lang}.json`))) await copyFile(join(STARTER_FAQ_DIR, `${lang}.json`), join(dir, `${lang}.json`));
  return `${DATA_DIR_PREFIX}faq/${siteId}`;
}

export async function createSite(store: ChatStore, dataDir: string | null, input: SiteCreate): Promise<SiteRecord> {
  const id = input.id ?? siteIdFrom(input.name);
  if (!input.languages.includes(input.defaultLanguage)) throw new AppError(ERR.badPayload, 'The default language must be one of the site languages');
  if (await store.getSite(id)) throw new AppError(ERR.conflict, `A site "${id}" exists already: choose another name or id`);
  const allowedOrigins = normaliseOrigins(input.allowedOrigins);
  const site: SiteRecord = {
    id,
    name: input.name.trim(),
    languages: [...input.languages],
    defaultLanguage: input.defaultLanguage,
    allowedOrigins,
    faqDir: await writeStarterFaq(dataDir, id, input.languages),
    tags: [...DEFAULT_TAGS],
    assignment: 'automatic',
    createdAt: Date.now(),
  };
  await store.putSite(site);
  return site;
}

export interface NewAdmin {
  name: string;
  email: string;
  password: string;
}

/** The first admin of a site (speaks its languages); a weak password or a taken e-mail is refused. */
export async function checkAdmin(store: ChatStore, admin: NewAdmin, siteName: string): Promise<void> {
  const problems = passwordProblems(admin.password, { email: admin.email, siteName });
  if (problems.length) throw new AppError(ERR.badPayload, `Password: ${problems.join(' ')}`);
  if (await store.findAgentByEmail(admin.email.trim().toLowerCase())) throw new AppError(ERR.conflict, 'An agent with this e-mail exists already');
}

export async function createAdmin(store: ChatStore, admin: NewAdmin, site: SiteRecord): Promise<AgentRecord> {
  const agent: AgentRecord = {
    id: newId(),
    siteId: site.id,
    siteIds: [site.id],
    name: admin.name.trim(),
    email: admin.email.trim().toLowerCase(),
    languages: [...site.languages],
    role: 'admin',
    passwordHash: await hashPassword(admin.password),
    createdAt: Date.now(),
  };
  await store.putAgent(agent);
  return agent;
}

/** Whether anyone can administer this server yet (else the setup link is offered). */
export async function hasAdmin(store: ChatStore): Promise<boolean> {
  for (const site of await store.listSites()) if ((await store.listAgents(site.id)).some((a) => a.role === 'admin')) return true;
  return false;
}
