import { describe, expect, it } from 'vitest';
import { EventKind } from '../../src/engine/events.js';
import { createState } from '../../src/engine/create-state.js';
import { fifo } from '../../src/policies/fifo.js';
import { completeRun, setRunRate, startRun } from '../../src/engine/runs.js';
import type { RunState, SimState } from '../../src/engine/state.js';
import { wallTicksForCompute } from '../../src/model/checkpoint.js';
import { aRun, aMinuteScenario } from '../builders.js';

// A run of 4 racks checkpointing every 60 ticks for 5: its speed halves in the middle of a cycle.
const scenario = aMinuteScenario({ runs: [aRun({ totalFlop: 1e22, checkpoint: { intervalMinutes: 60, writeMinutes: 5 } })] });

function aState(): { state: SimState; run: RunState } {
  const state = createState(scenario, { seed: 1, replication: 0, policy: fifo });
  const run = state.runs[0];
  if (!run) throw new Error('expected a run');
  state.installedRacks = 8;
  state.freeRacks = 8;
  return { state, run };
}

/** The tick of the run's pending event: the completion in force (a rate change leaves the old one stale). */
function completionTick(state: SimState, run: RunState): number {
  while (state.events.pop()) {
    if (state.events.kind === EventKind.complete && state.events.seq === run.pendingSeq) return state.events.tick;
  }
  throw new Error('no completion scheduled');
}

describe('setRunRate', () => {
  it('a run whose speed halves mid-cycle finishes when the closed form says, with all its work', () => {
    const { state, run } = aState();
    startRun(state, run, false);
    const rate = run.flopPerTick;
    const changeAt = 2 * 65 + 23; // 23 ticks into the third cycle
    state.now = changeAt;
    setRunRate(state, run, rate / 2);
    // Closed form: 2 x 60 + 23 compute ticks at the full rate, the rest at half.
    const doneBefore = (2 * 60 + 23) * rate;
    const computeAfter = Math.ceil((run.spec.totalFlop - doneBefore) / (rate / 2));
    const expected = wallTicksForCompute(2 * 60 + 23 + computeAfter, 60, 5);
    const tick = completionTick(state, run);
    expect(tick).toBe(expected);
    state.now = tick;
    completeRun(state, run);
    expect(run.productiveRackTicks).toBe((2 * 60 + 23 + computeAfter) * 4);
    expect(run.checkpointRackTicks).toBe(Math.floor((2 * 60 + 23 + computeAfter - 1) / 60) * 5 * 4);
    expect(run.endTick).toBe(expected);
  });

  it('a rate change at a cycle boundary or during a write keeps the phase', () => {
    for (const changeAt of [65, 130, 62]) {
      const { state, run } = aState();
      startRun(state, run, false);
      const rate = run.flopPerTick;
      state.now = changeAt;
      setRunRate(state, run, rate / 4);
      const computedBefore = Math.floor(changeAt / 65) * 60 + Math.min(changeAt % 65, 60);
      const computeAfter = Math.ceil((run.spec.totalFlop - computedBefore * rate) / (rate / 4));
      expect(completionTick(state, run), `change at ${changeAt}`).toBe(wallTicksForCompute(computedBefore + computeAfter, 60, 5));
    }
  });
});

describe('a capped run seen by the scheduler', () => {
  it('keeps the tick it took its racks as its start, however often the cap changes its speed', async () => {
    const { simulateScenario } = await import('../../src/simulation/simulate-scenario.js');
    const { fifo } = await import('../../src/policies/fifo.js');
    const seen: number[] = [];
    const watching: typeof fifo = (view, queue) => {
      for (const r of view.running) if (r.id === 0) seen.push(r.startTick);
      return fifo(view, queue);
    };
    const capped = aMinuteScenario({
      start: '2027-07-01',
      end: '2027-07-05',
      runs: [
        aRun({ name: 'first', totalFlop: 1e24, checkpoint: { intervalMinutes: 50, writeMinutes: 5 } }),
        aRun({ name: 'second', submit: '2027-07-03', totalFlop: 1e22 }),
      ],
      // 0.55 MW: even the first run alone is capped, and the cap follows the temperature hour by hour.
      facility: { weather: { seededHeatWaves: false }, supply: { gridMw: 0.55 } },
    });
    const record = simulateScenario(capped, { policy: watching });
    const caps = new Set(Array.from(record.facility?.capShare ?? []));
    expect(caps.size).toBeGreaterThan(3);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((t) => t === 0)).toBe(true);
  });
});
