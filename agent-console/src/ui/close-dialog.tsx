// Closing asks for one tag of the site's list and whether it was resolved.
// Keys: 1–9 pick a tag, Y / N the outcome, Enter confirms, Esc cancels.
import { useEffect, useRef, useState } from 'preact/hooks';
import { Dialog } from './dialog.js';

interface Props {
  tags: string[];
  /** Pre-selected from the chat's topic; the agent still chooses. */
  initial?: string | null;
  onConfirm(tag: string, resolved: boolean): Promise<boolean>;
  onCancel(): void;
}

export function CloseDialog({ tags, initial, onConfirm, onCancel }: Props) {
  const [tag, setTag] = useState<string | null>(initial ?? null);
  const [resolved, setResolved] = useState(true);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const confirm = async () => {
    if (!tag || busy) return;
    setBusy(true);
    if (!(await onConfirm(tag, resolved))) setBusy(false);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const n = Number(e.key);
    if (n >= 1 && n <= tags.length && !e.altKey && !e.ctrlKey) setTag(tags[n - 1]!);
    else if (e.key === 'y' || e.key === 'Y') setResolved(true);
    else if (e.key === 'n' || e.key === 'N') setResolved(false);
    else if (e.key === 'Enter') {
      e.preventDefault();
      void confirm();
    } else return;
  };

  return (
    <Dialog title="Close the conversation" onCancel={onCancel} bulle="close-dialog">
      <form
        class="close-form"
        onKeyDown={onKeyDown}
        onSubmit={(e) => {
          e.preventDefault();
          void confirm();
        }}
      >
        <fieldset class="choice">
          <legend>What was it about? (one tag)</legend>
          {tags.length === 0 && <p class="panel__empty">Loading the tag list…</p>}
          <div class="choice__grid">
            {tags.map((t, i) => (
              <label key={t} class={`chip${tag === t ? ' is-on' : ''}`} data-bulle="close-tag" data-tag={t}>
                <input ref={i === 0 ? first : undefined} type="radio" name="tag" value={t} checked={tag === t} onChange={() => setTag(t)} />
                <kbd>{i + 1}</kbd> {t}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset class="choice">
          <legend>Was it resolved?</legend>
          <div class="choice__grid">
            <label class={`chip${resolved ? ' is-on' : ''}`} data-bulle="close-resolved" data-value="yes">
              <input type="radio" name="resolved" checked={resolved} onChange={() => setResolved(true)} /> <kbd>Y</kbd> Yes
            </label>
            <label class={`chip${!resolved ? ' is-on' : ''}`} data-bulle="close-resolved" data-value="no">
              <input type="radio" name="resolved" checked={!resolved} onChange={() => setResolved(false)} /> <kbd>N</kbd> No
            </label>
          </div>
        </fieldset>
        <div class="dialog__actions">
          <button type="button" class="btn btn--ghost" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" class="btn btn--primary" data-bulle="close-confirm" disabled={!tag || busy}>
            {busy ? 'Closing…' : 'Close conversation'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
