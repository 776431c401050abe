// Where a site's FAQ folder is. A relative folder is relative to the project root, so a data dir
// can move between machines; a `data:` folder is under the data folder (the FAQ a new site starts
// with, services/sites/site-creation.ts), so a restored backup finds it wherever it is put. This
// file sits two folders below the root, as the server bundle's files do (dist/server/), so the
// same URL finds the root from the source and from the bundle.
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DATA_DIR_PREFIX = 'data:';
/** The FAQ every new site starts from, copied into its `data:` folder. */
export const STARTER_FAQ_DIR = fileURLToPath(new URL('../../faq/data/starter/', import.meta.url));

export const resolveFaqDir = (faqDir: string, dataDir: string | null = null): string =>
  faqDir.startsWith(DATA_DIR_PREFIX)
    ? resolve(dataDir ?? '.', faqDir.slice(DATA_DIR_PREFIX.length))
    : isAbsolute(faqDir)
      ? faqDir
      : resolve(PROJECT_ROOT, faqDir);
