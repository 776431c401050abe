// The FAQ editor (admins), over the console: its code is fetched only when it opens.
import type { FaqEditorProps } from '../faq-editor/faq-editor.js';
import { LazyPageDialog } from './lazy-page-dialog.js';

interface Props extends FaqEditorProps {
  onClose(): void;
}

export function FaqEditorDialog({ onClose, ...props }: Props) {
  return (
    <LazyPageDialog
      title="FAQ"
      bulle="faq-editor"
      what="the FAQ editor"
      load={() => import('../faq-editor/faq-editor.js').then((m) => m.FaqEditor)}
      props={props}
      onClose={onClose}
    />
  );
}
