import { parseScenario } from '../src/scenario/load.js';
import type { Scenario } from '../src/scenario/scenario.js';
import type { WrittenScenario } from '../src/scenario/schema.js';

type WrittenRun = NonNullable<WrittenScenario['runs']>[number];

/** A run on 4 GB300 racks at FP8, MFU 0.4, computing `totalFlop`. */
export function aRun(overrides: Partial<WrittenRun> = {}): WrittenRun {
  return { name: 'run', racks: 4, precision: 'fp8', mfu: 0.4, totalFlop: 1e22, checkpoint: { intervalMinutes: 'none' }, ...overrides };
}

/** A written scenario: 8 GB300 racks for 30 days, no failures, one run, $1M a month. */
export function aWrittenScenario(overrides: Partial<WrittenScenario> = {}): WrittenScenario {
  return {
    name: 'test',
    seed: 1,
    start: '2026-07-01',
    end: '2026-07-30',
    hardware: { rack: 'gb300-nvl72' },
    cluster: { racks: 8 },
    failures: { ratePerGpuHour: 0 },
    lease: { monthlyUsd: 1_000_000 },
    runs: [aRun()],
    ...overrides,
  };
}

/** Through the same path as a file: schema, rules, normalisation. */
export function aScenario(overrides: Partial<WrittenScenario> = {}): Scenario {
  return parseScenario(JSON.stringify(aWrittenScenario(overrides)), 'test.json').scenario;
}

/** The same at 1-minute ticks, for tests whose arithmetic is in whole minutes. */
export function aMinuteScenario(overrides: Partial<WrittenScenario> = {}): Scenario {
  return aScenario({ tickMinutes: 1, ...overrides });
}

export const provenance = { version: 'test', scenarioHash: 'test' };
