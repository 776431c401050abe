// The conversations of a stats query as CSV, one row per conversation (csv-stringify quotes).
import { stringify } from 'csv-stringify/sync';
import type { ConversationRecord } from '../../storage/records.js';
import { closedByAgent, firstResponseMs, resolutionMs } from '../../storage/stats-query.js';

export const CSV_COLUMNS = [
  'id',
  'createdAt',
  'closedAt',
  'status',
  'lang',
  'tag',
  'resolved',
  'endedBy',
  'agentId',
  'agentName',
  'handedOff',
  'rating',
  'firstResponseMs',
  'resolutionMs',
] as const;

const iso = (ms: number | undefined) => (ms === undefined ? '' : new Date(ms).toISOString());

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab/CR) as a formula: names and tags
 * are agents' words, so such a cell gets a leading apostrophe (OWASP, "CSV injection").
 */
const cell = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

export function conversationsCsv(conversations: readonly ConversationRecord[]): string {
  const rows = conversations.map((c) => [
    c.id,
    iso(c.createdAt),
    iso(c.status === 'closed' ? c.closedAt : undefined),
    c.status,
    c.lang,
    cell(c.tag ?? ''),
    closedByAgent(c) && c.resolved !== undefined ? String(c.resolved) : '',
    c.status === 'closed' ? (c.endedBy ?? '') : '',
    c.assignedAgentId ?? '',
    cell(c.assignedAgentName ?? ''),
    String(c.handedOffAt !== undefined),
    c.rating ? String(c.rating.score) : '',
    String(firstResponseMs(c) ?? ''),
    String(resolutionMs(c) ?? ''),
  ]);
  return stringify(rows, { header: true, columns: [...CSV_COLUMNS], record_delimiter: 'windows' });
}
