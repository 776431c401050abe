// "Test a question": the bot's decision on it against the FAQ as it is now (the same engine as
// for visitors), its confidence, and a table of the candidates with each component score.
import { useState } from 'preact/hooks';
import type { FaqTestResult } from '../../../protocol/types.js';
import { faqApi } from './faq-api.js';

interface Props {
  site: string;
  languages: string[];
}

const OUTCOME: Record<FaqTestResult['outcome'], string> = {
  answer: 'Answers',
  suggest: 'Offers "did you mean" buttons',
  fallback: 'Steps aside (offers a person)',
  handoff: 'Hands off to a person (asked for one)',
  smalltalk: 'Replies in kind (small talk)',
};
const n = (x: number) => x.toFixed(2);

export function TestBox({ site, languages }: Props) {
  const [text, setText] = useState('');
  const [lang, setLang] = useState('');
  const [result, setResult] = useState<FaqTestResult | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const run = async (e: Event) => {
    e.preventDefault();
    if (!text.trim()) return;
    setBusy(true);
    setError('');
    try {
      setResult(await faqApi.test(site, text.trim(), lang || undefined));
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const columns = [...new Set(result?.candidates.flatMap((c) => Object.keys(c.scores)) ?? [])];
  return (
    <section class="faq-test" aria-labelledby="faq-test-title">
      <h3 class="panel__title" id="faq-test-title">
        Test a question
      </h3>
      <form class="faq-row" onSubmit={run}>
        <input class="faq-input faq-test__text" aria-label="Question to test" placeholder="As a visitor would write it" value={text} data-bulle="faq-test-input" onInput={(e) => setText(e.currentTarget.value)} />
        <select class="faq-input" aria-label="Language of the question" value={lang} onChange={(e) => setLang(e.currentTarget.value)}>
          <option value="">detect</option>
          {languages.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
        <button type="submit" class="btn btn--primary btn--sm" data-bulle="faq-test-run" disabled={busy || !text.trim()}>
          Test
        </button>
      </form>
      {error && (
        <p class="notice notice--error" role="alert">
          {error}
        </p>
      )}
      {result && (
        <div data-bulle="faq-test-result" data-outcome={result.outcome} aria-live="polite">
          <p>
            <strong>{OUTCOME[result.outcome]}</strong>
            {result.faqId ? ` · ${result.faqId}` : ''} · confidence {n(result.confidence)} · language {result.lang}
            {result.detected ? ` (detected, ${n(result.langConfidence)})` : ''}
            {result.faqLang !== result.lang ? ` · answered from the ${result.faqLang} FAQ` : ''}
          </p>
          {result.answer && <p class="faq-test__answer">{result.answer}</p>}
          {result.candidates.length > 0 ? (
            // Focusable, so a keyboard can scroll a table wider than the page.
            <div class="faq-table-wrap" tabIndex={0} role="region" aria-label="Candidates and their component scores">
              <table class="faq-table" data-bulle="faq-scores">
                <caption>Candidates and their component scores</caption>
                <thead>
                  <tr>
                    <th scope="col">Entry</th>
                    <th scope="col">Confidence</th>
                    <th scope="col">Via</th>
                    {columns.map((c) => (
                      <th scope="col" key={c}>
                        {c}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {result.candidates.map((c) => (
                    <tr key={c.faqId} data-faq-id={c.faqId}>
                      <th scope="row" title={c.question}>
                        {c.faqId}
                      </th>
                      <td>{n(c.confidence)}</td>
                      <td>{c.via}</td>
                      {columns.map((k) => (
                        <td key={k}>{c.scores[k] === undefined ? '–' : n(c.scores[k]!)}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p class="muted">No FAQ entry came close.</p>
          )}
        </div>
      )}
    </section>
  );
}
