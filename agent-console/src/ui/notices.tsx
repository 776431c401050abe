// Toasts for outcomes that have no place in a conversation ("Someone else took it.").
import type { Notice } from '../state/use-notices.js';

export function Notices({ notices, onDismiss }: { notices: Notice[]; onDismiss(id: number): void }) {
  return (
    <div class="notices" role="status" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} class={`notice notice--${n.kind}`} data-bulle="notice" data-kind={n.kind}>
          <span>{n.text}</span>
          <button type="button" class="notice__close" aria-label="Dismiss" onClick={() => onDismiss(n.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
