// The console's FAQ editor over HTTP, with the real server and real visitor sockets: an admin
// edits a French entry's answer and the next French visitor gets it, no restart; undo brings the
// old one back; a bad entry is refused field by field and changes nothing; an agent is refused;
// a stale version is a CONFLICT; a test question shows every candidate's scores; a language's
// FAQ exported and imported again changes nothing, and an import replaces what differs.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ERR, SERVER_EVT, VISITOR_CMD } from '../../protocol/events.js';
import type { FaqEditorEntry, FaqEditorListItem, FaqFileData, FaqImportResult, FaqTestResult, Message } from '../../protocol/types.js';
import { clientId, closeClients, connectVisitor, loginCookie, ok, page, startServer, tempDir, waitFor, type TestServer } from '../helpers/server.js';
import { AGENTS } from './console-helpers.js';
import type { Worker } from 'node:worker_threads';
import type { Bots } from '../../server/bot/bots.js';

const WAIT = 30_000;
let server: TestServer;
let alex: string;
beforeAll(async () => {
  server = await startServer();
  alex = await loginCookie(server.url, ...AGENTS.alex);
});
afterAll(() => server.close());
afterEach(() => closeClients());

const FR = '/api/admin/faq/demo/fr';

async function api<T = unknown>(method: string, path: string, body?: unknown, cookie = alex): Promise<{ status: number; json: T }> {
  const res = await fetch(server.url + path, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, json: (await res.json()) as T };
}

/** A new French visitor asks `text`: the bot's reply. */
async function askFrench(text: string): Promise<Message> {
  const v = connectVisitor(server.url, { siteId: 'demo', languages: ['fr-FR'] });
  await waitFor(v, 'connect', () => true, WAIT);
  const seen = waitFor<Message>(v, SERVER_EVT.messageCreated, (m) => m.author === 'bot', WAIT);
  await ok(v, VISITOR_CMD.messageSend, { clientId: clientId(), text, page });
  const m = await seen;
  v.close();
  return (await server.app.store.listMessages(m.conversationId, m.seq - 1, 1))[0]!;
}

