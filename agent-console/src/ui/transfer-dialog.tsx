// Hand a chat to a colleague or back to a language queue, with a note they will read first
// (the routing side of the server checks presence and capacity).
import { useEffect, useState } from 'preact/hooks';
import type { AgentListItem } from '../../../protocol/types.js';
import { languageName } from '../lib/format.js';
import type { ConsoleCommands } from '../state/use-console.js';
import { Dialog } from './dialog.js';

interface Props {
  siteId: string;
  conversationId: string;
  lang: string;
  myId: string;
  siteLanguages: string[];
  commands: ConsoleCommands;
  onDone(): void;
}

type Target = { agent: string } | { lang: string } | null;

export function TransferDialog({ conversationId, siteId, lang, myId, siteLanguages, commands, onDone }: Props) {
  const [agents, setAgents] = useState<AgentListItem[] | null>(null);
  const [target, setTarget] = useState<Target>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    // The agents of the chat's site, which may not be my own.
    void commands.agents(siteId).then((r) => setAgents(r ? r.agents.filter((a) => a.id !== myId) : []));
  }, [commands, myId, siteId]);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!target || busy) return;
    setBusy(true);
    const ok = await commands.transfer({
      conversationId,
      ...('agent' in target ? { toAgentId: target.agent } : { toLang: target.lang }),
      ...(note.trim() ? { note: note.trim() } : {}),
    });
    if (ok) onDone();
    else setBusy(false);
  };
  const is = (t: Target) => JSON.stringify(t) === JSON.stringify(target);

  return (
    <Dialog title="Transfer the conversation" onCancel={onDone} bulle="transfer-dialog" wide>
      <form onSubmit={submit} class="close-form">
        <fieldset class="choice">
          <legend>To a colleague</legend>
          {agents === null && <p class="panel__empty">Loading agents…</p>}
          {agents?.length === 0 && <p class="panel__empty">No other agent on this site.</p>}
          <div class="choice__list">
            {agents?.map((a) => {
              const full = a.openChats >= a.capacity;
              const away = a.presence !== 'online';
              return (
                <label key={a.id} class={`chip chip--row${is({ agent: a.id }) ? ' is-on' : ''}`} data-bulle="transfer-agent" data-id={a.id}>
                  <input type="radio" name="target" disabled={away || full} checked={is({ agent: a.id })} onChange={() => setTarget({ agent: a.id })} />
                  <span class={`presence-dot presence-dot--${a.presence}`} aria-hidden="true" />
                  <strong>{a.name}</strong>
                  <span class="muted">
                    {a.languages.map((l) => l.toUpperCase()).join(' ')} · {a.openChats}/{a.capacity} chats · {a.presence}
                    {!a.languages.includes(lang) && ' · does not speak ' + lang.toUpperCase()}
                  </span>
                </label>
              );
            })}
          </div>
        </fieldset>
        <fieldset class="choice">
          <legend>Or back to a language queue</legend>
          <div class="choice__grid">
            {siteLanguages.map((l) => (
              <label key={l} class={`chip${is({ lang: l }) ? ' is-on' : ''}`} data-bulle="transfer-lang" data-lang={l}>
                <input type="radio" name="target" checked={is({ lang: l })} onChange={() => setTarget({ lang: l })} />
                {languageName(l)}
              </label>
            ))}
          </div>
        </fieldset>
        <label class="field">
          <span>Note for the next agent (only agents see it)</span>
          <textarea class="field__area" rows={3} maxLength={1000} value={note} onInput={(e) => setNote(e.currentTarget.value)} data-bulle="transfer-note" />
        </label>
        <div class="dialog__actions">
          <button type="button" class="btn btn--ghost" onClick={onDone}>
            Cancel
          </button>
          <button type="submit" class="btn btn--primary" data-bulle="transfer-confirm" disabled={!target || busy}>
            {busy ? 'Transferring…' : 'Transfer'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
