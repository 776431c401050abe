// The FAQ editor's HTTP calls (/api/admin/faq/…, server/routes/faq-editor.ts). The session is the
// console's cookie; a refused body comes back with each field's problem.
import type {
  FaqEditorEntry,
  FaqEditorError,
  FaqEditorListItem,
  FaqEntryData,
  FaqImportResult,
  FaqTestResult,
  FieldProblem,
} from '../../../protocol/types.js';

/** A failed call: the server's message, and the fields it named. */
export class FaqApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly fields: FieldProblem[] = [],
  ) {
    super(message);
  }
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  }).catch(() => null);
  if (!res) throw new FaqApiError('Cannot reach the server. Check your connection.', 0, 'INTERNAL');
  const json = (await res.json().catch(() => null)) as (T & { error?: FaqEditorError }) | null;
  if (!res.ok || !json) {
    const e = json?.error;
    throw new FaqApiError(e?.message ?? `Server error (${res.status})`, res.status, e?.code ?? 'INTERNAL', e?.fields);
  }
  return json;
}

const at = (site: string, lang: string) => `/api/admin/faq/${encodeURIComponent(site)}/${encodeURIComponent(lang)}`;
const entryAt = (site: string, lang: string, id: string) => `${at(site, lang)}/entries/${encodeURIComponent(id)}`;

export const faqApi = {
  list: (site: string, lang: string) => call<{ entries: FaqEditorListItem[] }>('GET', `${at(site, lang)}/entries`),
  get: (site: string, lang: string, id: string) => call<FaqEditorEntry>('GET', entryAt(site, lang, id)),
  save: (site: string, lang: string, entry: FaqEntryData, version: number, create = false) =>
    call<FaqEditorEntry>('PUT', entryAt(site, lang, entry.id), { version, entry, ...(create ? { create } : {}) }),
  remove: (site: string, lang: string, id: string, version: number) => call<FaqEditorEntry>('DELETE', `${entryAt(site, lang, id)}?version=${version}`),
  undo: (site: string, lang: string, id: string, version: number) => call<FaqEditorEntry>('POST', `${entryAt(site, lang, id)}/undo`, { version }),
  exportUrl: (site: string, lang: string) => `${at(site, lang)}/export`,
  importFile: (site: string, lang: string, file: unknown) => call<FaqImportResult>('POST', `${at(site, lang)}/import`, file),
  test: (site: string, text: string, lang?: string) => call<FaqTestResult>('POST', `/api/admin/faq/${encodeURIComponent(site)}/test`, { text, ...(lang ? { lang } : {}) }),
};
