// What the setup page's "test" button says about an origin a person typed: what it becomes,
// and what it means. A browser tells the server the page's origin (scheme, host, port) on every
// WebSocket handshake; only pages at allowed origins may open the widget (plugins/origins.ts).

export type OriginExplained = { ok: true; origin: string; notes: string[] } | { ok: false; message: string };

export function explainOrigin(input: string): OriginExplained {
  const text = input.trim();
  if (text === '*') return { ok: true, origin: '*', notes: ['"*" lets any page on the web open your widget: use it for a trial only.'] };
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return { ok: false, message: `"${text}" is not a web address. Type your shop's address, e.g. https://shop.example` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, message: 'An origin starts with https:// (or http:// for a local test).' };
  if (url.username || url.password) return { ok: false, message: 'An origin has no user name or password in it.' };
  const origin = url.origin;
  const notes = [`Pages whose address starts with ${origin}/ may open the widget.`];
  if (url.pathname !== '/' || url.search || url.hash) notes.push(`Only the scheme, host and port count: "${url.pathname}${url.search}" was dropped, so every page of ${origin} is allowed.`);
  const host = url.hostname;
  const local = host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
  if (!/^(\d+\.){3}\d+$|^\[/.test(host) && !local) {
    const other = host.startsWith('www.') ? host.slice(4) : `www.${host}`;
    notes.push(`${url.protocol}//${other}${url.port ? `:${url.port}` : ''} is a different origin: add it too if your shop also answers there.`);
  }
  if (url.protocol === 'http:' && !local) notes.push('This is http://, not https://: visitors of an https:// shop send the https:// origin.');
  if (!/^https?:\/\/[a-z0-9.\-]+(:[0-9]{1,5})?$|^https?:\/\/\[[0-9a-f:.]+\](:[0-9]{1,5})?$/.test(origin)) {
    return { ok: false, message: `"${origin}" cannot be allowed: use the shop's address as browsers show it.` };
  }
  return { ok: true, origin, notes };
}
