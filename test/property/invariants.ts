import { expect } from 'vitest';
import type { RunRecord } from '../../src/simulation/record.js';
import type { ClusterView, Policy } from '../../src/policies/policy.js';
import { heldRackTicks } from '../../src/reports/metrics.js';
import { poolBuckets } from '../../src/reports/series.js';
import type { Summary } from '../../src/reports/summary.js';
import type { OptionResult } from '../../src/procurement/option-result.js';

/**
 * The invariants every simulation must keep, whatever the scenario, policy or options. Each
 * checks exact integers where the engine keeps integers (rack-ticks, cents).
 */

const cents = (usd: number) => Math.round(usd * 100);

/** Rack-ticks: runs' holds add up to the allocated integral; no pool is ever negative. */
export function expectRackTicksConserved(record: RunRecord): void {
  const total = (f: (m: RunRecord['months'][number]) => number) => record.months.reduce((a, m) => a + f(m), 0);
  const allocated = total((m) => m.allocatedRackTicks);
  expect(record.runs.reduce((a, r) => a + heldRackTicks(r), 0)).toBe(allocated);
  for (const m of record.months) {
    for (const v of [m.installedRackTicks, m.allocatedRackTicks, m.downRackTicks]) expect(Number.isSafeInteger(v)).toBe(true);
    // idle = installed - allocated - down >= 0: nothing is both allocated and under repair
    expect(m.allocatedRackTicks + m.downRackTicks).toBeLessThanOrEqual(m.installedRackTicks);
  }
  for (const r of record.runs) {
    for (const v of [r.productiveRackTicks, r.lostRackTicks, r.checkpointRackTicks, r.restartRackTicks]) {
      expect(Number.isSafeInteger(v) && v >= 0).toBe(true);
    }
  }
}

/**
 * The time series rebuilt from the holds (hangs, rollbacks and maintenance placed where they
 * happened) sums, pool by pool, to the runs' and months' integrals; a run's phases hold what the
 * run held.
 */
export function expectSeriesConserved(record: RunRecord): void {
  const b = poolBuckets(record, 'day');
  const sum = (xs: number[]) => xs.reduce((a, x) => a + x, 0);
  const runs = (f: (r: RunRecord['runs'][number]) => number) => record.runs.reduce((a, r) => a + f(r), 0);
  expect(sum(b.allocated)).toBe(record.months.reduce((a, m) => a + m.allocatedRackTicks, 0));
  expect(sum(b.down)).toBe(record.months.reduce((a, m) => a + m.downRackTicks, 0));
  expect(sum(b.productive)).toBe(runs((r) => r.productiveRackTicks));
  expect(sum(b.lost)).toBe(runs((r) => r.lostRackTicks));
  expect(sum(b.checkpoint)).toBe(runs((r) => r.checkpointRackTicks));
  expect(sum(b.restart)).toBe(runs((r) => r.restartRackTicks));
  for (const r of record.runs) {
    if (r.phases) expect(r.phases.reduce((a, p) => a + p.heldRackTicks, 0)).toBe(heldRackTicks(r));
    expect(r.hungRackTicks ?? 0).toBeLessThanOrEqual(r.lostRackTicks);
  }
}

/** GPU-hours: productive + lost + checkpoint + restart + idle + down = available. */
export function expectGpuHoursConserved(summary: Summary): void {
  const c = summary.cluster;
  const parts = c.productiveGpuHours + c.lostGpuHours + c.checkpointGpuHours + c.restartGpuHours + c.idleGpuHours + c.downGpuHours;
  expect(parts).toBeCloseTo(c.availableGpuHours, 6);
  expect(c.idleGpuHours).toBeGreaterThanOrEqual(0);
}

/** Money to the cent: usage shares + idle = lease = fully loaded shares = months. */
export function expectMoneyConserved(summary: Summary): void {
  const lease = cents(summary.money.leasePaidUsd);
  // Jobs of streams and traces are reported by stream in `queue`, not in `runs`.
  const streams = (summary.queue?.byStream ?? []).filter((s) => s.stream !== 'runs');
  const streamCents = streams.reduce((a, s) => a + cents(s.costUsageShareUsd), 0);
  expect(summary.runs.reduce((a, r) => a + cents(r.costUsageShareUsd), 0) + streamCents + cents(summary.money.idleCostUsd)).toBe(lease);
  expect(summary.months.reduce((a, m) => a + cents(m.leasePaidUsd), 0)).toBe(lease);
  const held = summary.runs.reduce((a, r) => a + r.gpuHoursHeld, 0);
  if (held > 0 && streams.length === 0) expect(summary.runs.reduce((a, r) => a + cents(r.costFullyLoadedUsd), 0)).toBe(lease);
  for (const r of summary.runs) expect(r.costUsageShareUsd).toBeGreaterThanOrEqual(0);
}

/** Utilization, goodput, progress and ETTR are fractions in [0, 1]. */
export function expectFractions(summary: Summary): void {
  const inUnit = (v: number | null | undefined) => {
    if (v === null || v === undefined) return;
    expect(v).toBeGreaterThanOrEqual(0);
    expect(v).toBeLessThanOrEqual(1 + 1e-12);
  };
  inUnit(summary.cluster.utilization);
  inUnit(summary.cluster.goodput);
  for (const m of summary.months) inUnit(m.utilization);
  for (const r of summary.runs) {
    inUnit(r.progress);
    inUnit(r.ettr);
    if (r.status === 'completed') expect(r.progress).toBe(1);
  }
}

