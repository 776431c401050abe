// Canned replies in the composer: `/shortcut` finds one, its text in the chat's
// language is filled from the conversation. Variables:
//   {{visitor.name}} {{visitor.email}} {{order.number}} {{agent.name}}
//   {{visitor.name|there}}  a fallback when the value is unknown;
//   {{visitor.name|}}       an empty fallback that also drops the ", " or " " before it,
//                           so "Hello {{visitor.name|}}, I'm Sam" reads "Hello, I'm Sam".
// A variable with no value and no fallback stays in the text and is reported as missing,
// so the agent fills it in instead of sending a blank.
import type { CannedReply } from '../../../protocol/types.js';

export const VARIABLES = ['visitor.name', 'visitor.email', 'order.number', 'agent.name'] as const;
export type Variable = (typeof VARIABLES)[number];
export type TemplateVars = Partial<Record<Variable, string>>;

const PLACEHOLDER = /([ \t]*,?[ \t]*)\{\{\s*([a-z]+\.[a-z]+)\s*(?:\|([^{}]*))?\}\}/g;

export function fillTemplate(template: string, vars: TemplateVars): { text: string; missing: string[] } {
  const missing: string[] = [];
  const text = template.replace(PLACEHOLDER, (whole, before: string, name: string, fallback: string | undefined) => {
    const value = (vars as Record<string, string | undefined>)[name]?.trim();
    if (value) return before + value;
    if (fallback === undefined) {
      if (!missing.includes(name)) missing.push(name);
      return whole;
    }
    return fallback === '' ? '' : before + fallback;
  });
  return { text, missing };
}

/** Placeholders still in a text the agent is about to send. */
export function unfilled(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{\s*([a-z]+\.[a-z]+)[^{}]*\}\}/g)].map((m) => m[1]!))];
}

/** The chat's language, then its base ("pt" for "pt-BR"), then the site default, then any. */
export function pickText(reply: CannedReply, lang: string, fallbackLang: string): string {
  const t = reply.texts;
  return t[lang] ?? t[lang.split('-')[0]!] ?? t[fallbackLang] ?? Object.values(t)[0] ?? '';
}

/** Shortcuts that start with the query first, then those that merely contain it (or whose title does). */
export function matchCanned(replies: readonly CannedReply[], query: string): CannedReply[] {
  const q = query.toLowerCase();
  const starts = replies.filter((r) => r.shortcut.startsWith(q));
  const contains = replies.filter((r) => !r.shortcut.startsWith(q) && (r.shortcut.includes(q) || r.title.toLowerCase().includes(q)));
  return [...starts, ...contains];
}

/** The `/word` being typed just before the caret, if any: where it starts and what follows the slash. */
export function slashQuery(text: string, caret: number): { start: number; query: string } | null {
  const m = /(^|\s)\/([a-z0-9_-]*)$/i.exec(text.slice(0, caret));
  return m ? { start: m.index + m[1]!.length, query: m[2]! } : null;
}
