import { describe, expect, it } from 'vitest';
import { simulateScenario } from '../../src/simulation/simulate-scenario.js';
import type { RunOutcome } from '../../src/simulation/record.js';
import { erlangCMeanWait, erlangCWaitProbability } from '../../src/model/erlang-c.js';
import { aMinuteScenario } from '../builders.js';

/**
 * M/M/c through the whole engine: a Poisson stream of single-rack jobs with exponential
 * durations on c racks, FIFO, no failures. Waits at ρ = 0.9 are heavy-tailed and strongly
 * autocorrelated (a 95,000-job sample mean has a standard deviation near 7%), so the estimate
 * uses a control variate (Law and Kelton, ch. 11): on the same arrivals and durations, the
 * Lindley recursion of one server c times as fast, whose mean wait ρ / (cμ - λ) is known. The
 * estimator W - β (W1 - E[W1]) has the same expectation as W for any fixed β; β = C(c, a) / ρ,
 * the ratio of the two means, cuts its standard deviation about fourfold.
 */
const servers = 10;
const meanServiceMinutes = 240;
const dayMinutes = 24 * 60;

function estimateMeanWait(rho: number, seed: number): { direct: number; controlled: number; expected: number } {
  const arrivalPerMinute = (rho * servers) / meanServiceMinutes;
  const scenario = aMinuteScenario({
    seed,
    start: '2026-01-01',
    end: '2030-12-31',
    cluster: { racks: servers },
    runs: [],
    workload: {
      streams: [
        {
          name: 'mmc',
          ratePerDay: arrivalPerMinute * dayMinutes,
          racks: 1,
          durationHours: { distribution: 'exponential', mean: meanServiceMinutes / 60 },
          precision: 'fp8',
          mfu: 0.4,
          checkpoint: { intervalMinutes: 'none' },
        },
      ],
    },
  });
  const jobs = simulateScenario(scenario).runs.filter((r) => r.stream === 'mmc' && r.endTick !== null);
  const fastWaits = lindleyFastServer(jobs, servers);
  // 30 days of warm-up (five relaxation times at ρ = 0.9) and 30 days at the end, so every job counted has started.
  const counted = jobs.flatMap((r, i) => (r.submitTick >= 30 * dayMinutes && r.submitTick < scenario.horizonTicks - 30 * dayMinutes ? [i] : []));
  const mean = (f: (i: number) => number) => counted.reduce((sum, i) => sum + f(i), 0) / counted.length;
  const direct = mean((i) => (jobs[i]?.firstStartTick ?? NaN) - (jobs[i]?.submitTick ?? NaN));
  const fast = mean((i) => fastWaits[i] ?? NaN);
  const fastExpected = rho / (servers / meanServiceMinutes - arrivalPerMinute);
  const beta = erlangCWaitProbability(servers, rho * servers) / rho;
  return { direct, controlled: direct - beta * (fast - fastExpected), expected: erlangCMeanWait(servers, arrivalPerMinute, meanServiceMinutes) };
}

/** Waits of a single FIFO server c times as fast, fed the same arrivals and work (Lindley 1952). */
function lindleyFastServer(jobs: RunOutcome[], speedup: number): number[] {
  const waits: number[] = [];
  let wait = 0;
  jobs.forEach((job, i) => {
    const previous = jobs[i - 1];
    if (previous) wait = Math.max(0, wait + ((previous.endTick ?? 0) - (previous.firstStartTick ?? 0)) / speedup - (job.submitTick - previous.submitTick));
    waits.push(wait);
  });
  return waits;
}

/** Start ticks of a FIFO queue with c identical servers (Kiefer and Wolfowitz 1955): each job, in arrival order, takes the server free first. */
function fifoServerStarts(jobs: RunOutcome[], servers: number): number[] {
  const freeAt = Array.from({ length: servers }, () => 0);
  return jobs.map((job) => {
    const k = freeAt.indexOf(Math.min(...freeAt));
    const start = Math.max(job.submitTick, freeAt[k] ?? 0);
    // A job still running at the horizon's end holds its server past it.
    freeAt[k] = job.endTick === null ? Infinity : start + (job.endTick - (job.firstStartTick ?? 0));
    return start;
  });
}

describe('an M/M/c workload under FIFO', () => {
  it('starts every job exactly when a c-server FIFO queue would', () => {
    const scenario = aMinuteScenario({
      seed: 11,
      start: '2026-01-01',
      end: '2026-06-30',
      cluster: { racks: servers },
      runs: [],
      workload: { streams: [{ name: 'mmc', ratePerDay: (0.9 * servers * dayMinutes) / meanServiceMinutes, racks: 1, durationHours: { distribution: 'exponential', mean: 4 }, precision: 'fp8', mfu: 0.4 }] },
    });
    const jobs = simulateScenario(scenario).runs.filter((r) => r.firstStartTick !== null);
    expect(jobs.length).toBeGreaterThan(8000);
    expect(jobs.map((j) => j.firstStartTick)).toEqual(fifoServerStarts(jobs, servers));
  });

  for (const { rho, seeds } of [
    { rho: 0.7, seeds: [1, 2, 3] },
    { rho: 0.9, seeds: [1, 2, 3, 4] },
  ]) {
    it(`has the mean wait of Erlang C within 5% at load ${rho}`, () => {
      const estimates = seeds.map((seed) => estimateMeanWait(rho, seed));
      const expected = estimates[0]?.expected ?? NaN;
      const controlled = estimates.reduce((sum, e) => sum + e.controlled, 0) / estimates.length;
      const direct = estimates.reduce((sum, e) => sum + e.direct, 0) / estimates.length;
      expect(Math.abs(controlled / expected - 1), `controlled ${controlled.toFixed(1)} min, direct ${direct.toFixed(1)} min, Erlang C ${expected.toFixed(1)} min`).toBeLessThan(0.05);
      // The plain sample mean is noisier but must not be far off either.
      expect(Math.abs(direct / expected - 1)).toBeLessThan(0.15);
    }, 120_000);
  }

  it('has the Erlang C probability of waiting within 3% at load 0.9', () => {
    const scenario = aMinuteScenario({
      seed: 5,
      start: '2026-01-01',
      end: '2030-12-31',
      cluster: { racks: servers },
      runs: [],
      workload: { streams: [{ name: 'mmc', ratePerDay: (0.9 * servers * dayMinutes) / meanServiceMinutes, racks: 1, durationHours: { distribution: 'exponential', mean: 4 }, precision: 'fp8', mfu: 0.4 }] },
    });
    const jobs = simulateScenario(scenario).runs.filter((r) => r.submitTick >= 30 * dayMinutes && r.submitTick < scenario.horizonTicks - 30 * dayMinutes);
    const waited = jobs.filter((r) => (r.firstStartTick ?? 0) > r.submitTick).length / jobs.length;
    expect(Math.abs(waited / erlangCWaitProbability(servers, 9) - 1)).toBeLessThan(0.03);
  }, 60_000);
});
