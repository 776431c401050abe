// The admin's Sites page: the sites they work on (one open at a time), and a new one. Loaded only
// when it opens, like the numbers.
import { useEffect, useState } from 'preact/hooks';
import type { Lang } from '../../../protocol/types.js';
import { languageName } from '../lib/format.js';
import { SiteForm, SITE_LANGS } from './site-form.js';
import { createSite, listSites, type AdminSite } from './sites-api.js';
import './sites.css';

export function SitesPage() {
  const [sites, setSites] = useState<AdminSite[] | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    listSites().then(
      (list) => {
        setSites(list);
        setOpenId(list[0]?.id ?? null);
      },
      (err: Error) => setError(err.message),
    );
  }, []);
  if (error) return <p class="sites__error" role="alert">{error}</p>;
  if (!sites) return <p class="panel__empty">Loading your sites…</p>;
  const open = sites.find((s) => s.id === openId);
  const saved = (site: AdminSite) => setSites(sites.map((s) => (s.id === site.id ? site : s)));
  const created = (site: AdminSite) => {
    setSites([...sites, site]);
    setOpenId(site.id);
  };
  return (
    <div class="sites" data-bulle="sites-page">
      <nav class="sites__nav" aria-label="Your sites">
        <ul class="sites__list">
          {sites.map((s) => (
            <li key={s.id}>
              <button type="button" class={`btn btn--sm${s.id === openId ? ' btn--primary' : ' btn--ghost'}`} aria-current={s.id === openId ? 'page' : undefined} data-bulle="site-tab" data-site={s.id} onClick={() => setOpenId(s.id)}>
                {s.name}
                {s.disabled ? ' (disabled)' : ''}
              </button>
            </li>
          ))}
        </ul>
        <NewSite onCreated={created} />
      </nav>
      {open && <SiteForm key={open.id} site={open} onSaved={saved} />}
    </div>
  );
}

function NewSite({ onCreated }: { onCreated(site: AdminSite): void }) {
  const [name, setName] = useState('');
  const [languages, setLanguages] = useState<Lang[]>(['en']);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!languages.length) return setProblem('Choose at least one language.');
    setBusy(true);
    setProblem(null);
    try {
      onCreated(await createSite({ name: name.trim(), languages, defaultLanguage: languages[0]!, allowedOrigins: [] }));
      setName('');
    } catch (err) {
      setProblem((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="sites__new" data-bulle="site-new" aria-labelledby="site-new-title" onSubmit={(e) => void submit(e)}>
      <h3 id="site-new-title" class="ctx__title">
        New site
      </h3>
      <label class="sites__field">
        Shop name
        <input data-bulle="site-new-name" value={name} required maxLength={80} onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <fieldset class="sites__group">
        <legend>Languages</legend>
        {SITE_LANGS.map((l) => (
          <label key={l} class={`chip${languages.includes(l) ? ' is-on' : ''}`}>
            <input type="checkbox" checked={languages.includes(l)} onChange={() => setLanguages(languages.includes(l) ? languages.filter((x) => x !== l) : [...languages, l])} /> {languageName(l)}
          </label>
        ))}
      </fieldset>
      <p role="alert" class="sites__error">
        {problem}
      </p>
      <button type="submit" class="btn btn--sm" disabled={busy || !name.trim()}>
        {busy ? 'Creating…' : 'Create the site'}
      </button>
    </form>
  );
}
