// What the server thread and the bot thread say to each other (structured clone, so plain data).
import type { BotSite, LanguageHints, ThinkRequest } from './engine.js';

export type BotRequestMsg =
  | { id: number; op: 'site'; site: BotSite }
  | { id: number; op: 'detect'; siteId: string; text: string; hints: LanguageHints }
  | { id: number; op: 'think'; req: ThinkRequest };

export type BotResponseMsg = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };
