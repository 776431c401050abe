// The site's unanswered questions: what the bot stepped aside on, and answers a visitor
// said did not help, grouped when asked the same way, newest first. From here the FAQ learns: a
// question becomes a phrasing of an entry in one action ("Add as a phrasing of…", the bot's
// candidates offered first), or a new entry's draft; proposals and drafts wait for an admin.
// Text only, never HTML.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { FaqAddition, FaqEntrySummary, UnansweredGroup, UnansweredListResult } from '../../../protocol/types.js';
import type { FaqDraft } from '../../../protocol/schemas.js';
import { formatStamp, languageName } from '../lib/format.js';
import { Dialog } from './dialog.js';
import { FaqEntryPicker } from './faq-entry-picker.js';

export interface FaqLearning {
  unanswered(): Promise<UnansweredListResult | null>;
  faqEntries(): Promise<FaqEntrySummary[] | null>;
  faqAttach(unansweredId: string, faqId: string): Promise<boolean>;
  faqDraft(input: FaqDraft): Promise<boolean>;
  faqConfirm(id: string): Promise<boolean>;
  faqDismiss(id: string): Promise<boolean>;
}

interface Props {
  commands: FaqLearning;
  isAdmin: boolean;
  languages: string[];
  onClose(): void;
}

const REASON = { 'stepped-aside': 'Bot stepped aside', unhelpful: 'Marked unhelpful' } as const;
const pct = (c: number) => `${Math.round(c * 100)} %`;

export function UnansweredDialog({ commands, isAdmin, languages, onClose }: Props) {
  const [data, setData] = useState<UnansweredListResult | null | undefined>(undefined);
  const [entries, setEntries] = useState<FaqEntrySummary[] | null>(null);
  const [open, setOpen] = useState<{ key: string; mode: 'attach' | 'draft' } | null>(null);
  const reload = useCallback(() => void commands.unanswered().then(setData), [commands]);
  useEffect(reload, [reload]);
  const toggle = (key: string, mode: 'attach' | 'draft') => {
    setOpen(open?.key === key && open.mode === mode ? null : { key, mode });
    if (mode === 'attach' && !entries) void commands.faqEntries().then(setEntries);
  };
  const done = (ok: boolean) => {
    if (!ok) return;
    setOpen(null);
    // The entries changed too (a phrasing more, an entry published).
    setEntries(null);
    reload();
  };

  const waiting = data?.additions.filter((a) => a.status === 'proposed' || a.status === 'draft') ?? [];
  const added = data?.additions.filter((a) => a.status === 'active').slice(0, 10) ?? [];
  return (
    <Dialog title="Unanswered questions" bulle="unanswered" onCancel={onClose} wide>
      {data === undefined && <p class="panel__hint">Loading…</p>}
      {data === null && <p class="panel__hint">Could not load the list.</p>}
      {waiting.length > 0 && (
        <section class="learn__section" data-bulle="faq-proposed">
          <h3 class="learn__heading">Proposed</h3>
          <ul class="unanswered">
            {waiting.map((a) => (
              <Proposal key={a.id} a={a} isAdmin={isAdmin} commands={commands} done={done} />
            ))}
          </ul>
        </section>
      )}
      {data?.groups.length === 0 && <p class="panel__hint">Nothing yet: every question got an answer that helped.</p>}
      {data && data.groups.length > 0 && (
        <ul class="unanswered">
          {data.groups.map((g) => (
            <li key={g.key} data-bulle="unanswered-item" data-reason={g.reasons[0]} data-count={g.count}>
              <div class="learn__row">
                <div class="unanswered__text">{g.text || '(no question text)'}</div>
                {g.count > 1 && (
                  <span class="learn__count" data-bulle="unanswered-count" title="Asked this many times">
                    ×{g.count}
                  </span>
                )}
              </div>
              <div class="panel__hint">
                {g.lang.toUpperCase()} · {formatStamp(g.latestAt)} · {g.reasons.map((r) => REASON[r]).join(', ')}
                {g.best ? ` · best match ${g.best.faqId} (${pct(g.best.confidence)})` : ' · no FAQ candidate'}
              </div>
              {g.attached && <Attached g={g} />}
              {g.text && g.attached?.status !== 'active' && (
                <div class="learn__actions">
                  <button type="button" class="btn btn--ghost btn--sm" data-bulle="attach-open" aria-expanded={open?.key === g.key && open.mode === 'attach'} onClick={() => toggle(g.key, 'attach')}>
                    Add as a phrasing of…
                  </button>
                  <button type="button" class="btn btn--ghost btn--sm" data-bulle="draft-open" aria-expanded={open?.key === g.key && open.mode === 'draft'} onClick={() => toggle(g.key, 'draft')}>
                    New entry…
                  </button>
                </div>
              )}
              {open?.key === g.key && open.mode === 'attach' && (
                <FaqEntryPicker group={g} entries={entries} onPick={async (faqId) => done(await commands.faqAttach(g.id, faqId))} />
              )}
              {open?.key === g.key && open.mode === 'draft' && <DraftForm g={g} languages={languages} commands={commands} done={done} />}
            </li>
          ))}
        </ul>
      )}
      {added.length > 0 && (
        <section class="learn__section" data-bulle="faq-added">
          <h3 class="learn__heading">Added to the FAQ</h3>
          <ul class="unanswered">
            {added.map((a) => (
              <li key={a.id} data-bulle="faq-added-item">
                <div class="unanswered__text">
                  “{a.text}” → {a.faqId}
                </div>
                <div class="panel__hint">
                  {a.lang.toUpperCase()} · {a.kind === 'entry' ? 'new entry' : 'phrasing'} · {who(a)} · {formatStamp(a.decidedAt ?? a.at)}
                  {isAdmin && (
                    <button type="button" class="link-btn learn__undo" data-bulle="faq-remove" onClick={async () => done(await commands.faqDismiss(a.id))}>
                      Remove
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
      <div class="dialog__actions">
        <button type="button" class="btn" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}

function who(a: FaqAddition): string {
  const by = a.source === 'visitor' ? 'proposed by a visitor' : `by ${a.addedBy?.name ?? 'an agent'}`;
  return a.decidedBy ? `${by}, confirmed by ${a.decidedBy.name}` : by;
}

function Attached({ g }: { g: UnansweredGroup }) {
  const a = g.attached!;
  const state = a.status === 'active' ? 'added' : a.status === 'draft' ? 'draft, waiting for an admin' : 'proposed, waiting for an admin';
  return (
    <div class="learn__attached" data-bulle="unanswered-attached" data-faq-id={a.faqId} data-status={a.status}>
      → {a.faqId} ({a.kind === 'entry' ? 'new entry' : 'phrasing'}, {state}, {formatStamp(a.at)})
    </div>
  );
}

function Proposal({ a, isAdmin, commands, done }: { a: FaqAddition; isAdmin: boolean; commands: FaqLearning; done(ok: boolean): void }) {
  const [busy, setBusy] = useState(false);
  const act = (f: (id: string) => Promise<boolean>) => async () => {
    setBusy(true);
    const ok = await f(a.id);
    setBusy(false);
    done(ok);
  };
  return (
    <li data-bulle="faq-proposal" data-kind={a.kind}>
      <div class="unanswered__text">
        {a.kind === 'entry' ? `New entry: “${a.text}”` : `“${a.text}” as a phrasing of ${a.faqId}`}
      </div>
      {a.answer && <div class="learn__answer">{a.answer}</div>}
      <div class="panel__hint">
        {a.lang.toUpperCase()} · {who(a)} · {formatStamp(a.at)}
        {!isAdmin && ' · waiting for an admin'}
      </div>
      {isAdmin && (
        <div class="learn__actions">
          <button type="button" class="btn btn--primary btn--sm" data-bulle="faq-confirm" disabled={busy} onClick={act(commands.faqConfirm)}>
            {a.kind === 'entry' ? 'Publish' : 'Confirm'}
          </button>
          <button type="button" class="btn btn--ghost btn--sm" data-bulle="faq-dismiss" disabled={busy} onClick={act(commands.faqDismiss)}>
            Dismiss
          </button>
        </div>
      )}
    </li>
  );
}

function DraftForm({ g, languages, commands, done }: { g: UnansweredGroup; languages: string[]; commands: FaqLearning; done(ok: boolean): void }) {
  const [question, setQuestion] = useState(g.text);
  const [answer, setAnswer] = useState('');
  const [lang, setLang] = useState(languages.includes(g.lang) ? g.lang : (languages[0] ?? g.lang));
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    const ok = await commands.faqDraft({ unansweredId: g.id, lang, question: question.trim(), answer: answer.trim() });
    setBusy(false);
    done(ok);
  };
  return (
    <form class="learn__panel" data-bulle="draft-form" onSubmit={submit}>
      <label class="field">
        <span>Question</span>
        <input required maxLength={500} value={question} data-bulle="draft-question" onInput={(e) => setQuestion(e.currentTarget.value)} />
      </label>
      <label class="field">
        <span>Answer</span>
        <textarea class="field__area" required maxLength={2000} rows={3} value={answer} data-bulle="draft-answer" onInput={(e) => setAnswer(e.currentTarget.value)} />
      </label>
      <label class="field">
        <span>Language</span>
        <select value={lang} data-bulle="draft-lang" onChange={(e) => setLang(e.currentTarget.value)}>
          {languages.map((l) => (
            <option key={l} value={l}>
              {languageName(l)}
            </option>
          ))}
        </select>
      </label>
      <div class="learn__actions">
        <button type="submit" class="btn btn--primary btn--sm" data-bulle="draft-save" disabled={busy}>
          Save draft
        </button>
        <span class="panel__hint">An admin publishes it.</span>
      </div>
    </form>
  );
}
