// The Sites page, over the console: its code is fetched only when an admin opens it.
import { LazyPageDialog } from './lazy-page-dialog.js';

export function SitesDialog({ onClose }: { onClose(): void }) {
  return (
    <LazyPageDialog
      title="Sites"
      bulle="sites-dialog"
      what="the sites page"
      load={() => import('../sites/sites-page.js').then((m) => m.SitesPage)}
      props={{}}
      onClose={onClose}
    />
  );
}
