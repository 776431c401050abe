// The FAQ editor (admins), over the console: its code is fetched only when it opens.
import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { FaqEditorProps } from '../faq-editor/faq-editor.js';
import { Dialog } from './dialog.js';

interface Props extends FaqEditorProps {
  onClose(): void;
}

export function FaqEditorDialog({ onClose, ...props }: Props) {
  const [Editor, setEditor] = useState<FunctionComponent<FaqEditorProps> | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    import('../faq-editor/faq-editor.js').then(
      (m) => setEditor(() => m.FaqEditor),
      () => setFailed(true),
    );
  }, []);
  return (
    <Dialog title="FAQ" bulle="faq-editor" onCancel={onClose} wide page>
      {Editor ? <Editor {...props} /> : <p>{failed ? 'Could not load the FAQ editor. Reload the console.' : 'Loading…'}</p>}
      <div class="dialog__actions">
        <button type="button" class="btn" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
