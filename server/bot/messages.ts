// What the server thread and the bot thread say to each other (structured clone, so plain data).
import type { BotSite, TestRequest, ThinkRequest } from './engine.js';
import type { CatalogAddition } from './catalog-additions.js';
import type { CatalogEdit } from './catalog-edits.js';

export type BotRequestMsg =
  | { id: number; op: 'site'; site: BotSite }
  | { id: number; op: 'think'; req: ThinkRequest }
  | { id: number; op: 'reload'; siteId: string; additions: CatalogAddition[]; edits?: CatalogEdit[] }
  | { id: number; op: 'entries'; siteId: string }
  | { id: number; op: 'faq'; siteId: string; lang: string }
  | { id: number; op: 'test'; req: TestRequest };

export type BotResponseMsg = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };
