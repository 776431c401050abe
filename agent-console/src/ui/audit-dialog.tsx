// Admins: the audit log of their sites, newest first: who changed what, when, before → after.
// Narrowed by site and UTC days; older entries a page at a time.
import { useEffect, useState } from 'preact/hooks';
import type { AuditChange, AuditEntry, SiteInfo } from '../../../protocol/types.js';
import { listAudit, type AuditFilter } from '../api/admin-http.js';
import { HttpError } from '../api/http.js';
import { Dialog } from './dialog.js';

const show = (v: unknown) => (v === null || v === undefined ? '—' : Array.isArray(v) ? v.join(', ') || '—' : String(v));
const change = ([field, c]: [string, AuditChange]) => (c.changed ? `${field}: replaced` : 'from' in c ? `${field}: ${show(c.from)} → ${show(c.to)}` : `${field}: ${show(c.to)}`);

export function AuditDialog({ sites, onClose }: { sites: SiteInfo[]; onClose(): void }) {
  const [filter, setFilter] = useState<AuditFilter>({});
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState('');
  const load = async (f: AuditFilter, more: boolean) => {
    setError('');
    try {
      const page = await listAudit(f);
      setEntries((old) => (more && old ? [...old, ...page.entries] : page.entries));
      setCursor(page.cursor);
    } catch (err) {
      setError(err instanceof HttpError ? err.error.message : String(err));
    }
  };
  useEffect(() => void load({}, false), []);
  const apply = (e: Event) => {
    e.preventDefault();
    void load(filter, false);
  };
  return (
    <Dialog title="Audit log" bulle="audit-dialog" onCancel={onClose} wide page>
      <form class="canned-editor__row" onSubmit={apply}>
        {sites.length > 1 && (
          <label class="field">
            <span>Site</span>
            <select value={filter.siteId ?? ''} onChange={(e) => setFilter({ ...filter, siteId: e.currentTarget.value || undefined })}>
              <option value="">all my sites</option>
              {sites.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.id}
                </option>
              ))}
            </select>
          </label>
        )}
        <label class="field">
          <span>From (UTC day)</span>
          <input type="date" value={filter.from ?? ''} onInput={(e) => setFilter({ ...filter, from: e.currentTarget.value || undefined })} />
        </label>
        <label class="field">
          <span>To (UTC day)</span>
          <input type="date" value={filter.to ?? ''} onInput={(e) => setFilter({ ...filter, to: e.currentTarget.value || undefined })} />
        </label>
        <button type="submit" class="btn btn--sm">
          Show
        </button>
      </form>
      {error && (
        <p class="login__error" role="alert">
          {error}
        </p>
      )}
      {entries === null ? (
        <p class="panel__empty">Loading…</p>
      ) : entries.length === 0 ? (
        <p class="panel__empty">No changes recorded{filter.from || filter.to || filter.siteId ? ' for this choice' : ' yet'}.</p>
      ) : (
        <table class="admin-table" data-bulle="audit-table">
          <caption class="muted">Newest first</caption>
          <thead>
            <tr>
              <th scope="col">When (UTC)</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">On</th>
              <th scope="col">Changes</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id} data-bulle="audit-row" data-action={e.action}>
                <td>{new Date(e.at).toISOString().slice(0, 16).replace('T', ' ')}</td>
                <td>{e.actor.name}</td>
                <td>{e.action}</td>
                <td>
                  {e.target.kind} {e.target.label ?? e.target.id}
                </td>
                <td>{e.changes ? Object.entries(e.changes).map(change).join('; ') : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div class="dialog__actions">
        {cursor && (
          <button type="button" class="btn" onClick={() => void load({ ...filter, cursor }, true)}>
            Older entries
          </button>
        )}
        <button type="button" class="btn btn--ghost" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
