// The FAQ editor page (admins): pick a site and a language, find an entry, edit it (entry-editor),
// import or export the language's FAQ file, and try a question on the bot (test-box). Loaded only
// when an admin opens it (ui/faq-editor-dialog.tsx).
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { FaqEditorEntry, FaqEditorListItem, SiteInfo } from '../../../protocol/types.js';
import { EntryEditor } from './entry-editor.js';
import { faqApi } from './faq-api.js';
import { ImportButton } from './import-button.js';
import { TestBox } from './test-box.js';
import './faq-editor.css';

export interface FaqEditorProps {
  sites: SiteInfo[];
  topics: string[];
}

/** Ignores case and accents: "livraison" finds "Livraison à l'étranger". */
const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();

export function FaqEditor({ sites, topics }: FaqEditorProps) {
  const [siteId, setSiteId] = useState(sites[0]?.id ?? '');
  const site = sites.find((s) => s.id === siteId) ?? sites[0];
  const [lang, setLang] = useState(site?.defaultLanguage ?? '');
  const [items, setItems] = useState<FaqEditorListItem[]>([]);
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<FaqEditorEntry | null | 'new'>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');

  const refresh = useCallback(async () => {
    if (!site) return;
    try {
      setItems((await faqApi.list(site.id, lang)).entries);
      setError('');
    } catch (err) {
      setItems([]);
      setError((err as Error).message);
    }
  }, [site, lang]);
  useEffect(() => {
    setSelected(null);
    void refresh();
  }, [refresh]);

  const open = async (id: string) => {
    try {
      setSelected(await faqApi.get(site!.id, lang, id));
      setStatus('');
    } catch (err) {
      setError((err as Error).message);
    }
  };
  const changed = (next: FaqEditorEntry, said: string) => {
    setSelected(next);
    setStatus(said);
    void refresh();
  };

  const shown = useMemo(() => {
    const q = fold(search.trim());
    return q ? items.filter((i) => fold(`${i.id} ${i.question}`).includes(q)) : items;
  }, [items, search]);

  if (!site) return <p>No site to edit.</p>;
  return (
    <div class="faq-editor" data-bulle="faq-editor-page">
      <div class="faq-editor__bar">
        <label class="faq-pick">
          Site
          <select class="faq-input" value={site.id} data-bulle="faq-site" onChange={(e) => {
            const next = sites.find((s) => s.id === e.currentTarget.value)!;
            setSiteId(next.id);
            setLang(next.defaultLanguage);
          }}>
            {sites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label class="faq-pick">
          Language
          <select class="faq-input" value={lang} data-bulle="faq-lang" onChange={(e) => setLang(e.currentTarget.value)}>
            {site.languages.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <a class="btn btn--ghost btn--sm" data-bulle="faq-export" href={faqApi.exportUrl(site.id, lang)} download={`${lang}.json`}>
          Export JSON
        </a>
        <ImportButton site={site.id} lang={lang} onDone={(said) => { setStatus(said); setSelected(null); void refresh(); }} onError={setError} />
        <p class="faq-status" role="status" data-bulle="faq-status">
          {status}
        </p>
      </div>
      {error && (
        <p class="notice notice--error" role="alert" data-bulle="faq-page-error">
          {error}
        </p>
      )}
      <div class="faq-editor__body">
        <nav class="faq-list" aria-label="Entries">
          <input class="faq-input" type="search" aria-label="Search the entries" placeholder="Search entries" value={search} data-bulle="faq-search" onInput={(e) => setSearch(e.currentTarget.value)} />
          <button type="button" class="link-btn" data-bulle="faq-new" onClick={() => setSelected('new')}>
            + New entry
          </button>
          <ul>
            {shown.map((i) => (
              <li key={i.id}>
                <button
                  type="button"
                  class={`faq-list__item${selected && selected !== 'new' && selected.item.id === i.id ? ' is-on' : ''}${i.deleted ? ' is-deleted' : ''}`}
                  data-bulle="faq-entry"
                  data-faq-id={i.id}
                  aria-current={selected && selected !== 'new' && selected.item.id === i.id ? 'true' : undefined}
                  onClick={() => void open(i.id)}
                >
                  <span>{i.question}</span>
                  <span class="faq-list__tags">
                    {i.draft && <span class="faq-tag">draft</span>}
                    {i.edited && <span class="faq-tag">edited</span>}
                    {i.deleted && <span class="faq-tag">deleted</span>}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <div class="faq-editor__main">
          {selected ? (
            <EntryEditor key={selected === 'new' ? 'new' : selected.item.id} site={site.id} lang={lang} current={selected === 'new' ? null : selected} topics={topics} onChanged={changed} />
          ) : (
            <p class="muted">Pick an entry on the left, or add one.</p>
          )}
          <TestBox site={site.id} languages={site.languages} />
        </div>
      </div>
    </div>
  );
}
