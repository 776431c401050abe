// Build-time stand-in for engine.io-client's parse (contrib/parseuri.js; see vite.config.ts): a 1 KB
// regular-expression URI parser kept for platforms without `URL`. Every browser the widget
// supports has `URL`, and socket.io-client only hands this absolute URLs (its url.js makes them
// so). Fields match parseuri's where engine.io-client and socket.io-client read them.
export function parse(str: string) {
  const u = new URL(str);
  return {
    source: str,
    protocol: u.protocol.slice(0, -1),
    // parseuri returns IPv6 hosts without their brackets; callers add them back.
    host: u.hostname.replace(/^\[|\]$/g, ''),
    port: u.port,
    path: u.pathname,
    query: u.search.slice(1),
    queryKey: Object.fromEntries(u.searchParams),
  };
}
