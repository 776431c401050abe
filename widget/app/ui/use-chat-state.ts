// Preact's view of a ChatSession: re-render whenever the session's state object changes.
import { useEffect, useState } from 'preact/hooks';
import type { ChatSession, ChatState } from '../chat-state.js';

export function useChatState(session: ChatSession): ChatState {
  const [state, setState] = useState(session.state);
  useEffect(() => session.subscribe(() => setState(session.state)), [session]);
  return state;
}
