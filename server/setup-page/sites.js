// The admin's Sites page (/console/sites; API in server/routes/admin-sites.ts). Plain script, no
// build: one form per site, saved whole with PATCH; a new site with POST.
(() => {
  const $ = (id) => document.getElementById(id);
  const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

  async function call(method, path, body) {
    const res = await fetch(path, { method, credentials: 'same-origin', headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });
    const json = await res.json().catch(() => ({}));
    if (!res.ok) throw Object.assign(new Error(json.error?.message ?? `Server error (${res.status})`), { status: res.status });
    return json;
  }
  const make = (tag, props = {}, children = []) => {
    const node = Object.assign(document.createElement(tag), props);
    node.append(...children);
    return node;
  };
  const field = (label, input) => make('label', {}, [label + ' ', input]);
  const lines = (text) => text.split('\n').map((l) => l.trim()).filter(Boolean);
  // "09:00-12:00, 14:00-18:00" ⇄ [["09:00","12:00"],["14:00","18:00"]]
  const rangesText = (ranges) => (ranges ?? []).map(([a, b]) => `${a}-${b}`).join(', ');
  const parseRanges = (text) => text.split(',').map((r) => r.trim()).filter(Boolean).map((r) => r.split('-').map((t) => t.trim()));

  function siteForm(site) {
    const name = make('input', { value: site.name, maxLength: 80 });
    const disabled = make('input', { type: 'checkbox', checked: site.disabled });
    const languages = make('input', { value: site.languages.join(', ') });
    const defaultLanguage = make('input', { value: site.defaultLanguage, maxLength: 2 });
    const origins = make('textarea', { rows: 2, value: site.allowedOrigins.join('\n') });
    const welcome = Object.fromEntries(site.languages.map((l) => [l, make('textarea', { rows: 2, maxLength: 500, value: site.welcome[l] ?? '' })]));
    const tz = make('input', { value: site.businessHours?.timeZone ?? '', placeholder: 'Europe/Paris (empty: always open)' });
    const days = Object.fromEntries(DAYS.map((d) => [d, make('input', { value: rangesText(site.businessHours?.days[d]), placeholder: 'closed' })]));
    const agents = site.agents.map((a) => ({ a, box: make('input', { type: 'checkbox', checked: a.works, disabled: a.role === 'admin' && a.works }) }));
    const snippet = make('textarea', { readOnly: true, rows: 2, value: site.snippet });
    const copy = make('button', { type: 'button', textContent: 'Copy snippet' });
    copy.addEventListener('click', () => navigator.clipboard?.writeText(site.snippet).then(() => (copy.textContent = 'Copied')));
    const error = make('p', { className: 'error', role: 'alert' });
    const drafts = Object.entries(site.drafts).filter(([, n]) => n > 0).map(([l, n]) => `${l}: ${n}`);
    const form = make('form', { className: 'site' }, [
      make('fieldset', {}, [
        make('legend', { textContent: `${site.name} (${site.id})${site.disabled ? ' — disabled' : ''}` }),
        field('Name', name),
        make('label', {}, [disabled, ' Disabled (the widget is refused, the data stays)']),
        snippet,
        copy,
        field('Languages (fr, en, es, de)', languages),
        field('Default language', defaultLanguage),
        field('Allowed origins (one per line)', origins),
        ...site.languages.map((l) => field(`Welcome text (${l})`, welcome[l])),
        field('Time zone', tz),
        ...DAYS.map((d) => field(`${d} hours`, days[d])),
        make('div', { className: 'group', role: 'group', ariaLabel: 'Agents on this site' }, [make('p', { textContent: 'Agents on this site:' }), ...agents.map(({ a, box }) => make('label', {}, [box, ` ${a.name} (${a.email})`]))]),
        make('p', { className: 'help', textContent: drafts.length ? `Starter FAQ entries still marked draft — ${drafts.join(', ')}: adapt their answers to your shop (the console's FAQ page).` : 'No draft FAQ entries.' }),
        error,
        make('button', { type: 'submit', textContent: 'Save' }),
      ]),
    ]);
    form.dataset.site = site.id;
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      error.textContent = '';
      const langs = languages.value.split(',').map((l) => l.trim()).filter(Boolean);
      const texts = Object.fromEntries(Object.entries(welcome).filter(([l, t]) => langs.includes(l) && t.value.trim()).map(([l, t]) => [l, t.value.trim()]));
      const body = {
        name: name.value.trim(),
        disabled: disabled.checked,
        languages: langs,
        defaultLanguage: defaultLanguage.value.trim(),
        allowedOrigins: lines(origins.value),
        welcome: Object.keys(texts).length ? texts : null,
        businessHours: tz.value.trim() ? { timeZone: tz.value.trim(), days: Object.fromEntries(DAYS.map((d) => [d, parseRanges(days[d].value)]).filter(([, r]) => r.length)) } : null,
        agentIds: agents.filter(({ box }) => box.checked).map(({ a }) => a.id),
      };
      try {
        const { site: saved } = await call('PATCH', `/api/admin/sites/${encodeURIComponent(site.id)}`, body);
        form.replaceWith(siteForm(saved));
      } catch (e) {
        error.textContent = e.message;
      }
    });
    return form;
  }

  async function load() {
    try {
      const { sites } = await call('GET', '/api/admin/sites');
      $('sites').replaceChildren(...sites.map(siteForm));
      $('new-site').hidden = false;
    } catch (e) {
      $('status').textContent = e.status === 401 ? 'Please log in to the console first.' : e.message;
    }
  }
  $('new-site').addEventListener('submit', async (event) => {
    event.preventDefault();
    $('new-error').textContent = '';
    const languages = $('new-languages').value.split(',').map((l) => l.trim()).filter(Boolean);
    try {
      const { site } = await call('POST', '/api/admin/sites', { name: $('new-name').value.trim(), languages, defaultLanguage: languages[0] ?? 'en', allowedOrigins: lines($('new-origins').value) });
      $('sites').append(siteForm(site));
      $('new-site').reset();
    } catch (e) {
      $('new-error').textContent = e.message;
    }
  });
  load();
})();