/**
 * A policy that checks the cluster's pools at every decision before passing it on: the racks of
 * running jobs, free, spare, under repair (and withheld by the facility) add up to the installed
 * racks, and none is negative.
 * So a rack under repair is never also held by a job, and no work runs on it.
 */
export function watchingPools(inner: Policy, seen: { decisions: number }, withholding: boolean): Policy {
  return (view: ClusterView, queue) => {
    seen.decisions += 1;
    const held = view.running.reduce((a, r) => a + r.racks, 0);
    expect(Math.min(view.freeRacks, view.spareRacks, view.downRacks, held)).toBeGreaterThanOrEqual(0);
    const pooled = held + view.freeRacks + view.spareRacks + view.downRacks;
    // A facility that sheds load withholds racks from the scheduler: a fifth pool, never negative.
    if (withholding) expect(pooled).toBeLessThanOrEqual(view.installedRacks);
    else expect(pooled).toBe(view.installedRacks);
    return inner(view, queue);
  };
}

/**
 * Progress over time: cut the horizon at increasing ticks and compare. Each run's rack-tick
 * integrals never decrease; its work done never decreases except by a loss back to its last
 * checkpoint, and such a loss is at most the work of the lost ticks at the run's full speed.
 */
export function expectProgressMonotone(records: RunRecord[], flopPerRackTick: (runName: string) => number): void {
  for (let k = 1; k < records.length; k++) {
    const before = new Map((records[k - 1] as RunRecord).runs.map((r) => [r.name, r]));
    for (const later of (records[k] as RunRecord).runs) {
      const earlier = before.get(later.name);
      if (!earlier) continue;
      expect(later.productiveRackTicks + later.lostRackTicks).toBeGreaterThanOrEqual(earlier.productiveRackTicks);
      expect(later.lostRackTicks).toBeGreaterThanOrEqual(earlier.lostRackTicks);
      expect(later.checkpointRackTicks).toBeGreaterThanOrEqual(earlier.checkpointRackTicks);
      expect(later.restartRackTicks).toBeGreaterThanOrEqual(earlier.restartRackTicks);
      expect(later.interruptions).toBeGreaterThanOrEqual(earlier.interruptions);
      const lostFlop = (later.lostRackTicks - earlier.lostRackTicks) * flopPerRackTick(later.name);
      const slack = 1e-9 * later.totalFlop;
      if (later.lostRackTicks === earlier.lostRackTicks) expect(later.doneFlop).toBeGreaterThanOrEqual(earlier.doneFlop - slack);
      else expect(later.doneFlop + lostFlop).toBeGreaterThanOrEqual(earlier.doneFlop - slack);
    }
  }
}

/** After the facility policy acts, demand never exceeds supply nor heat the plant, in any hour. */
export function expectFacilityWithinSupply(record: RunRecord, battery: boolean): void {
  const f = record.facility;
  if (!f) return;
  // Only an envelope too small for even idle racks leaves demand unserved; then nothing can fit.
  if (f.unservedMwh > 0) return;
  // The record keeps each hour's peak demand and its lowest supply. Without a battery the supply
  // is fixed within the hour, so peak <= lowest is the invariant; with one, the battery's
  // allowance falls as it drains, peak and lowest come from different moments, and the invariant
  // is on the hour's mean: facility power within the supply plus what the battery gave.
  if (!battery) f.peakDemandMw.forEach((mw, h) => expect(mw, `hour ${h}: demand ${mw} MW, supply ${f.availableMw[h]} MW`).toBeLessThanOrEqual((f.availableMw[h] ?? 0) + 1e-9));
  f.facilityMw.forEach((mw, h) => expect(mw, `hour ${h}: mean ${mw} MW`).toBeLessThanOrEqual((f.supplyMw[h] ?? 0) + Math.max(0, f.batteryMw[h] ?? 0) + 1e-9));
  f.peakHeatMw.forEach((mw, h) => expect(mw, `hour ${h}: heat ${mw} MW, plant ${f.plantCapacityMw[h]} MW`).toBeLessThanOrEqual((f.plantCapacityMw[h] ?? 0) + 1e-9));
}

/** An option's bill: run costs plus idle cost make the total, to the cent; fractions stay in [0, 1]. */
export function expectOptionMoneyConserved(result: OptionResult): void {
  const total = cents(result.totalCostUsd);
  expect(total).toBeGreaterThanOrEqual(0);
  expect(cents(result.idleCostUsd)).toBeGreaterThanOrEqual(0);
  expect(result.runs.reduce((a, r) => a + cents(r.costUsd), 0) + cents(result.idleCostUsd), result.name).toBe(total);
  // Fully loaded spreads idle capacity over the runs on a lease; a cloud run's is as billed.
  if (result.kind === 'lease' && result.runs.some((r) => r.gpuHoursHeld > 0)) {
    expect(result.runs.reduce((a, r) => a + cents(r.costFullyLoadedUsd), 0), result.name).toBe(total);
  }
  if (result.utilization !== null) {
    expect(result.utilization).toBeGreaterThanOrEqual(0);
    expect(result.utilization).toBeLessThanOrEqual(1 + 1e-12);
  }
  for (const r of result.runs) expect(r.progress).toBeLessThanOrEqual(1);
}
