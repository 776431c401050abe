// The bot's confidence thresholds for this site: from "answer" it answers, from "suggest" (below
// answer) it offers "did you mean" buttons, below that it hands over. Empty: the bot's defaults.

export interface ThresholdsDraft {
  answer: string;
  suggest: string;
}

export const thresholdsDraft = (t: { answer: number; suggest: number } | null): ThresholdsDraft => ({
  answer: t ? String(t.answer) : '',
  suggest: t ? String(t.suggest) : '',
});

/** The thresholds to save (null: the defaults), or what is wrong with them. */
export function parseThresholds(d: ThresholdsDraft): { thresholds: { answer: number; suggest: number } | null } | { problem: string } {
  if (!d.answer.trim() && !d.suggest.trim()) return { thresholds: null };
  const answer = Number(d.answer);
  const suggest = Number(d.suggest);
  if (!d.answer.trim() || !d.suggest.trim() || !(answer >= 0 && answer <= 1) || !(suggest >= 0 && suggest <= 1)) {
    return { problem: 'Bot thresholds: give both, each between 0 and 1 (or leave both empty for the defaults).' };
  }
  if (!(suggest < answer)) return { problem: 'Bot thresholds: "suggest" must be below "answer".' };
  return { thresholds: { answer, suggest } };
}

export function ThresholdsField({ siteId, draft, onChange }: { siteId: string; draft: ThresholdsDraft; onChange(d: ThresholdsDraft): void }) {
  const help = `thresholds-help-${siteId}`;
  return (
    <fieldset class="sites__group" data-bulle="site-thresholds">
      <legend>Bot thresholds</legend>
      <p class="muted" id={help}>
        Between 0 and 1. The bot answers from "answer", offers "did you mean" from "suggest", and hands the chat over below it. Leave both empty for the
        bot's defaults.
      </p>
      <div class="sites__row">
        <label class="sites__field">
          Answer from
          <input type="number" data-bulle="threshold-answer" min={0} max={1} step={0.01} aria-describedby={help} value={draft.answer} onInput={(e) => onChange({ ...draft, answer: e.currentTarget.value })} />
        </label>
        <label class="sites__field">
          Suggest from
          <input type="number" data-bulle="threshold-suggest" min={0} max={1} step={0.01} aria-describedby={help} value={draft.suggest} onInput={(e) => onChange({ ...draft, suggest: e.currentTarget.value })} />
        </label>
      </div>
    </fieldset>
  );
}
