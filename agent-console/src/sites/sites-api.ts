// The Sites page's HTTP calls (server/routes/admin-sites.ts and site-integration.ts, and the
// origin test of the setup routes). The admin's session cookie goes along; nothing here stores anything.
import type { SiteCreate, SitePatch } from '../../../protocol/site-admin-schemas.js';
import type { AdminSiteView } from '../../../protocol/admin-site-view.js';
import type { OrderStatus } from '../../../protocol/schemas.js';

export type Hours = { timeZone: string; days: Partial<Record<Day, [string, string][]>> };
export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Day = (typeof DAYS)[number];

/** A site as the server shows it to an admin (the protocol's shape). */
export type AdminSite = AdminSiteView;

export type OriginExplained = { ok: true; origin: string; notes: string[] } | { ok: false; message: string };

/** What the shop's webhook answered to "Send a test" (server/services/orders/order-webhook.ts). */
export type WebhookTestResult = { orderNumber: string; url: string; ms: number; result: { kind: 'found'; order: OrderStatus } | { kind: 'not-found' } | { kind: 'failed'; why: string } };

async function call<T>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { method, credentials: 'same-origin', headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new Error('Cannot reach the server. Check your connection.');
  }
  const json = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (!res.ok) throw new Error(json?.error?.message ?? `Server error (${res.status})`);
  return json as T;
}

export const listSites = () => call<{ sites: AdminSite[] }>('GET', '/api/admin/sites').then((r) => r.sites);
export const createSite = (input: SiteCreate) => call<{ site: AdminSite }>('POST', '/api/admin/sites', input).then((r) => r.site);
export const patchSite = (id: string, patch: SitePatch) => call<{ site: AdminSite }>('PATCH', `/api/admin/sites/${encodeURIComponent(id)}`, patch).then((r) => r.site);
/** What an origin typed by a person becomes, and what it means (the "test" button). */
export const checkOrigin = (origin: string) => call<OriginExplained>('POST', '/api/setup/origin-check', { origin });

const sitePath = (id: string, rest: string) => `/api/admin/sites/${encodeURIComponent(id)}/${rest}`;
/** A new identity secret: the answer is the only time it is shown. */
export const rotateIdentitySecret = (id: string) => call<{ secret: string; secretCreatedAt: number }>('POST', sitePath(id, 'identity/secret'));
export const setIdentityMode = (id: string, mode: 'optional' | 'required') => call<{ mode: string }>('PUT', sitePath(id, 'identity/mode'), { mode });
/** Sets the webhook; its new shared secret comes back, shown once. */
export const setOrderWebhook = (id: string, url: string) => call<{ url: string; secret: string }>('PUT', sitePath(id, 'order-webhook'), { url });
export const removeOrderWebhook = (id: string) => call<null>('DELETE', sitePath(id, 'order-webhook'));
export const testOrderWebhook = (id: string, orderNumber?: string) => call<WebhookTestResult>('POST', sitePath(id, 'order-webhook/test'), orderNumber ? { orderNumber } : {});
