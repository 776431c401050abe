// The Sites page, over the console: its code is fetched only when an admin opens it.
import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Dialog } from './dialog.js';

export function SitesDialog({ onClose }: { onClose(): void }) {
  const [Page, setPage] = useState<FunctionComponent | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    import('../sites/sites-page.js').then(
      (m) => setPage(() => m.SitesPage),
      () => setFailed(true),
    );
  }, []);
  return (
    <Dialog title="Sites" bulle="sites-dialog" onCancel={onClose} wide page>
      {Page ? <Page /> : <p>{failed ? 'Could not load the sites page. Reload the console.' : 'Loading…'}</p>}
      <div class="dialog__actions">
        <button type="button" class="btn" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
