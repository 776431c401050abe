// Closing tags: each closed conversation carries exactly one tag from its site's list.
import { ERR } from '../../../protocol/events.js';
import type { ChatStore } from '../../storage/chat-store.js';
import { AppError } from '../app-error.js';

/** For sites that never chose their own list (and the demo's seed). */
export const DEFAULT_TAGS: readonly string[] = Object.freeze([
  'order-status',
  'returns',
  'delivery',
  'payment',
  'product-question',
  'complaint',
  'other',
]);

export async function siteTags(store: ChatStore, siteId: string): Promise<string[]> {
  const site = await store.getSite(siteId);
  return [...(site?.tags ?? DEFAULT_TAGS)];
}

export async function checkTag(store: ChatStore, siteId: string, tag: string): Promise<void> {
  const tags = await siteTags(store, siteId);
  if (!tags.includes(tag)) throw new AppError(ERR.badPayload, `tag: "${tag}" is not one of ${tags.join(', ')}`);
}
