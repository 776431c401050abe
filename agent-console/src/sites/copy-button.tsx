// A button that copies a text (a snippet, a secret shown once) and says it did.
import { useState } from 'preact/hooks';

export function CopyButton({ text, label }: { text: string; label: string }) {
  const [copied, setCopied] = useState(false);
  const copy = () => void navigator.clipboard?.writeText(text).then(() => setCopied(true), () => setCopied(false));
  return (
    <button type="button" class="btn btn--sm" data-bulle="copy" onClick={copy}>
      {copied ? 'Copied' : label}
    </button>
  );
}
