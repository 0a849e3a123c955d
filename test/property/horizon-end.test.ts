import { describe, expect, it } from 'vitest';
import { simulateScenario } from '../../src/simulation/simulate-scenario.js';
import { tickToIso } from '../../src/model/time.js';
import { summarize } from '../../src/reports/summary.js';
import { loadScenario } from '../../src/scenario/load.js';
import { provenance } from '../builders.js';

/**
 * Times are integer ticks from the start, never accumulated floating-point increments: the
 * 42-month lease at 1-second ticks (the engine benchmark's fixed scenario: the whole term, 278 racks)
 * ends exactly at the contract's end.
 */
describe('the 42-month lease at 1-second ticks', async () => {
  const { scenario } = await loadScenario('bench/engine.yaml');
  // 1 Jul 2026 .. 31 Dec 2029 inclusive: 184 + 365 + 366 + 365 = 1,280 days
  const seconds = 1_280 * 24 * 3600;

  it('has a horizon of exactly 1,280 days of whole seconds', () => {
    expect(scenario.tickSeconds).toBe(1);
    expect(scenario.horizonTicks).toBe(seconds);
    expect(Number.isSafeInteger(scenario.horizonTicks)).toBe(true);
  });

  it('ends at 31 Dec 2029 24:00 UTC, which is 1 Jan 2030 00:00', () => {
    expect(tickToIso(scenario.startMinutes, scenario.tickSeconds, scenario.horizonTicks)).toBe('2030-01-01');
    expect(scenario.startMinutes * 60 + scenario.horizonTicks).toBe(Date.UTC(2030, 0, 1) / 1000);
    expect(tickToIso(scenario.startMinutes, scenario.tickSeconds, scenario.horizonTicks - 1)).toBe('2029-12-31T23:59:59');
    expect(tickToIso(scenario.startMinutes, scenario.tickSeconds, scenario.horizonTicks - 60)).toBe('2029-12-31T23:59');
  });

  it('integrates the months to the last second: 42 months, ending at the horizon, summing exactly', () => {
    const record = simulateScenario(scenario);
    expect(record.months).toHaveLength(42);
    expect(record.months.at(-1)?.label).toBe('2029-12');
    expect(record.months.at(-1)?.endTick).toBe(scenario.horizonTicks);
    const installed = record.months.reduce((a, m) => a + m.installedRackTicks, 0);
    expect(installed).toBe(scenario.cluster.maxRacks * seconds);
    const summary = summarize(record, provenance);
    expect(summary.cluster.availableGpuHours).toBe(278 * 72 * 1_280 * 24);
    // The lease: 42 whole months at $150M, to the cent.
    expect(summary.money.leasePaidUsd).toBe(42 * 150_000_000);
  });
});