describe('the FAQ editor', () => {
  const question = 'Proposez-vous des cartes cadeaux ?';
  const newAnswer = 'Oui : des cartes cadeaux de 20 à 200 €, valables deux ans, en vente à la caisse de l’atelier.';

  it('an edited answer reaches the next visitor at once; undo brings the old one back', async () => {
    const list = await api<{ entries: FaqEditorListItem[] }>('GET', `${FR}/entries`);
    expect(list.status).toBe(200);
    const item = list.json.entries.find((e) => e.id === 'gift-cards')!;
    expect(item).toMatchObject({ question, draft: false, edited: false, deleted: false, version: 0, inFiles: true });
    const before = (await api<FaqEditorEntry>('GET', `${FR}/entries/gift-cards`)).json;
    expect(before.history).toEqual([]);
    const oldAnswers = before.entry!.answers;
    expect(oldAnswers.length).toBeGreaterThan(0);
    const first = await askFrench(question);
    expect(first.bot).toMatchObject({ outcome: 'answer', faqId: 'gift-cards' });
    expect(oldAnswers).toContain(first.text);

    const saved = await api<FaqEditorEntry>('PUT', `${FR}/entries/gift-cards`, { version: 0, entry: { ...before.entry, answers: [newAnswer] } });
    expect(saved.status).toBe(200);
    expect(saved.json.item).toMatchObject({ version: 1, edited: true });
    expect(saved.json.entry!.answers).toEqual([newAnswer]);
    expect(saved.json.history[0]).toMatchObject({ version: 1, action: 'save', by: { name: 'Alex' } });

    const after = await askFrench(question);
    expect(after.bot).toMatchObject({ outcome: 'answer', faqId: 'gift-cards' });
    expect(after.text).toBe(newAnswer);
    // A replacement bot thread (the last one died) has the edit too.
    await (server.app.bots as Bots & { thread(): Worker | null }).thread()?.terminate();
    expect((await askFrench(question)).text).toBe(newAnswer);

    // Saving again from the version first opened: someone changed it since.
    const stale = await api<{ error: { code: string } }>('PUT', `${FR}/entries/gift-cards`, { version: 0, entry: before.entry });
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe(ERR.conflict);

    const undone = await api<FaqEditorEntry>('POST', `${FR}/entries/gift-cards/undo`, { version: 1 });
    expect(undone.status).toBe(200);
    expect(undone.json.item.version).toBe(2);
    expect(undone.json.entry!.answers).toEqual(oldAnswers);
    expect(undone.json.history.map((h) => [h.version, h.action, h.restored])).toEqual([
      [2, 'undo', 0],
      [1, 'save', undefined],
    ]);
    const back = await askFrench(question);
    expect(oldAnswers).toContain(back.text);
  }, 120_000);

  it('refuses a bad entry field by field and changes nothing; an agent is refused; deleting can be undone', async () => {
    const current = (await api<FaqEditorEntry>('GET', `${FR}/entries/invoice`)).json;
    const bad = { ...current.entry, answers: [], links: [{ label: 'Facture', url: 'javascript:alert(1)' }], topic: 'Not A Topic', intent: ['no_such_intent'] };
    const refused = await api<{ error: { code: string; message: string; fields: { path: string; message: string }[] } }>('PUT', `${FR}/entries/invoice`, { version: 0, entry: bad });
    expect(refused.status).toBe(400);
    expect(refused.json.error.code).toBe(ERR.badPayload);
    expect(refused.json.error.fields.map((f) => f.path)).toEqual(['answers', 'topic', 'intent', 'links[0].url']);
    expect(refused.json.error.message).toContain('intent: must be a built-in intent id or a list of them (unknown: "no_such_intent"');
    expect(refused.json.error.message).toContain('answers: must be a non-empty array of strings');
    expect(refused.json.error.message).toContain('links[0].url: must use http:, https: or mailto:');
    expect((await api<FaqEditorEntry>('GET', `${FR}/entries/invoice`)).json).toEqual(current);

    const camille = await loginCookie(server.url, ...AGENTS.camille);
    const forbidden = await api<{ error: { code: string } }>('PUT', `${FR}/entries/invoice`, { version: 0, entry: current.entry }, camille);
    expect(forbidden).toMatchObject({ status: 403, json: { error: { code: ERR.forbidden } } });
    expect((await api('GET', `${FR}/entries`, undefined, camille)).status).toBe(403);
    expect((await api('GET', '/api/admin/faq/no-such-site/fr/entries')).status).toBe(404);
    expect((await api('GET', `${FR}/entries/no-such-entry`)).status).toBe(404);

    // A new entry may not take an id the FAQ has.
    const taken = await api<{ error: { code: string } }>('PUT', `${FR}/entries/invoice`, { version: 0, entry: current.entry, create: true });
    expect(taken).toMatchObject({ status: 409, json: { error: { code: ERR.conflict } } });
    const added = await api<FaqEditorEntry>('PUT', `${FR}/entries/bike-rental`, { version: 0, create: true, entry: { id: 'bike-rental', question: 'Louez-vous des vélos ?', phrasings: [], keywords: ['vélo'], answers: ['Non, mais notre voisin, oui.'] } });
    expect(added.json.item).toMatchObject({ version: 1, inFiles: false, edited: true });

    const deleted = await api<FaqEditorEntry>('DELETE', `${FR}/entries/invoice?version=0`);
    expect(deleted.json).toMatchObject({ item: { deleted: true, version: 1 }, entry: null });
    expect((await api<{ entries: FaqEditorListItem[] }>('GET', `${FR}/entries`)).json.entries.find((e) => e.id === 'invoice')).toMatchObject({ deleted: true });
    const restored = await api<FaqEditorEntry>('POST', `${FR}/entries/invoice/undo`, { version: 1 });
    expect(restored.json.entry).toEqual(current.entry);
    // An entry the widget's welcome offers (in the site's default language, English) stays: a
    // server would refuse to start without it.
    const welcome = await api<{ error: { code: string; message: string } }>('DELETE', '/api/admin/faq/demo/en/entries/returns-policy?version=0');
    expect(welcome).toMatchObject({ status: 409, json: { error: { code: ERR.conflict } } });
    expect(welcome.json.error.message).toContain('welcome');
  }, 60_000);

  it('tests a question: the decision, its confidence and each candidate with its component scores', async () => {
    const res = await api<FaqTestResult>('POST', '/api/admin/faq/demo/test', { text: 'Comment obtenir ma facture ?' });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ lang: 'fr', detected: true, faqLang: 'fr', outcome: 'answer', faqId: 'invoice' });
    expect(res.json.confidence).toBeGreaterThan(0.5);
    expect(res.json.candidates.length).toBeGreaterThan(1);
    const best = res.json.candidates[0]!;
    expect(best).toMatchObject({ faqId: 'invoice', question: 'Comment obtenir ma facture ?' });
    expect(Object.keys(best.scores).length).toBeGreaterThan(2);
    const unsure = await api<FaqTestResult>('POST', '/api/admin/faq/demo/test', { text: 'Mon chat joue-t-il du piano ?', lang: 'fr' });
    expect(unsure.json).toMatchObject({ detected: false, lang: 'fr' });
    expect(unsure.json.outcome).not.toBe('answer');
    expect((await api('POST', '/api/admin/faq/demo/test', { text: '' })).status).toBe(400);
  }, 60_000);

  it('export then import changes nothing; an import replaces what differs; a bad file saves nothing', async () => {
    const exported = await fetch(server.url + `${FR}/export`, { headers: { cookie: alex } });
    expect(exported.headers.get('content-disposition')).toContain('fr.json');
    const file = (await exported.json()) as FaqFileData;
    expect(file.lang).toBe('fr');
    expect(file.entries.length).toBeGreaterThan(20);
    const same = await api<FaqImportResult>('POST', `${FR}/import`, file);
    expect(same.json).toEqual({ saved: [], deleted: [], unchanged: file.entries.length });

    const versions = (await server.app.store.listFaqVersions('demo')).length;
    const broken = structuredClone(file);
    broken.entries[2]!.links = [{ label: 'x', url: 'ftp://example.com' }];
    (broken.entries[3] as { answer?: string }).answer = 'typo';
    const refused = await api<{ error: { message: string } }>('POST', `${FR}/import`, broken);
    expect(refused.status).toBe(400);
    expect(refused.json.error.message).toContain(`entries[2] ("${file.entries[2]!.id}").links[0].url: must use http:, https: or mailto:`);
    expect(refused.json.error.message).toContain(`entries[3] ("${file.entries[3]!.id}").answer: unknown field`);
    expect((await server.app.store.listFaqVersions('demo')).length).toBe(versions);

    const changed = structuredClone(file);
    changed.entries[0]!.answers = ['Réponse importée.'];
    const dropped = changed.entries.pop()!;
    const imported = await api<FaqImportResult>('POST', `${FR}/import`, changed);
    expect(imported.json).toEqual({ saved: [changed.entries[0]!.id], deleted: [dropped.id], unchanged: changed.entries.length - 1 });
    const again = (await (await fetch(server.url + `${FR}/export`, { headers: { cookie: alex } })).json()) as FaqFileData;
    expect(again).toEqual(changed);
  }, 60_000);

  it('edits survive a restart: the FAQ at start is the files with each edited entry\'s latest version; the Sites page counts drafts left', async () => {
    const data = await tempDir();
    try {
      const first = await startServer({ dataDir: data.dir, botThread: false });
      const cookie = await loginCookie(first.url, ...AGENTS.alex);
      const noVersion = await fetch(`${first.url}${FR}/entries/promo-code`, { method: 'DELETE', headers: { cookie } });
      expect(noVersion.status).toBe(400);
      const gone = await fetch(`${first.url}${FR}/entries/promo-code?version=0`, { method: 'DELETE', headers: { cookie } });
      expect(gone.status).toBe(200);
      // A new site's starter FAQ: adapting an entry (no longer a draft) counts on the Sites page.
      const json = { cookie, 'content-type': 'application/json' };
      const created = await fetch(`${first.url}/api/admin/sites`, { method: 'POST', headers: json, body: JSON.stringify({ name: 'Outlet', languages: ['fr'], defaultLanguage: 'fr', allowedOrigins: [] }) });
      expect((await created.json()) as { site: { drafts: Record<string, number> } }).toMatchObject({ site: { drafts: { fr: 7 } } });
      const list = (await (await fetch(`${first.url}/api/admin/faq/outlet/fr/entries`, { headers: { cookie } })).json()) as { entries: FaqEditorListItem[] };
      const starter = (await (await fetch(`${first.url}/api/admin/faq/outlet/fr/entries/${list.entries[0]!.id}`, { headers: { cookie } })).json()) as FaqEditorEntry;
      expect(starter.entry!.draft).toBe(true);
      const { draft: _draft, ...adapted } = starter.entry!;
      const saved = await fetch(`${first.url}/api/admin/faq/outlet/fr/entries/${adapted.id}`, { method: 'PUT', headers: json, body: JSON.stringify({ version: 0, entry: { ...adapted, answers: ['Notre réponse à nous.'] } }) });
      expect(saved.status).toBe(200);
      const drafts = async (on: TestServer, c: string) =>
        ((await (await fetch(`${on.url}/api/admin/sites`, { headers: { cookie: c } })).json()) as { sites: { id: string; drafts: Record<string, number> }[] }).sites.find((x) => x.id === 'outlet')!.drafts;
      expect(await drafts(first, cookie)).toEqual({ fr: 6 });
      await first.close();
      const second = await startServer({ dataDir: data.dir, botThread: false });
      try {
        const res = await fetch(`${second.url}${FR}/export`, { headers: { cookie: await loginCookie(second.url, ...AGENTS.alex) } });
        const file = (await res.json()) as FaqFileData;
        expect(file.entries.map((e) => e.id)).not.toContain('promo-code');
        expect(file.entries.map((e) => e.id)).toContain('gift-cards');
        expect(await drafts(second, await loginCookie(second.url, ...AGENTS.alex))).toEqual({ fr: 6 });
      } finally {
        await second.close();
      }
    } finally {
      await data.remove();
    }
  }, 120_000);
});
