// The fields of one agent (the Agents dialog's create and edit form): name, e-mail, role,
// languages, chats at once, level, skills and sites. Every control has a visible label.
import { useState } from 'preact/hooks';
import type { AgentCreate } from '../../../protocol/schemas.js';
import type { AdminAgent, AgentLevel, SiteTopic } from '../../../protocol/types.js';

export type AgentDraft = Required<Omit<AgentCreate, 'maxChats' | 'skills'>> & { maxChats: number | null; skills: string[] | null };

export const blankAgent = (siteIds: string[], languages: string[]): AgentDraft => ({
  name: '',
  email: '',
  role: 'agent',
  languages: languages.slice(0, 1),
  maxChats: null,
  skills: null,
  level: 'agent',
  siteIds: siteIds.slice(0, 1),
});

export const draftOf = (a: AdminAgent): AgentDraft => ({ name: a.name, email: a.email, role: a.role, languages: a.languages, maxChats: a.maxChats, skills: a.skills, level: a.level, siteIds: a.siteIds });

const LEVELS: AgentLevel[] = ['trainee', 'agent', 'expert'];
const toggled = (list: string[], id: string) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);

interface Props {
  initial: AgentDraft;
  languages: string[];
  sites: { id: string; name: string }[];
  topics: SiteTopic[];
  submitLabel: string;
  busy: boolean;
  onSubmit(draft: AgentDraft): void;
  onCancel(): void;
}

export function AgentForm({ initial, languages, sites, topics, submitLabel, busy, onSubmit, onCancel }: Props) {
  const [d, setD] = useState<AgentDraft>(initial);
  const set = (patch: Partial<AgentDraft>) => setD({ ...d, ...patch });
  const langs = [...new Set([...languages, ...d.languages])];
  const valid = d.languages.length > 0 && d.siteIds.length > 0;
  return (
    <form
      class="agent-form"
      data-bulle="agent-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) onSubmit(d);
      }}
    >
      <div class="canned-editor__row">
        <label class="field">
          <span>Name</span>
          <input name="name" required maxLength={80} value={d.name} onInput={(e) => set({ name: e.currentTarget.value })} />
        </label>
        <label class="field">
          <span>E-mail</span>
          <input name="email" type="email" required maxLength={254} value={d.email} onInput={(e) => set({ email: e.currentTarget.value })} />
        </label>
      </div>
      <div class="canned-editor__row">
        <label class="field">
          <span>Role</span>
          <select name="role" value={d.role} onChange={(e) => set({ role: e.currentTarget.value as AgentDraft['role'] })}>
            <option value="agent">agent</option>
            <option value="admin">admin</option>
          </select>
        </label>
        <label class="field">
          <span>Level</span>
          <select name="level" value={d.level} onChange={(e) => set({ level: e.currentTarget.value as AgentLevel })}>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>Chats at once (empty: the default)</span>
          <input name="maxChats" type="number" min={0} max={50} value={d.maxChats ?? ''} onInput={(e) => set({ maxChats: e.currentTarget.value === '' ? null : Number(e.currentTarget.value) })} />
        </label>
      </div>
      <fieldset class="agent-form__set">
        <legend>Languages</legend>
        {langs.map((l) => (
          <label key={l} class={`chip${d.languages.includes(l) ? ' is-on' : ''}`}>
            <input type="checkbox" name="languages" value={l} checked={d.languages.includes(l)} onChange={() => set({ languages: toggled(d.languages, l) })} /> {l}
          </label>
        ))}
      </fieldset>
      {sites.length > 1 && (
        <fieldset class="agent-form__set">
          <legend>Sites (the first ticked is where their console opens)</legend>
          {sites.map((s) => (
            <label key={s.id} class={`chip${d.siteIds.includes(s.id) ? ' is-on' : ''}`}>
              <input type="checkbox" name="sites" value={s.id} checked={d.siteIds.includes(s.id)} onChange={() => set({ siteIds: toggled(d.siteIds, s.id) })} /> {s.name}
            </label>
          ))}
        </fieldset>
      )}
      {topics.length > 0 && (
        <fieldset class="agent-form__set">
          <legend>Skills</legend>
          <label class="chip">
            <input type="checkbox" checked={d.skills === null} onChange={(e) => set({ skills: e.currentTarget.checked ? null : [] })} /> all topics
          </label>
          {d.skills !== null &&
            topics.map((t) => (
              <label key={t.id} class={`chip${d.skills!.includes(t.id) ? ' is-on' : ''}`}>
                <input type="checkbox" checked={d.skills!.includes(t.id)} onChange={() => set({ skills: toggled(d.skills!, t.id) })} /> {t.id}
              </label>
            ))}
        </fieldset>
      )}
      {!valid && <p class="muted">Pick at least one language{sites.length > 1 ? ' and one site' : ''}.</p>}
      <div class="dialog__actions">
        <button type="button" class="btn btn--ghost" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" class="btn btn--primary" data-bulle="agent-form-submit" disabled={busy || !valid}>
          {busy ? 'Saving…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
