// The site's proactive rules: listed with when they fire, each switched on or off, edited in place,
// deleted; a new one added (at most 8); and the quiet pages where none fires. Saved with the form.
import { useState } from 'preact/hooks';
import type { Lang } from '../../../protocol/types.js';
import { RuleEditor } from './rule-editor.js';
import { emptyRule, ruleSummary, type RuleDraft } from './rule-draft.js';

const MAX_RULES = 8;

interface Props {
  siteId: string;
  languages: Lang[];
  rules: RuleDraft[];
  onRules(rules: RuleDraft[]): void;
  exclude: string;
  onExclude(exclude: string): void;
  /** The form's last refusal, and which rule it names (null: none of them). */
  problem: { index: number | null; text: string } | null;
}

export function RulesField({ siteId, languages, rules, onRules, exclude, onExclude, problem }: Props) {
  const [editing, setEditing] = useState<number | null>(null);
  const put = (i: number, d: RuleDraft) => onRules(rules.map((r, j) => (j === i ? d : r)));
  const add = () => {
    let n = rules.length + 1;
    while (rules.some((r) => r.id === `rule-${n}`)) n++;
    onRules([...rules, emptyRule(n)]);
    setEditing(rules.length);
  };
  const remove = (i: number) => {
    onRules(rules.filter((_, j) => j !== i));
    setEditing(null);
  };
  const quiet = `rules-quiet-${siteId}`;
  return (
    <fieldset class="sites__group" data-bulle="site-rules">
      <legend>Proactive messages</legend>
      <p class="muted">The widget speaks first when a rule's conditions hold, at most as often as its cap allows.</p>
      <ul class="sites__list">
        {rules.map((r, i) => (
          <li key={i} class="sites__rule" data-bulle="rule" data-rule={r.id}>
            <div class="sites__row">
              <label class={`chip${r.off ? '' : ' is-on'}`} data-bulle="rule-switch">
                <input type="checkbox" data-bulle="rule-on" aria-label={`${r.id}: on`} checked={!r.off} onChange={(e) => put(i, { ...r, off: !e.currentTarget.checked })} /> <strong>{r.id}</strong>
              </label>
              <span class="muted">{r.off ? 'off' : ruleSummary(r)}</span>
              <button type="button" class="btn btn--ghost btn--sm" data-bulle="rule-edit" aria-expanded={editing === i} onClick={() => setEditing(editing === i ? null : i)}>
                {editing === i ? `Close ${r.id}` : `Edit ${r.id}`}
              </button>
              <button type="button" class="btn btn--ghost btn--sm" data-bulle="rule-delete" onClick={() => remove(i)}>
                Delete {r.id}
              </button>
            </div>
            {problem?.index === i && (
              <p class="sites__error" data-bulle="rule-problem">
                {problem.text}
              </p>
            )}
            {editing === i && <RuleEditor draft={r} languages={languages} onChange={(d) => put(i, d)} />}
          </li>
        ))}
      </ul>
      {rules.length < MAX_RULES && (
        <button type="button" class="btn btn--sm" data-bulle="rule-add" onClick={add}>
          Add a rule
        </button>
      )}
      <label class="sites__field" for={quiet}>
        Quiet pages, one a line (* = anything): no rule fires there
      </label>
      <textarea id={quiet} rows={2} data-bulle="rules-exclude" value={exclude} placeholder="/checkout*" onInput={(e) => onExclude(e.currentTarget.value)} />
    </fieldset>
  );
}
