import { describe, expect, it } from 'vitest';
import { rackCatalog } from '../../src/catalog/racks.js';
import { schedulerForRuns } from '../../src/procurement/scheduler-for-runs.js';
import { aRun, aScenario } from '../builders.js';

describe('the scheduler of a derived list of runs', () => {
  const scenario = aScenario({
    cluster: { racks: 16 },
    runs: [aRun({ name: 'a', racks: 2 }), aRun({ name: 'b', racks: 4 })],
    scheduler: { policy: 'fifo', reservations: [{ run: 'b', racks: 5, from: '2026-07-03' }], placement: { podRacks: 4 } },
  });
  const scheduler = scenario.scheduler!;

  it('moves a reservation to its run\'s new index, and drops it when the run is not in the list', () => {
    const only = [scenario.runs[1]!];
    expect(schedulerForRuns(scheduler, only, scenario.rack, scenario.rack).reservations).toEqual([{ ...scheduler.reservations[0], runIndex: 0 }]);
    expect(schedulerForRuns(scheduler, [scenario.runs[0]!], scenario.rack, scenario.rack).reservations).toEqual([]);
  });

  it('holds the same GPUs on another rack type, and never fewer racks than the run needs', () => {
    const h100 = rackCatalog['hgx-h100']!;
    const moved = [{ ...scenario.runs[0]!, racks: 18 }, { ...scenario.runs[1]!, racks: 36 }];
    const s = schedulerForRuns(scheduler, moved, scenario.rack, h100);
    expect(s.reservations[0]?.racks).toBe(45); // 5 x 72 GPUs / 8
    expect(s.placement?.podRacks).toBe(36);
    const tight = schedulerForRuns({ ...scheduler, reservations: [{ ...scheduler.reservations[0]!, racks: 1 }] }, moved, scenario.rack, h100);
    expect(tight.reservations[0]?.racks).toBe(36);
  });
});
