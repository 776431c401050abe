// The numbers page, over the console: its code and Chart.js are fetched only when it opens.
import type { AgentListItem } from '../../../protocol/types.js';
import { LazyPageDialog } from './lazy-page-dialog.js';

interface Props {
  languages: string[];
  tags: string[];
  loadAgents(): Promise<{ agents: AgentListItem[] } | null>;
  onClose(): void;
}

export function NumbersDialog({ onClose, ...props }: Props) {
  return (
    <LazyPageDialog
      title="Numbers"
      bulle="numbers-dialog"
      what="the numbers page"
      load={() => import('../numbers/dashboard.js').then((m) => m.Dashboard)}
      props={props}
      onClose={onClose}
    />
  );
}
