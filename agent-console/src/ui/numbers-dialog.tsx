// The numbers page, over the console: its code and Chart.js are fetched only when it opens.
import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { AgentListItem } from '../../../protocol/types.js';
import { Dialog } from './dialog.js';

interface Props {
  languages: string[];
  tags: string[];
  loadAgents(): Promise<{ agents: AgentListItem[] } | null>;
  onClose(): void;
}

type DashboardProps = Omit<Props, 'onClose'>;

export function NumbersDialog({ onClose, ...props }: Props) {
  const [Dashboard, setDashboard] = useState<FunctionComponent<DashboardProps> | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    import('../numbers/dashboard.js').then(
      (m) => setDashboard(() => m.Dashboard),
      () => setFailed(true),
    );
  }, []);
  return (
    <Dialog title="Numbers" bulle="numbers-dialog" onCancel={onClose} wide page>
      {Dashboard ? <Dashboard {...props} /> : <p>{failed ? 'Could not load the numbers page. Reload the console.' : 'Loading…'}</p>}
      <div class="dialog__actions">
        <button type="button" class="btn" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
