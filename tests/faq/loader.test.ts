// The FAQ loader refuses a bad file at start, naming the file and the field to fix.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadFaqDir } from '../../faq/index.js';
import { tempDir } from '../helpers/temp-dir.js';

const entry = (over: Record<string, unknown> = {}) => ({
  id: 'order-tracking',
  question: 'How can I track my order?',
  phrasings: ['Where is my parcel?'],
  keywords: ['tracking'],
  answers: ['Use the tracking link in your shipping email.', 'Your tracking number is in the shipping email.'],
  links: [{ label: 'Track', url: 'https://www.laposte.fr/outils/suivre-vos-envois' }],
  ...over,
});

let dir: string;
let remove: () => Promise<void>;
beforeEach(async () => {
  ({ dir, remove } = await tempDir());
});
afterEach(() => remove());

const write = (name: string, data: unknown) => writeFile(join(dir, name), typeof data === 'string' ? data : JSON.stringify(data));

describe('loadFaqDir', () => {
  it('loads every <lang>.json of the folder', async () => {
    await write('en.json', { lang: 'en', entries: [entry()] });
    await write('fr.json', { lang: 'fr', entries: [entry({ question: 'Où est ma commande ?' })] });
    await write('README.txt', 'not a FAQ');
    const catalog = await loadFaqDir(dir);
    expect(Object.keys(catalog).sort()).toEqual(['en', 'fr']);
    expect(catalog.en.entries[0]).toMatchObject({ id: 'order-tracking', keywords: ['tracking'] });
    expect(catalog.fr.entries[0]!.question).toBe('Où est ma commande ?');
  });

  it('accepts an entry without links', async () => {
    const { links: _links, ...noLinks } = entry();
    await write('en.json', { lang: 'en', entries: [noLinks] });
    expect((await loadFaqDir(dir)).en.entries[0]!.links).toBeUndefined();
  });

  it.each([
    ['empty answers', { lang: 'en', entries: [entry(), entry({ id: 'returns', answers: [] })] }, 'entries[1].answers: must be a non-empty array of strings'],
    ['a number among the answers', { lang: 'en', entries: [entry({ answers: ['ok', 3] })] }, 'entries[0].answers'],
    ['a bad id', { lang: 'en', entries: [entry({ id: 'Order Tracking' })] }, 'entries[0].id'],
    ['a duplicate id', { lang: 'en', entries: [entry(), entry()] }, 'entries[1].id: "order-tracking" is used twice'],
    ['an empty question', { lang: 'en', entries: [entry({ question: '  ' })] }, 'entries[0].question'],
    ['phrasings not an array', { lang: 'en', entries: [entry({ phrasings: 'Where is it?' })] }, 'entries[0].phrasings'],
    ['keywords missing', { lang: 'en', entries: [entry({ keywords: undefined })] }, 'entries[0].keywords'],
    ['a misspelt field', { lang: 'en', entries: [entry({ answer: ['x'] })] }, 'entries[0].answer: unknown field'],
    ['a lang that is not the file name', { lang: 'fr', entries: [entry()] }, 'lang: must be "en"'],
    ['no entries', { lang: 'en', entries: [] }, 'entries: must be a non-empty array'],
    ['a link without label', { lang: 'en', entries: [entry({ links: [{ url: 'https://x.example' }] })] }, 'entries[0].links[0].label'],
    ['a relative link', { lang: 'en', entries: [entry({ links: [{ label: 'x', url: '/returns' }] })] }, 'entries[0].links[0].url: must be an absolute URL'],
  ])('rejects %s, naming the file and the field', async (_what, data, message) => {
    await write('en.json', data);
    await expect(loadFaqDir(dir)).rejects.toThrow(`${join(dir, 'en.json')}: ${message}`);
  });

  it.each(['javascript:alert(1)', 'JavaScript:alert(document.cookie)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd'])(
    'rejects a %s link',
    async (url) => {
      await write('en.json', { lang: 'en', entries: [entry({ links: [{ label: 'Click', url }] })] });
      await expect(loadFaqDir(dir)).rejects.toThrow(`${join(dir, 'en.json')}: entries[0].links[0].url: must use http:, https: or mailto:`);
    },
  );

  it('accepts http, https and mailto links', async () => {
    const links = ['http://a.example', 'https://b.example/x?y=1', 'mailto:help@atelier-lune.example'].map((url) => ({ label: url, url }));
    await write('en.json', { lang: 'en', entries: [entry({ links })] });
    expect((await loadFaqDir(dir)).en.entries[0]!.links).toEqual(links);
  });

  it('rejects invalid JSON and a file name that is not a language', async () => {
    await write('en.json', '{ "lang": "en", ');
    await expect(loadFaqDir(dir)).rejects.toThrow(`${join(dir, 'en.json')}: not valid JSON`);
    await write('en.json', { lang: 'en', entries: [entry()] });
    await write('faq-english.json', { lang: 'en', entries: [entry()] });
    await expect(loadFaqDir(dir)).rejects.toThrow(`${join(dir, 'faq-english.json')}: the file name must be a language code`);
  });

  it('rejects a folder with no FAQ file, or none at all', async () => {
    await expect(loadFaqDir(dir)).rejects.toThrow('no <lang>.json FAQ file');
    await expect(loadFaqDir(join(dir, 'missing'))).rejects.toThrow('cannot read the FAQ folder');
    await mkdir(join(dir, 'sub'));
    await expect(loadFaqDir(dir)).rejects.toThrow('no <lang>.json FAQ file');
  });
});
