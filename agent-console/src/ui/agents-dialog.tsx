// Admins: the agents of their sites. Add one (their first password is shown once), change one,
// or disable one (they cannot log in any more, their consoles close and their chats go back to
// the queue); enable them again. The server refuses to leave a site without an active admin.
import { useEffect, useState } from 'preact/hooks';
import type { AdminAgent, AdminAgentsList, AgentCreated, SiteTopic } from '../../../protocol/types.js';
import { createAgent, listAgents, updateAgent } from '../api/admin-http.js';
import { HttpError } from '../api/http.js';
import { AgentForm, blankAgent, draftOf, type AgentDraft } from './agent-form.js';
import { Dialog } from './dialog.js';
import { OneTimePassword } from './one-time-password.js';

interface Props {
  myId: string;
  languages: string[];
  topics: SiteTopic[];
  onClose(): void;
}

type Mode = { kind: 'list' } | { kind: 'create' } | { kind: 'edit'; agent: AdminAgent } | { kind: 'created'; created: AgentCreated };

export function AgentsDialog({ myId, languages, topics, onClose }: Props) {
  const [data, setData] = useState<AdminAgentsList | null>(null);
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const reload = () => listAgents().then(setData, (err: Error) => setError(err.message));
  useEffect(() => void reload(), []);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError('');
    try {
      await work();
      await reload();
    } catch (err) {
      setError(err instanceof HttpError ? err.error.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const create = (d: AgentDraft) => run(async () => setMode({ kind: 'created', created: await createAgent(d) }));
  const save = (id: string, d: AgentDraft) =>
    run(async () => {
      await updateAgent(id, d);
      setMode({ kind: 'list' });
    });
  const setDisabled = (a: AdminAgent, disabled: boolean) => run(async () => void (await updateAgent(a.id, { disabled })));
  const sites = data?.sites ?? [];

  return (
    <Dialog title="Agents" bulle="agents-dialog" onCancel={onClose} wide>
      {error && (
        <p class="login__error" role="alert">
          {error}
        </p>
      )}
      {mode.kind === 'created' && <OneTimePassword created={mode.created} onDone={() => setMode({ kind: 'list' })} />}
      {mode.kind === 'create' && (
        <AgentForm initial={blankAgent(sites.map((s) => s.id), languages)} languages={languages} sites={sites} topics={topics} submitLabel="Add agent" busy={busy} onSubmit={(d) => void create(d)} onCancel={() => setMode({ kind: 'list' })} />
      )}
      {mode.kind === 'edit' && (
        <AgentForm initial={draftOf(mode.agent)} languages={languages} sites={sites} topics={topics} submitLabel="Save changes" busy={busy} onSubmit={(d) => void save(mode.agent.id, d)} onCancel={() => setMode({ kind: 'list' })} />
      )}
      {mode.kind === 'list' && (
        <>
          {data === null ? (
            <p class="panel__empty">Loading the agents…</p>
          ) : (
            <table class="admin-table" data-bulle="agents-table">
              <caption class="muted">The agents of your sites</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">E-mail</th>
                  <th scope="col">Role</th>
                  <th scope="col">Languages</th>
                  <th scope="col">Status</th>
                  <th scope="col">
                    <span class="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.agents.map((a) => (
                  <tr key={a.id} data-bulle="agents-row" data-agent={a.id} class={a.disabled ? 'is-disabled' : ''}>
                    <td>
                      {a.name}
                      {a.id === myId ? ' (you)' : ''}
                    </td>
                    <td>{a.email}</td>
                    <td>
                      {a.role}
                      {a.level !== 'agent' ? ` · ${a.level}` : ''}
                    </td>
                    <td>{a.languages.join(', ')}</td>
                    <td>{a.disabled ? 'disabled' : 'active'}</td>
                    <td class="admin-table__actions">
                      <button type="button" class="btn btn--sm btn--ghost" aria-label={`Edit ${a.name}`} onClick={() => setMode({ kind: 'edit', agent: a })}>
                        Edit
                      </button>
                      <button
                        type="button"
                        class={`btn btn--sm ${a.disabled ? 'btn--ghost' : 'btn--danger-ghost'}`}
                        data-bulle={a.disabled ? 'agent-enable' : 'agent-disable'}
                        aria-label={`${a.disabled ? 'Enable' : 'Disable'} ${a.name}`}
                        disabled={busy}
                        onClick={() => void setDisabled(a, !a.disabled)}
                      >
                        {a.disabled ? 'Enable' : 'Disable'}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <div class="dialog__actions">
            <button type="button" class="btn btn--ghost" onClick={onClose}>
              Close
            </button>
            <button type="button" class="btn btn--primary" data-bulle="agent-add" onClick={() => setMode({ kind: 'create' })}>
              Add an agent
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
