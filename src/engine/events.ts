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
  /**
   * A participant's own event (see participant.ts): an interruption given from outside, the
   * facility's hour boundary.
   */
  participant: 6,
  /** A time the policy asked to decide again at, though nothing else happens (a reservation's date). */
  wake: 7,
} as const;
export type EventKind = (typeof EventKind)[keyof typeof EventKind];

// The second key packs (kind, seq) into one exact double: kind x 2^44 + seq. 2^44 events (1.7e13)
// is far beyond any simulation; kinds up to 15 keep the key below 2^53.
const kindScale = 2 ** 44;

/**
 * A binary min-heap of events keyed by (tick, kind, insertion order), held in typed arrays: an
 * event is four numbers, never an object, so pushing and popping allocate nothing (the arrays
 * double when full). The insertion order is the last tie-breaker, so the order of events is
 * total and stable. pop() leaves the event it removed in the `kind`, `target`, `epoch` and `seq`
 * fields, to be read before the next pop.
 */
export class EventQueue {
  private ticks = new Float64Array(16);
  private orders = new Float64Array(16);
  private targets = new Int32Array(16);
  private epochs = new Int32Array(16);
  private size = 0;
  private nextSeq = 0;
  /** Events handled so far (stale ones excluded), the unit of the engine's cost. */
  handled = 0;
  /** The event pop() removed last. */
  tick = 0;
  kind: EventKind = EventKind.capacity;
  target = 0;
  epoch = 0;
  seq = 0;

  /** A sequence number for an event that may be pushed later (see runs.ts: a run's failure). */
  reserveSeq(): number {
    return this.nextSeq++;
  }

  /** Schedules an event and returns its sequence number. */
  push(tick: number, kind: EventKind, target: number, epoch = 0, seq = this.nextSeq++): number {
    if (this.size === this.ticks.length) this.grow();
    const order = kind * kindScale + seq;
    let i = this.size++;
    // Sift up: move parents down until the new event's place is found.
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = this.ticks[parent] as number;
      if (pt < tick || (pt === tick && (this.orders[parent] as number) < order)) break;
      this.move(parent, i);
      i = parent;
    }
    this.ticks[i] = tick;
    this.orders[i] = order;
    this.targets[i] = target;
    this.epochs[i] = epoch;
    return seq;
  }

  peekTick(): number {
    return this.size > 0 ? (this.ticks[0] as number) : Infinity;
  }

  /** Removes the first event into the `tick`, `kind`, `target`, `epoch`, `seq` fields; false when empty. */
  pop(): boolean {
    if (this.size === 0) return false;
    const order = this.orders[0] as number;
    this.tick = this.ticks[0] as number;
    this.kind = Math.floor(order / kindScale) as EventKind;
    this.seq = order - this.kind * kindScale;
    this.target = this.targets[0] as number;
    this.epoch = this.epochs[0] as number;
    const last = --this.size;
    if (last > 0) this.siftDown(last);
    return true;
  }

  /** Put the event at `from` (the last one) at the root's place and sift it down. */
  private siftDown(from: number): void {
    const tick = this.ticks[from] as number;
    const order = this.orders[from] as number;
    const target = this.targets[from] as number;
    const epoch = this.epochs[from] as number;
    const n = this.size;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      const right = child + 1;
      if (right < n && this.before(right, child)) child = right;
      const ct = this.ticks[child] as number;
      if (tick < ct || (tick === ct && order < (this.orders[child] as number))) break;
      this.move(child, i);
      i = child;
    }
    this.ticks[i] = tick;
    this.orders[i] = order;
    this.targets[i] = target;
    this.epochs[i] = epoch;
  }

  private before(a: number, b: number): boolean {
    const ta = this.ticks[a] as number;
    const tb = this.ticks[b] as number;
    return ta < tb || (ta === tb && (this.orders[a] as number) < (this.orders[b] as number));
  }

  private move(from: number, to: number): void {
    this.ticks[to] = this.ticks[from] as number;
    this.orders[to] = this.orders[from] as number;
    this.targets[to] = this.targets[from] as number;
    this.epochs[to] = this.epochs[from] as number;
  }

  private grow(): void {
    const n = this.ticks.length * 2;
    const ticks = new Float64Array(n);
    const orders = new Float64Array(n);
    const targets = new Int32Array(n);
    const epochs = new Int32Array(n);
    ticks.set(this.ticks);
    orders.set(this.orders);
    targets.set(this.targets);
    epochs.set(this.epochs);
    this.ticks = ticks;
    this.orders = orders;
    this.targets = targets;
    this.epochs = epochs;
  }
}
