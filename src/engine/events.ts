import TinyQueue from 'tinyqueue';

/**
 * The kinds of event, in the order they are handled when they fall on the same tick: capacity
 * first (new racks can serve everything after), repairs before completions, completions before
 * failures (a run that finishes on the tick it would fail has finished), arrivals, then the end
 * of a preempted run's final checkpoint write (its racks come back). The policy runs once after
 * all events of a tick.
 */
export const EventKind = {
  capacity: 0,
  repair: 1,
  complete: 2,
  failure: 3,
  submit: 4,
  release: 5,
  /** An interruption given from outside (see interruptions.ts). */
  interrupt: 6,
  /** The facility's hour boundary: weather, supply or curtailment change (see facility/). */
  environment: 7,
  /** A time the policy asked to decide again at, though nothing else happens (a reservation's date). */
  wake: 8,
} as const;
export type EventKind = (typeof EventKind)[keyof typeof EventKind];

export interface SimEvent {
  tick: number;
  kind: EventKind;
  /** Insertion order: the last tie-breaker, so the order of events is total and stable. */
  seq: number;
  /** The run (or phase) the event belongs to. */
  target: number;
  /** A run's epoch when the event was scheduled; a later start or failure makes it stale. */
  epoch: number;
}

export class EventQueue {
  private readonly heap = new TinyQueue<SimEvent>([], (a, b) => a.tick - b.tick || a.kind - b.kind || a.seq - b.seq);
  private nextSeq = 0;
  /** Events handled so far (stale ones excluded), the unit of the engine's cost. */
  handled = 0;

  /** Schedules an event and returns its sequence number. */
  push(tick: number, kind: EventKind, target: number, epoch = 0): number {
    const seq = this.nextSeq++;
    this.heap.push({ tick, kind, target, epoch, seq });
    return seq;
  }

  peekTick(): number {
    return this.heap.peek()?.tick ?? Infinity;
  }

  pop(): SimEvent | undefined {
    return this.heap.pop();
  }
}
