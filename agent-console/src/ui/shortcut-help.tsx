// `?` shows what the keyboard can do; the same list is the reference for use-shortcuts.ts.
import { Dialog } from './dialog.js';

export const SHORTCUTS: [string, string][] = [
  ['Alt + ↑ / Alt + ↓', 'Previous / next of my chats'],
  ['Alt + Q', 'Go to the queue (then Tab, Enter)'],
  ['Alt + R', 'Go to the reply box'],
  ['Alt + N', 'Switch between reply and internal note'],
  ['Enter or Ctrl + Enter', 'Send'],
  ['Shift + Enter', 'New line'],
  ['/', 'Canned replies (in the reply box); ↑ ↓ Enter'],
  ['Esc', 'Leave the reply box, close a list or a dialog'],
  ['?', 'This help (outside the reply box)'],
];

export function ShortcutHelp({ onClose }: { onClose(): void }) {
  return (
    <Dialog title="Keyboard shortcuts" onCancel={onClose} bulle="shortcut-help">
      <table class="shortcuts">
        <tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <tr key={keys}>
              <td>
                <kbd>{keys}</kbd>
              </td>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="dialog__actions">
        <button type="button" class="btn btn--primary" onClick={onClose}>
          Got it
        </button>
      </div>
    </Dialog>
  );
}
