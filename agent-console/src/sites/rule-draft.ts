// A proactive rule as the Sites page edits it (text fields), and back to what the server takes
// (protocol/widget-settings-schemas.ts, which checks it again and names what it refuses).
import type { ProactiveRule, SiteProactive } from '../../../protocol/widget-settings-schemas.js';
import type { Lang } from '../../../protocol/types.js';
import { perLang } from './per-lang.js';

export type Cap = ProactiveRule['cap'];
export const CAPS: { value: Cap; label: string }[] = [
  { value: 'visit', label: 'once per visit' },
  { value: 'day', label: 'once a day' },
  { value: 'visitor', label: 'once per visitor, ever' },
];

export interface RuleDraft {
  id: string;
  off: boolean;
  seconds: string;
  url: string;
  minPages: string;
  event: string;
  /** One `key=value` a line: the tracked event's data that must match. */
  data: string;
  returning: boolean;
  message: Record<string, string>;
  quickReplies: { label: Record<string, string>; text: Record<string, string> }[];
  cap: Cap;
}

export const emptyRule = (n: number): RuleDraft => ({ id: `rule-${n}`, off: false, seconds: '10', url: '', minPages: '', event: '', data: '', returning: false, message: {}, quickReplies: [], cap: 'visit' });

export function ruleDraft(r: ProactiveRule): RuleDraft {
  const w = r.when;
  return {
    id: r.id,
    off: r.off === true,
    seconds: w.secondsOnPage === undefined ? '' : String(w.secondsOnPage),
    url: w.url ?? '',
    minPages: w.minPages === undefined ? '' : String(w.minPages),
    event: w.event ?? '',
    data: Object.entries(w.data ?? {}).map(([k, v]) => `${k}=${String(v)}`).join('\n'),
    returning: w.returning === true,
    message: { ...r.message },
    quickReplies: (r.quickReplies ?? []).map((q) => ({ label: { ...q.label }, text: { ...q.text } })),
    cap: r.cap,
  };
}

/** "true"/"false" and numbers as such, anything else as text (what Bulle.track sends). */
const dataValue = (v: string): string | number | boolean => (v === 'true' ? true : v === 'false' ? false : v !== '' && Number.isFinite(Number(v)) ? Number(v) : v);

const whole = (s: string) => (s.trim() === '' ? undefined : Number(s));

/** The rule to send, or what is wrong with it (named by the rule's id). */
export function parseRule(d: RuleDraft, languages: Lang[]): { rule: ProactiveRule } | { problem: string } {
  const name = `Rule "${d.id}"`;
  if (!/^[a-z0-9][a-z0-9-]{0,39}$/.test(d.id)) return { problem: `${name}: its name is lower-case letters, digits and dashes (at most 40).` };
  const seconds = whole(d.seconds);
  const minPages = whole(d.minPages);
  if (seconds !== undefined && !(Number.isInteger(seconds) && seconds >= 0 && seconds <= 3600)) return { problem: `${name}: seconds on the page from 0 to 3600.` };
  if (minPages !== undefined && !(Number.isInteger(minPages) && minPages >= 1 && minPages <= 100)) return { problem: `${name}: pages in the visit from 1 to 100.` };
  const data: Record<string, string | number | boolean> = {};
  for (const line of d.data.split('\n').map((l) => l.trim()).filter(Boolean)) {
    const at = line.indexOf('=');
    if (at < 1) return { problem: `${name}: event data is one key=value a line ("${line}").` };
    data[line.slice(0, at).trim()] = dataValue(line.slice(at + 1).trim());
  }
  const message = perLang(d.message, languages);
  if (!message) return { problem: `${name}: write its message in at least one language.` };
  const quickReplies = d.quickReplies.map((q) => ({ label: perLang(q.label, languages) ?? {}, text: perLang(q.text, languages) ?? {} }));
  const when: ProactiveRule['when'] = {
    ...(seconds !== undefined ? { secondsOnPage: seconds } : {}),
    ...(d.url.trim() ? { url: d.url.trim() } : {}),
    ...(minPages !== undefined ? { minPages } : {}),
    ...(d.event.trim() ? { event: d.event.trim() } : {}),
    ...(Object.keys(data).length ? { data } : {}),
    ...(d.returning ? { returning: true } : {}),
  };
  return { rule: { id: d.id, when, message, ...(quickReplies.length ? { quickReplies } : {}), cap: d.cap, ...(d.off ? { off: true } : {}) } };
}

/** The rules and quiet pages to save (null: none), or the first problem. */
export function parseProactive(rules: RuleDraft[], exclude: string, languages: Lang[]): { proactive: SiteProactive | null } | { problem: string } {
  const out: ProactiveRule[] = [];
  for (const d of rules) {
    const r = parseRule(d, languages);
    if ('problem' in r) return r;
    out.push(r.rule);
  }
  const quiet = exclude.split('\n').map((l) => l.trim()).filter(Boolean);
  if (!out.length && !quiet.length) return { proactive: null };
  return { proactive: { rules: out, ...(quiet.length ? { exclude: quiet } : {}) } };
}

/** One line saying when a rule fires. */
export function ruleSummary(d: RuleDraft): string {
  const parts = [
    d.event.trim() && `on the event "${d.event.trim()}"`,
    d.seconds.trim() && `after ${d.seconds.trim()} s on the page`,
    d.url.trim() && `on ${d.url.trim()}`,
    d.minPages.trim() && `from page ${d.minPages.trim()} of the visit`,
    d.returning && 'for returning visitors',
  ].filter(Boolean);
  return `${parts.length ? parts.join(', ') : 'on every page at once'}; ${CAPS.find((c) => c.value === d.cap)?.label ?? d.cap}`;
}

/**
 * Which rule a refusal names, by position: the server says "body/proactive/rules/2/when/url …"
 * (the body's schema), "proactive.rules.2…" or "proactive.rules sale-help: …" (its own checks), the
 * page says "Rule "sale-help": …".
 */
export function ruleOfProblem(message: string, rules: RuleDraft[]): number | null {
  const m = /^(?:body\/)?proactive[./]rules(?:[./](\d+)|\s+([a-z0-9-]+))|^Rule "([^"]+)"/.exec(message);
  if (!m) return null;
  if (m[1] !== undefined) return Number(m[1]) < rules.length ? Number(m[1]) : null;
  const i = rules.findIndex((r) => r.id === (m[2] ?? m[3]));
  return i >= 0 ? i : null;
}
