// Admins write the site's canned replies here: a shortcut, a title and one text per
// site language. Variables are listed under the texts; the server checks everything again.
import { useState } from 'preact/hooks';
import type { CannedReply } from '../../../protocol/types.js';
import { VARIABLES } from '../lib/canned.js';
import { languageName } from '../lib/format.js';
import type { ConsoleCommands } from '../state/use-console.js';
import { Dialog } from './dialog.js';

interface Props {
  replies: CannedReply[];
  languages: string[];
  commands: ConsoleCommands;
  onClose(): void;
}

const blank = (languages: string[]) => ({ id: undefined as string | undefined, shortcut: '', title: '', texts: Object.fromEntries(languages.map((l) => [l, ''])) });

export function CannedEditor({ replies, languages, commands, onClose }: Props) {
  const [draft, setDraft] = useState(() => blank(languages));
  const [busy, setBusy] = useState(false);
  const edit = (r: CannedReply) => setDraft({ id: r.id, shortcut: r.shortcut, title: r.title, texts: { ...blank(languages).texts, ...r.texts } });

  const save = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    const texts = Object.fromEntries(Object.entries(draft.texts).filter(([, t]) => t.trim()));
    const ok = await commands.saveCanned({ ...(draft.id ? { id: draft.id } : {}), shortcut: draft.shortcut.trim(), title: draft.title.trim(), texts });
    setBusy(false);
    if (ok) setDraft(blank(languages));
  };

  return (
    <Dialog title="Canned replies" onCancel={onClose} bulle="canned-editor" wide>
      <div class="canned-editor">
        <ul class="canned-editor__list">
          {replies.map((r) => (
            <li key={r.id}>
              <button type="button" class={`link-btn${draft.id === r.id ? ' is-on' : ''}`} onClick={() => edit(r)}>
                /{r.shortcut}
              </button>
              <span class="muted"> {r.title}</span>
            </li>
          ))}
          <li>
            <button type="button" class="link-btn" onClick={() => setDraft(blank(languages))}>
              + New reply
            </button>
          </li>
        </ul>
        <form class="canned-editor__form" onSubmit={save}>
          <div class="canned-editor__row">
            <label class="field">
              <span>Shortcut</span>
              <input required pattern="[a-z0-9][a-z0-9_\-]*" maxLength={32} value={draft.shortcut} onInput={(e) => setDraft({ ...draft, shortcut: e.currentTarget.value.toLowerCase() })} />
            </label>
            <label class="field">
              <span>Title</span>
              <input required maxLength={80} value={draft.title} onInput={(e) => setDraft({ ...draft, title: e.currentTarget.value })} />
            </label>
          </div>
          {languages.map((l) => (
            <label key={l} class="field">
              <span>{languageName(l)}</span>
              <textarea class="field__area" rows={2} maxLength={2000} value={draft.texts[l] ?? ''} onInput={(e) => setDraft({ ...draft, texts: { ...draft.texts, [l]: e.currentTarget.value } })} />
            </label>
          ))}
          <p class="muted">
            Variables: {VARIABLES.map((v) => `{{${v}}}`).join(' ')} · a fallback: {'{{visitor.name|there}}'}
          </p>
          <div class="dialog__actions">
            {draft.id && (
              <button type="button" class="btn btn--danger-ghost" onClick={() => void commands.deleteCanned(draft.id!).then(() => setDraft(blank(languages)))}>
                Delete
              </button>
            )}
            <button type="button" class="btn btn--ghost" onClick={onClose}>
              Done
            </button>
            <button type="submit" class="btn btn--primary" disabled={busy || !Object.values(draft.texts).some((t) => t.trim())}>
              {draft.id ? 'Save changes' : 'Add reply'}
            </button>
          </div>
        </form>
      </div>
    </Dialog>
  );
}
