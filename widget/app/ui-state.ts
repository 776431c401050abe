// What the shop's page may change from outside the chat (through the loader's window.Bulle): the
// panel open or closed, a proactive message to show, the widget's language. A store rather than
// component state, so the loader's calls land even before the first render.
import type { LoaderRule } from '../../protocol/loader-config.js';

export interface UiState {
  open: boolean;
  /** A rule that fired: its message beside the bubble, then atop the chat until the visitor writes. */
  proactive: LoaderRule | null;
  /** The widget's words (i18n.ts); changing it re-renders. */
  lang: string;
}

export interface UiStore {
  readonly state: UiState;
  set(patch: Partial<UiState>): void;
  subscribe(listener: () => void): () => void;
}

export function createUiStore(initial: UiState): UiStore {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get state() {
      return state;
    },
    set(patch) {
      state = { ...state, ...patch };
      for (const l of listeners) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
