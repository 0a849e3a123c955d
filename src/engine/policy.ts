/**
 * A scheduling policy is a pure decision function. It sees the queue (each request with the
 * user's runtime estimate, never the true work or speed) and a read-only view of the cluster
 * (never the failures to come), and returns decisions that the engine checks and applies.
 *
 * The views are lent for the call: the engine keeps them up to date between calls rather than
 * building them anew, so a policy must not keep them (copy what it needs to remember).
 */
export interface QueuedRequest {
  readonly id: number;
  readonly name: string;
  readonly team: string;
  readonly racks: number;
  readonly priority: number;
  readonly submitTick: number;
  /** The user's estimate of the run's duration in ticks, if given. */
  readonly estimatedTicks: number | null;
  /** The run was interrupted and is waiting to restart; it may use spare racks. */
  readonly restart: boolean;
}

export interface RunningView {
  readonly id: number;
  readonly team: string;
  readonly racks: number;
  readonly priority: number;
  readonly startTick: number;
  readonly estimatedTicks: number | null;
  /** Writing a last checkpoint after a preemption: its racks come back at `releaseTick`. */
  readonly preempting: boolean;
  readonly releaseTick: number | null;
}

export interface ClusterView {
  readonly nowTick: number;
  readonly installedRacks: number;
  readonly freeRacks: number;
  readonly spareRacks: number;
  readonly downRacks: number;
  readonly running: readonly RunningView[];
}

/**
 * `start` a queued request on free racks (and spares when `useSpares`); `preempt` a running run:
 * it checkpoints, then yields its racks and queues again (see engine/preempt.ts).
 */
export type Decision =
  | { readonly kind: 'start'; readonly id: number; readonly useSpares: boolean }
  | { readonly kind: 'preempt'; readonly id: number };

/** The empty list of decisions, shared: a policy that decides nothing may return it. */
export const noDecisions: Decision[] = Object.freeze([]) as unknown as Decision[];

// Start decisions and one-decision lists are values: each (id, spares) pair gets one frozen object,
// shared by every call and simulation, so the common decision (start the head of the queue)
// allocates nothing. Ids past the bound (a trace's jobs) get fresh objects; the cache stays small.
const sharedIds = 1 << 14;
const sharedStarts: Decision[] = [];
const sharedLists: Decision[][] = [];

/** The decision to start request `id`, on spares too when `useSpares`. */
export function startDecision(id: number, useSpares: boolean): Decision {
  if (id >= sharedIds) return { kind: 'start', id, useSpares };
  const key = 2 * id + (useSpares ? 1 : 0);
  return (sharedStarts[key] ??= Object.freeze({ kind: 'start', id, useSpares }));
}

/** The list of that one decision (read-only: add to a copy). */
export function startOnly(id: number, useSpares: boolean): Decision[] {
  if (id >= sharedIds) return [startDecision(id, useSpares)];
  const key = 2 * id + (useSpares ? 1 : 0);
  return (sharedLists[key] ??= Object.freeze([startDecision(id, useSpares)]) as unknown as Decision[]);
}

/** Requests arrive in queue order: by submit tick, then by position in the scenario (id). */
export type Policy = (view: ClusterView, queue: readonly QueuedRequest[]) => Decision[];
