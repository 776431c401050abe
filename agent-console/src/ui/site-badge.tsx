// Which shop a chat comes from, for an agent who works on several (nothing for one site).
import { useContext } from 'preact/hooks';
import { SiteNames } from '../lib/site-names.js';

export function SiteBadge({ siteId }: { siteId: string }) {
  const names = useContext(SiteNames);
  if (Object.keys(names).length < 2) return null;
  return (
    <span class="site-badge" data-bulle="site-badge" data-site={siteId}>
      {names[siteId] ?? siteId}
    </span>
  );
}
