// Ring on what needs the agent (state/alerts.ts decides what): a beep unless muted, when the
// tab is hidden or the chat is not the one on screen; a desktop notification when hidden.
import { useCallback, useRef, useState } from 'preact/hooks';
import { beep, desktopNotify, notificationsSupported } from '../lib/ring.js';
import type { Alert } from '../state/alerts.js';

const SOUND_KEY = 'bulle.console.sound';

function readSound(): boolean {
  try {
    return localStorage.getItem(SOUND_KEY) !== 'off';
  } catch {
    return true;
  }
}

export function useAlerts(select: (conversationId: string) => void) {
  const [sound, setSoundState] = useState(readSound);
  const [permission, setPermission] = useState<NotificationPermission | 'unsupported'>(() =>
    notificationsSupported() ? Notification.permission : 'unsupported',
  );
  const selected = useRef<string | null>(null);
  const soundRef = useRef(sound);
  soundRef.current = sound;
  const selectRef = useRef(select);
  selectRef.current = select;

  const ring = useCallback((a: Alert) => {
    const hidden = document.visibilityState === 'hidden';
    if (soundRef.current && (hidden || a.conversationId !== selected.current || a.kind === 'assigned')) beep();
    if (hidden) desktopNotify(a.title, a.body, a.conversationId, () => selectRef.current(a.conversationId));
  }, []);

  const setSound = useCallback((on: boolean) => {
    setSoundState(on);
    try {
      localStorage.setItem(SOUND_KEY, on ? 'on' : 'off');
    } catch {
      // Private mode: the choice lasts for this tab.
    }
    if (on) beep();
  }, []);

  /** Browsers only ask from a user gesture: this runs from a button. */
  const askPermission = useCallback(async () => {
    if (!notificationsSupported()) return;
    setPermission(await Notification.requestPermission());
  }, []);

  return { ring, sound, setSound, permission, askPermission, selected };
}
