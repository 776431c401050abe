// The embedded store's schema version, recorded in core.json (`schemaVersion`), and the steps
// that bring an older store up to date when it opens. A store written by a newer Bulle is not
// opened at all: an older server could drop what it does not know.
//   1 (no `schemaVersion`): the stores written before the version was recorded.
//   2: the version is recorded; an agent lists every site they work on (`siteIds`); the optional
//      lists of core.json are always present.
//   3: order events (follow-ups) in core.json and in the log (`orderEvent` records), which an
//      older version would not know.

export const SCHEMA_VERSION = 3;

interface CoreLike {
  schemaVersion?: number;
  agents: { siteId: string; siteIds?: string[] }[];
  cannedReplies?: unknown[];
  unanswered?: unknown[];
  faqAdditions?: unknown[];
  orderEvents?: unknown[];
}

type Step = (core: CoreLike) => CoreLike;

/** STEPS[n] takes a version-n core to version n+1. */
const STEPS: Record<number, Step> = {
  1: (core) => ({
    ...core,
    agents: core.agents.map((a) => ({ ...a, siteIds: a.siteIds ?? [a.siteId] })),
    cannedReplies: core.cannedReplies ?? [],
    unanswered: core.unanswered ?? [],
    faqAdditions: core.faqAdditions ?? [],
  }),
  2: (core) => ({ ...core, orderEvents: core.orderEvents ?? [] }),
};

export class NewerSchemaError extends Error {
  constructor(found: number) {
    super(`this data folder was written by a newer Bulle (store schema ${found}; this version reads up to ${SCHEMA_VERSION}): run the newer version, or restore a backup taken before the upgrade`);
    this.name = 'NewerSchemaError';
  }
}

/** The core at SCHEMA_VERSION, and the version it was found at (the same object when nothing changed). */
export function migrateCore<T extends CoreLike>(core: T): { core: T; from: number } {
  const from = core.schemaVersion ?? 1;
  if (from > SCHEMA_VERSION) throw new NewerSchemaError(from);
  let next: CoreLike = core;
  for (let v = from; v < SCHEMA_VERSION; v++) next = STEPS[v]!(next);
  return { core: (from === SCHEMA_VERSION ? core : { ...next, schemaVersion: SCHEMA_VERSION }) as T, from };
}
