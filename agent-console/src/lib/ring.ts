// How the console rings: a short WebAudio beep (no audio file to ship) and a
// desktop notification when the tab is hidden and the agent allowed them.

let audio: AudioContext | undefined;

/** Two soft notes, ~0.3 s. Silently nothing if the browser refuses audio before a user gesture. */
export function beep(): void {
  try {
    audio ??= new AudioContext();
    void audio.resume();
    const t = audio.currentTime;
    for (const [i, freq] of [880, 1175].entries()) {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      const start = t + i * 0.12;
      osc.type = 'sine';
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.0001, start);
      gain.gain.exponentialRampToValueAtTime(0.12, start + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.18);
      osc.connect(gain).connect(audio.destination);
      osc.start(start);
      osc.stop(start + 0.2);
    }
  } catch {
    // No audio in this browser: the title badge and notifications still tell.
  }
}

export const notificationsSupported = () => typeof Notification !== 'undefined';

export function desktopNotify(title: string, body: string, tag: string, onClick: () => void): void {
  if (!notificationsSupported() || Notification.permission !== 'granted') return;
  try {
    // Same tag: a second message in the same chat replaces the first notification.
    const n = new Notification(title, { body, tag });
    n.onclick = () => {
      window.focus();
      onClick();
      n.close();
    };
  } catch {
    // Some browsers only allow notifications from a service worker; the beep still rings.
  }
}
