// A console page (numbers, FAQ editor, sites) shown over the workspace in a page-sized dialog:
// its code is fetched only when an admin opens it, so the workspace stays small.
import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Dialog } from './dialog.js';

interface Props<P> {
  title: string;
  bulle: string;
  /** What the page is, for the message when its code cannot be fetched ("the FAQ editor"). */
  what: string;
  load(): Promise<FunctionComponent<P>>;
  props: P;
  onClose(): void;
}

export function LazyPageDialog<P extends object>({ title, bulle, what, load, props, onClose }: Props<P>) {
  const [Page, setPage] = useState<FunctionComponent<P> | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    load().then(
      (component) => setPage(() => component),
      () => setFailed(true),
    );
  }, []);
  return (
    <Dialog title={title} bulle={bulle} onCancel={onClose} wide page>
      {Page ? <Page {...props} /> : <p>{failed ? `Could not load ${what}. Reload the console.` : 'Loading…'}</p>}
      <div class="dialog__actions">
        <button type="button" class="btn" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
