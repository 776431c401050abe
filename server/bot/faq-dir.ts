// Where a site's FAQ folder is. A relative folder is relative to the project root, so a data dir
// can move between machines. This file sits two folders below the root, as the server bundle's
// files do (dist/server/), so the same URL finds the root from the source and from the bundle.
import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const resolveFaqDir = (faqDir: string): string => (isAbsolute(faqDir) ? faqDir : resolve(PROJECT_ROOT, faqDir));
