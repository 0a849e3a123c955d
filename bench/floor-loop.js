// The floor a discrete-event engine in JavaScript can reach on capsim's event stream: a binary
// min-heap of (tick, sequence) on typed arrays, and per event one draw from the same generator
// capsim uses (seedrandom's alea) and one exponential delay. Nothing else: no runs, no racks, no
// accounting. `npm run bench` runs it in the same process as capsim, on the same number of events
// per replication and the same mean number of pending events, and prints the ratio.
import seedrandom from 'seedrandom';

/**
 * Pop `events` events from a heap kept at `pending` events (each popped event schedules one
 * more); return the sum of ticks so that nothing can be optimised away.
 */
export function floorLoop(events, pending, seed) {
  const rng = seedrandom.alea(`floor:${seed}`);
  const size = Math.max(1, pending);
  const ticks = new Float64Array(size);
  const seqs = new Float64Array(size);
  let n = 0;
  let seq = 0;
  const push = (tick) => {
    let i = n++;
    const s = seq++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (ticks[parent] < tick || (ticks[parent] === tick && seqs[parent] < s)) break;
      ticks[i] = ticks[parent];
      seqs[i] = seqs[parent];
      i = parent;
    }
    ticks[i] = tick;
    seqs[i] = s;
  };
  const pop = () => {
    const top = ticks[0];
    const last = --n;
    const tick = ticks[last];
    const s = seqs[last];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && (ticks[child + 1] < ticks[child] || (ticks[child + 1] === ticks[child] && seqs[child + 1] < seqs[child]))) child += 1;
      if (tick < ticks[child] || (tick === ticks[child] && s < seqs[child])) break;
      ticks[i] = ticks[child];
      seqs[i] = seqs[child];
      i = child;
    }
    ticks[i] = tick;
    seqs[i] = s;
    return top;
  };
  for (let k = 0; k < size; k += 1) push(Math.ceil(-Math.log(1 - rng()) * 1000));
  let sum = 0;
  for (let k = 0; k < events; k += 1) {
    const now = pop();
    sum += now;
    push(now + Math.max(1, Math.ceil(-Math.log(1 - rng()) * 1000)));
  }
  return sum;
}
