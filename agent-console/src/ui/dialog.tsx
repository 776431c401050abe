// A small modal: a labelled dialog over a backdrop; Esc or a click outside cancels.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

interface Props {
  title: string;
  bulle: string;
  onCancel(): void;
  children: ComponentChildren;
  wide?: boolean;
  /** A page's worth (the numbers). */
  page?: boolean;
}

export function Dialog({ title, bulle, onCancel, children, wide, page }: Props) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        onCancel();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      before?.focus?.();
    };
  }, [onCancel]);
  return (
    <div class="backdrop" onMouseDown={(e) => e.target === e.currentTarget && onCancel()}>
      <div ref={box} class={`dialog${wide ? ' dialog--wide' : ''}${page ? ' dialog--page' : ''}`} role="dialog" aria-modal="true" aria-labelledby={`${bulle}-title`} data-bulle={bulle}>
        <h2 class="dialog__title" id={`${bulle}-title`}>
          {title}
        </h2>
        {children}
      </div>
    </div>
  );
}
