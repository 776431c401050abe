// Console-wide keys (listed in shortcut-help.tsx). Alt+N lives in the composer, Esc in the
// composer and dialogs; the rest is here.
import { useEffect } from 'preact/hooks';

interface Handlers {
  /** -1 previous, +1 next of my chats. */
  step(direction: 1 | -1): void;
  help(): void;
}

const typingIn = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.tagName === 'TEXTAREA' || el.tagName === 'INPUT' || el.tagName === 'SELECT' || el.isContentEditable);

export function useShortcuts(h: Handlers): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (document.querySelector('[role="dialog"]')) return;
      if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
        e.preventDefault();
        h.step(e.key === 'ArrowDown' ? 1 : -1);
      } else if (e.altKey && e.code === 'KeyQ') {
        e.preventDefault();
        const first = document.querySelector<HTMLElement>('[data-bulle="queue-item"] .item__main') ?? document.querySelector<HTMLElement>('#queue-title');
        first?.focus();
      } else if (e.altKey && e.code === 'KeyR') {
        e.preventDefault();
        document.querySelector<HTMLElement>('[data-bulle="reply-input"]')?.focus();
      } else if (e.key === '?' && !e.altKey && !e.ctrlKey && !e.metaKey && !typingIn(e.target)) {
        e.preventDefault();
        h.help();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [h]);
}
