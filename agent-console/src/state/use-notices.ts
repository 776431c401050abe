// Short-lived messages for the agent ("Someone else took it."): shown in a polite live region
// and dismissed by themselves so they never pile up over the conversation.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { NoticeKind } from './commands.js';

export interface Notice {
  id: number;
  text: string;
  kind: NoticeKind;
}

const SHOW_MS = 6_000;

export function useNotices() {
  const [notices, setNotices] = useState<Notice[]>([]);
  const nextId = useRef(1);
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());

  const dismiss = useCallback((id: number) => setNotices((list) => list.filter((n) => n.id !== id)), []);
  const notify = useCallback(
    (text: string, kind: NoticeKind) => {
      const id = nextId.current++;
      // The same text twice in a row (e.g. two failed claims) shows once.
      setNotices((list) => [...list.filter((n) => n.text !== text), { id, text, kind }].slice(-4));
      const t = setTimeout(() => {
        timers.current.delete(t);
        dismiss(id);
      }, SHOW_MS);
      timers.current.add(t);
    },
    [dismiss],
  );
  useEffect(() => () => timers.current.forEach(clearTimeout), []);
  return { notices, notify, dismiss };
}
