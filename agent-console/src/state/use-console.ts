// Wires one /agent connection to the console state for the lifetime of a logged-in session.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { AgentProfile, RoutingMode } from '../../../protocol/types.js';
import { connectAgentSocket, type AgentConnection, type ConnectionStatus } from '../api/agent-socket.js';
import { alertFor, type Alert } from './alerts.js';
import { createCommands, type CommandDeps } from './commands.js';
import { initialState, isMine, reduce, type Action, type ConsoleState } from './console-state.js';
import { useNotices } from './use-notices.js';
import { createWorkspaceCommands } from './workspace-commands.js';

/** Typing signals are volatile: if "stopped" is lost, the indicator still goes away. */
const TYPING_EXPIRES_MS = 8_000;

export interface Connection {
  status: ConnectionStatus;
  detail?: string;
}

/** My routing status as the server last said; the site's assignment mode (null until known). */
export interface Routing {
  presence: 'online' | 'away' | 'offline';
  mode: RoutingMode | null;
}

export function useConsole(agent: AgentProfile, onUnauthorized: (message: string) => void, onAlert: (alert: Alert) => void) {
  // State lives in a ref and is mirrored into Preact state: commands read it synchronously
  // right after dispatching, without waiting for a render.
  const store = useRef<ConsoleState>(initialState(agent.id));
  const [state, setState] = useState(store.current);
  const [connection, setConnection] = useState<Connection>({ status: 'connecting' });
  const { notices, notify, dismiss } = useNotices();
  const conn = useRef<AgentConnection | null>(null);
  const unauthorized = useRef(onUnauthorized);
  unauthorized.current = onUnauthorized;
  const alert = useRef(onAlert);
  alert.current = onAlert;
  const [routing, setRouting] = useState<Routing>({ presence: 'online', mode: null });

  const commands = useMemo(() => {
    const dispatch = (a: Action) => {
      const next = reduce(store.current, a);
      if (next !== store.current) setState((store.current = next));
    };
    const deps: CommandDeps = {
      request: (event, payload) =>
        conn.current
          ? conn.current.request(event, payload)
          : Promise.resolve({ ok: false, error: { code: 'OFFLINE', message: 'Not connected' } }),
      dispatch,
      getState: () => store.current,
      isConnected: () => conn.current?.connected ?? false,
      notify,
    };
    return { ...createCommands(deps), ...createWorkspaceCommands(deps), dispatch };
  }, [notify]);

  useEffect(() => {
    // A socket fact may ring (new visitor message, chat given to me): decided before applying it.
    const dispatch = (a: Action) => {
      const ring = alertFor(store.current, a, commands.claiming);
      commands.dispatch(a);
      if (ring) alert.current(ring);
    };
    const typingTimers = new Map<string, ReturnType<typeof setTimeout>>();
    conn.current = connectAgentSocket({
      status: (status, detail) => setConnection({ status, detail }),
      connected: () => {
        void commands.resync();
        void commands.loadWorkspace();
        if (store.current.closedCursor !== undefined) void commands.loadClosed();
        // "Away" survives a reload within the grace period: ask rather than assume "online".
        void commands.agents().then((r) => {
          const me = r?.agents.find((a) => a.id === agent.id);
          if (r) setRouting({ mode: r.mode, presence: me?.presence ?? 'online' });
        });
      },
      unauthorized: (message) => unauthorized.current(message),
      queueAdded: (conversation) => dispatch({ type: 'queueAdded', conversation }),
      queueRemoved: ({ conversationId }) => dispatch({ type: 'queueRemoved', conversationId }),
      conversationUpdated: (conversation) => dispatch({ type: 'conversationUpdated', conversation }),
      messageCreated: (message) => dispatch({ type: 'messageCreated', message }),
      conversationAssigned: (assigned) => {
        const ring = assigned.via === 'pick' ? null : alertFor(store.current, { type: 'conversationUpdated', conversation: assigned.conversation }, commands.claiming);
        commands.dispatch({ type: 'detail', detail: assigned });
        if (!store.current.selectedId) commands.dispatch({ type: 'select', conversationId: assigned.conversation.id });
        if (ring) alert.current(ring);
      },
      presenceChanged: (p) => {
        if (p.agentId === agent.id) setRouting((x) => ({ ...x, presence: p.presence }));
      },
      modeChanged: ({ mode }) => setRouting((x) => ({ ...x, mode })),
      typingChanged: ({ conversationId, author, typing }) => {
        if (author !== 'visitor') return;
        clearTimeout(typingTimers.get(conversationId));
        dispatch({ type: 'typing', conversationId, typing });
        if (typing) {
          typingTimers.set(conversationId, setTimeout(() => dispatch({ type: 'typing', conversationId, typing: false }), TYPING_EXPIRES_MS));
        }
      },
    });
    return () => {
      typingTimers.forEach(clearTimeout);
      conn.current?.close();
      conn.current = null;
    };
  }, [commands]);

  // A chat that became mine elsewhere (another tab claimed it) arrives as a bare summary.
  useEffect(() => {
    if (connection.status !== 'connected') return;
    for (const id of state.order) {
      const chat = state.chats[id]!;
      if (!chat.loaded && isMine(state, chat)) void commands.load(id);
    }
  }, [state, connection.status, commands]);

  const setPresence = useCallback(
    async (presence: 'online' | 'away') => {
      if (await commands.setPresence(presence)) setRouting((x) => ({ ...x, presence }));
    },
    [commands],
  );
  const setMode = useCallback(
    async (mode: RoutingMode) => {
      if (await commands.setMode(mode)) setRouting((x) => ({ ...x, mode }));
    },
    [commands],
  );

  return { state, connection, routing, setPresence, setMode, notices, dismissNotice: dismiss, commands };
}

export type ConsoleApi = ReturnType<typeof useConsole>;
export type ConsoleCommands = ConsoleApi['commands'];
