import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../src/engine/events.js';
import { completeRun, setRunRate, startRun } from '../../src/engine/runs.js';
import type { RunState, SimState } from '../../src/engine/state.js';
import { wallTicksForCompute } from '../../src/model/checkpoint.js';
import { createRng } from '../../src/random/rng.js';
import { aRun, aScenario } from '../builders.js';

// A run of 4 racks checkpointing every 60 ticks for 5: its speed halves in the middle of a cycle.
const scenario = aScenario({ runs: [aRun({ totalFlop: 1e22, checkpoint: { intervalMinutes: 60, writeMinutes: 5 } })] });

function aState(): { state: SimState; run: RunState } {
  const spec = scenario.runs[0];
  if (!spec) throw new Error('expected a run');
  const rng = createRng(1, 0, 'unused');
  const run = {
    spec, status: 'queued', epoch: 0, completionSeq: -1, firstStartTick: null, endTick: null, holdStartTick: 0, anchorTick: 0,
    committedFlop: 0, bonusFlop: 0, flopPerTick: 0, racksHeld: 0, releaseTick: null, interruptions: 0, interruptionsByCause: new Map(),
    productiveRackTicks: 0, lostRackTicks: 0, checkpointRackTicks: 0, restartRackTicks: 0, holds: [], failureRng: rng, causeRng: rng, repairRng: rng,
  } as RunState;
  const state = {
    scenario, now: 0, events: new EventQueue(), runs: [run], queue: [], installedRacks: 8, freeRacks: 8, spareRacks: 0, downRacks: 0,
    allocatedRacks: 0, causes: [], months: [], monthIndex: 0, monthTotals: [], dirty: false, running: [],
  } as unknown as SimState;
  return { state, run };
}

/** The tick of the completion event in force (a rate change leaves the old one stale). */
function completionTick(state: SimState, run: RunState): number {
  for (;;) {
    const event = state.events.pop();
    if (!event) throw new Error('no completion scheduled');
    if (event.kind === 2 && event.seq === run.completionSeq) return event.tick;
  }
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
    const { simulate } = await import('../../src/engine/simulate.js');
    const { fifo } = await import('../../src/policies/fifo.js');
    const seen: number[] = [];
    const watching: typeof fifo = (view, queue) => {
      for (const r of view.running) if (r.id === 0) seen.push(r.startTick);
      return fifo(view, queue);
    };
    const capped = aScenario({
      start: '2027-07-01',
      end: '2027-07-05',
      runs: [
        aRun({ name: 'first', totalFlop: 1e24, checkpoint: { intervalMinutes: 50, writeMinutes: 5 } }),
        aRun({ name: 'second', submit: '2027-07-03', totalFlop: 1e22 }),
      ],
      // 0.55 MW: even the first run alone is capped, and the cap follows the temperature hour by hour.
      facility: { weather: { seededHeatWaves: false }, supply: { gridMw: 0.55 } },
    });
    const record = simulate(capped, { policy: watching });
    const caps = new Set(Array.from(record.facility?.capShare ?? []));
    expect(caps.size).toBeGreaterThan(3);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((t) => t === 0)).toBe(true);
  });
});
