// Import a FAQ file (the format Export gives): checked whole by the server, which names each
// entry and field that is wrong and saves nothing then; otherwise each changed entry is a new version.
import { useRef } from 'preact/hooks';
import { faqApi } from './faq-api.js';

interface Props {
  site: string;
  lang: string;
  onDone(said: string): void;
  onError(message: string): void;
}

export function ImportButton({ site, lang, onDone, onError }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const pick = async (file: File | undefined) => {
    if (!file) return;
    let data: unknown;
    try {
      data = JSON.parse(await file.text());
    } catch (err) {
      onError(`${file.name} is not valid JSON (${(err as Error).message})`);
      return;
    }
    try {
      const r = await faqApi.importFile(site, lang, data);
      onError('');
      onDone(`Imported: ${r.saved.length} saved, ${r.deleted.length} deleted, ${r.unchanged} unchanged.`);
    } catch (err) {
      onError(`Nothing imported: ${(err as Error).message}`);
    } finally {
      if (input.current) input.current.value = '';
    }
  };
  return (
    <label class="btn btn--ghost btn--sm faq-import">
      Import JSON
      <input ref={input} type="file" accept="application/json,.json" class="faq-import__file" data-bulle="faq-import" onChange={(e) => void pick(e.currentTarget.files?.[0])} />
    </label>
  );
}
