// The first-run setup page (served at /console/setup?token=…, see server/routes/setup.ts). Plain
// script, no build: it only fills a form, asks the server to check it, and shows the snippet.
(() => {
  const $ = (id) => document.getElementById(id);
  const token = new URLSearchParams(location.search).get('token') ?? '';
  const NAMES = { fr: 'Français', en: 'English', es: 'Español', de: 'Deutsch' };
  const origins = [];

  async function call(method, path, body) {
    const res = await fetch(path, { method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });
    const json = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(json.error?.message ?? `Server error (${res.status})`);
    return json;
  }
  const list = (ul, items) => ul.replaceChildren(...items.map((t) => Object.assign(document.createElement('li'), { textContent: t })));

  // "Atelier Lune — Lyon" → "atelier-lune-lyon" (the server derives the same when the field is empty).
  const slug = (name) => name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40).replace(/-+$/, '');
  let idEdited = false;
  $('site-name').addEventListener('input', () => {
    if (!idEdited) $('site-id').value = slug($('site-name').value);
  });
  $('site-id').addEventListener('input', () => (idEdited = $('site-id').value !== ''));

  let pending;
  const checkPassword = () => {
    clearTimeout(pending);
    pending = setTimeout(async () => {
      const password = $('admin-password').value;
      if (!password) return list($('password-problems'), []);
      const r = await call('POST', '/api/setup/password-check', { password, email: $('admin-email').value, siteName: $('site-name').value }).catch((e) => ({ problems: [e.message] }));
      list($('password-problems'), r.problems.length ? r.problems : []);
    }, 250);
  };
  for (const id of ['admin-password', 'admin-email', 'site-name']) $(id).addEventListener('input', checkPassword);

  async function testOrigin() {
    const r = await call('POST', '/api/setup/origin-check', { origin: $('origin-input').value }).catch((e) => ({ ok: false, message: e.message }));
    list($('origin-notes'), r.ok ? r.notes : [r.message]);
    $('origin-notes').className = r.ok ? 'notes' : 'problems';
    return r;
  }
  function showOrigins() {
    $('origins').replaceChildren(
      ...origins.map((o, i) => {
        const li = Object.assign(document.createElement('li'), { textContent: o });
        const remove = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Remove' });
        remove.addEventListener('click', () => (origins.splice(i, 1), showOrigins()));
        li.append(remove);
        return li;
      }),
    );
  }
  $('origin-test').addEventListener('click', testOrigin);
  $('origin-add').addEventListener('click', async () => {
    const r = await testOrigin();
    if (!r.ok) return;
    if (!origins.includes(r.origin)) origins.push(r.origin);
    $('origin-input').value = '';
    showOrigins();
  });

  function showLanguages(langs) {
    $('languages').replaceChildren(
      ...langs.map((l) => {
        const label = document.createElement('label');
        const box = Object.assign(document.createElement('input'), { type: 'checkbox', value: l, checked: l === 'en' });
        box.addEventListener('change', showDefaults);
        label.append(box, ` ${NAMES[l] ?? l}`);
        return label;
      }),
    );
    showDefaults();
  }
  const chosen = () => [...$('languages').querySelectorAll('input:checked')].map((b) => b.value);
  function showDefaults() {
    const before = $('default-language').value;
    $('default-language').replaceChildren(...chosen().map((l) => Object.assign(document.createElement('option'), { value: l, textContent: NAMES[l] ?? l })));
    if (chosen().includes(before)) $('default-language').value = before;
  }

  $('setup-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    $('form-error').textContent = '';
    // An origin typed but not added yet is surely meant.
    if ($('origin-input').value.trim()) {
      const r = await testOrigin();
      if (!r.ok) return;
      if (!origins.includes(r.origin)) origins.push(r.origin);
      $('origin-input').value = '';
      showOrigins();
    }
    const body = {
      token,
      admin: { name: $('admin-name').value.trim() || 'Admin', email: $('admin-email').value.trim(), password: $('admin-password').value },
      site: { name: $('site-name').value.trim(), languages: chosen(), defaultLanguage: $('default-language').value, allowedOrigins: origins },
    };
    if ($('site-id').value) body.site.id = $('site-id').value;
    $('setup-submit').disabled = true;
    try {
      const r = await call('POST', '/api/setup', body);
      $('setup-form').hidden = true;
      $('status').textContent = '';
      $('snippet').value = r.snippet;
      $('done').hidden = false;
    } catch (e) {
      $('form-error').textContent = e.message;
    } finally {
      $('setup-submit').disabled = false;
    }
  });
  $('snippet-copy').addEventListener('click', async () => {
    $('snippet').select();
    await navigator.clipboard?.writeText($('snippet').value).catch(() => document.execCommand('copy'));
    $('copied').textContent = 'Copied.';
  });

  call('GET', `/api/setup/status?token=${encodeURIComponent(token)}`).then(
    (s) => {
      if (!s.open) return void ($('status').innerHTML = 'Setup is done already. <a href="/console/">Open the agent console</a>.');
      if (!s.tokenOk) return void ($('status').textContent = 'This setup link is not valid. Use the link printed in the server log when it started.');
      showLanguages(s.languages);
      $('setup-form').hidden = false;
    },
    (e) => ($('status').textContent = e.message),
  );
})();
