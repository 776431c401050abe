// Several servers: the routing service's link to the server that owns routing (server/cluster/).

/**
 * Several servers: only the one holding the routing lease decides; the others send it what
 * happens (server/cluster/). Absent on a single server.
 */
export interface RoutingRemote {
  readonly isOwner: boolean;
  /** Run one of RoutingService's operations on the owner; rejects with its error. */
  forward(op: RoutingOp, args: unknown[]): Promise<unknown>;
}

/** The operations a server that does not own routing forwards to the one that does. */
export type RoutingOp =
  | 'handoff'
  | 'pick'
  | 'transfer'
  | 'connected'
  | 'disconnected'
  | 'presence'
  | 'mode'
  | 'agents'
  | 'changed'
  | 'agent-changed'
  | 'signed-off'
  | 'site-changed';
