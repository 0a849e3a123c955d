import { describe, expect, it } from 'vitest';
import { generateStream, rateFactor } from '../../src/workload/stream.js';
import { workloadJobs } from '../../src/workload/jobs.js';
import { meanOne } from '../../src/workload/normalize-workload.js';
import type { WrittenScenario } from '../../src/scenario/schema.js';
import { aScenario } from '../builders.js';

type WrittenStream = NonNullable<NonNullable<WrittenScenario['workload']>['streams']>[number];

const aStream = (overrides: Partial<WrittenStream> = {}): WrittenStream => ({
  name: 'exp', ratePerDay: 20, racks: 1, durationHours: 2, precision: 'fp8', mfu: 0.4, ...overrides,
});

/** A year on 64 racks with the given streams. */
const withStreams = (...streams: WrittenStream[]) =>
  aScenario({ start: '2026-01-01', end: '2026-12-31', cluster: { racks: 64 }, runs: [], workload: { streams } });

describe('a workload stream', () => {
  it('arrives at its rate: the count over a year is within four standard deviations of rate x days', () => {
    const jobs = workloadJobs(withStreams(aStream()), 1, 0);
    const expected = 20 * 365;
    expect(Math.abs(jobs.length - expected)).toBeLessThan(4 * Math.sqrt(expected));
  });

  it('has exponential gaps between arrivals: their coefficient of variation is near 1', () => {
    const ticks = workloadJobs(withStreams(aStream({ ratePerDay: 200, durationHours: 1 })), 2, 0).map((j) => j.submitTick);
    const gaps = ticks.slice(1).map((t, i) => t - (ticks[i] ?? 0));
    const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
    const sd = Math.sqrt(gaps.reduce((a, b) => a + (b - mean) ** 2, 0) / gaps.length);
    expect(sd / mean).toBeGreaterThan(0.95);
    expect(sd / mean).toBeLessThan(1.05);
  });

  it('follows the hour-of-day weights: a zero hour gets no arrivals, a triple hour three times as many', () => {
    const hourOfDay = Array.from({ length: 24 }, (_, h) => (h === 3 ? 0 : h === 14 ? 3 : 1));
    const jobs = workloadJobs(withStreams(aStream({ ratePerDay: 100, hourOfDay })), 3, 0);
    const byHour = Array.from({ length: 24 }, () => 0);
    for (const j of jobs) byHour[Math.floor((j.submitTick % 86_400) / 3600)]! += 1;
    expect(byHour[3]).toBe(0);
    const ordinary = (byHour[10] ?? 0) + (byHour[11] ?? 0) + (byHour[12] ?? 0);
    expect((byHour[14] ?? 0) / (ordinary / 3)).toBeGreaterThan(2.6);
    expect((byHour[14] ?? 0) / (ordinary / 3)).toBeLessThan(3.4);
    // Weights are relative: the daily mean rate is kept.
    expect(Math.abs(jobs.length - 36_500)).toBeLessThan(4 * Math.sqrt(36_500));
  });

  it('follows the day-of-week weights, Monday first', () => {
    // 2026-01-05 was a Monday.
    expect(rateFactor({ hourOfDay: null, dayOfWeek: [7, 1, 1, 1, 1, 1, 1] }, Date.UTC(2026, 0, 5, 12) / 60_000)).toBe(7);
    expect(rateFactor({ hourOfDay: null, dayOfWeek: [7, 1, 1, 1, 1, 1, 2] }, Date.UTC(2026, 0, 4, 12) / 60_000)).toBe(2);
    expect(meanOne([2, 2, 2, 2, 2, 2, 2])).toEqual([1, 1, 1, 1, 1, 1, 1]);
  });

  it('turns a duration into exactly that many compute ticks of work, and an estimate by its factor', () => {
    const [job] = workloadJobs(withStreams(aStream({ durationHours: 5, estimateFactor: 1.5 })), 1, 0);
    // 5 hours of 1-second ticks at 72 GPUs x 5,000 TFLOP/s x 0.4.
    const perTick = 72 * 5000e12 * 0.4;
    expect(job?.totalFlop).toBeCloseTo(5 * 3600 * perTick, -10);
    expect(job?.estimatedTicks).toBe(1.5 * 5 * 3600);
  });

  it('draws sizes, durations and arrivals from separate streams: a new size distribution keeps the arrival times', () => {
    const a = workloadJobs(withStreams(aStream({ racks: 1 })), 9, 0);
    const b = workloadJobs(withStreams(aStream({ racks: { distribution: 'uniform', min: 1, max: 8 } })), 9, 0);
    expect(b.map((j) => j.submitTick)).toEqual(a.map((j) => j.submitTick));
    expect(b.map((j) => j.totalFlop / j.racks)).toEqual(a.map((j) => j.totalFlop / j.racks));
    expect(new Set(b.map((j) => j.racks)).size).toBeGreaterThan(4);
  });

  it('is the same for the same seed and replication, and different for another replication', () => {
    const s = withStreams(aStream());
    const stream = s.workload?.streams[0];
    if (!stream) throw new Error('no stream');
    expect(generateStream(stream, s, 1, 0)).toEqual(generateStream(stream, s, 1, 0));
    expect(generateStream(stream, s, 1, 1).map((j) => j.submitTick)).not.toEqual(generateStream(stream, s, 1, 0).map((j) => j.submitTick));
  });

  it('keeps each stream to its window and its sizes to what the cluster can schedule', () => {
    const jobs = workloadJobs(withStreams(aStream({ from: '2026-03-01', until: '2026-03-31', racks: 500 })), 1, 0);
    const s = withStreams();
    const march = (iso: string) => (Date.parse(`${iso}T00:00:00Z`) - Date.parse('2026-01-01T00:00:00Z')) / 1000 / s.tickSeconds;
    expect(jobs.length).toBeGreaterThan(0);
    for (const j of jobs) {
      expect(j.submitTick).toBeGreaterThanOrEqual(march('2026-03-01'));
      expect(j.submitTick).toBeLessThan(march('2026-04-01'));
      expect(j.racks).toBe(64);
    }
  });

  it('names every job after its stream and gives it the deadline and priority of the stream', () => {
    const [job] = workloadJobs(withStreams(aStream({ name: 'evals', team: 'eval-team', deadlineHours: 24, priority: 3 })), 1, 0);
    expect(job?.name).toBe('evals-1');
    expect(job?.stream).toBe('evals');
    expect(job?.team).toBe('eval-team');
    expect(job?.priority).toBe(3);
    expect(job?.deadlineTick).toBe((job?.submitTick ?? 0) + 24 * 3600);
  });
});
