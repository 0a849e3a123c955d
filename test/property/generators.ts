import fc from 'fast-check';
import { gpuCatalog } from '../../src/catalog/gpus.js';
import { rackCatalog } from '../../src/catalog/racks.js';
import type { WrittenDistribution, WrittenScenario } from '../../src/scenario/schema.js';
import { aFacility, someOptions } from './options-generators.js';

/**
 * Valid scenarios, small enough to simulate in milliseconds, varied enough to reach every path:
 * every rack type and precision, fixed racks or phases, spares, failure causes with and without
 * repairs, every checkpoint setting, submits inside the horizon, every scheduling policy with
 * preemption, quotas and reservations, job streams, a facility with either policy, and every
 * kind of procurement option.
 */
type WrittenRun = NonNullable<WrittenScenario['runs']>[number];

const day = 24 * 60;
const teams = ['pretraining', 'post-training', 'research'];

function isoDate(minutes: number): string {
  return new Date(minutes * 60_000).toISOString().slice(0, 10);
}
function isoDateTime(minutes: number): string {
  return new Date(minutes * 60_000).toISOString().slice(0, 16);
}

const repairHours: fc.Arbitrary<WrittenDistribution> = fc.oneof(
  fc.constantFrom(0, 0.5, 4, 30),
  fc.record({ distribution: fc.constant('fixed' as const), value: fc.constantFrom(0, 1, 12) }),
  fc.record({ distribution: fc.constant('exponential' as const), mean: fc.constantFrom(0.5, 3, 24) }),
  fc.record({ distribution: fc.constant('lognormal' as const), median: fc.constantFrom(1, 2), p95: fc.constantFrom(2, 19, 60) }),
  fc.tuple(fc.constantFrom(0, 1, 3), fc.constantFrom(3, 8, 40)).map(([min, max]) => ({ distribution: 'uniform' as const, min, max })),
  fc.constantFrom([0, 2, 10], [1], [0.5, 48]).map((values) => ({ distribution: 'empirical' as const, values: [...values] })),
);

const restartMinutes: fc.Arbitrary<WrittenDistribution> = fc.oneof(
  fc.constantFrom(0, 0.1, 1, 10, 45),
  fc.record({ distribution: fc.constant('lognormal' as const), median: fc.constantFrom(1, 3), p95: fc.constantFrom(3, 10, 30) }),
  fc.record({ distribution: fc.constant('exponential' as const), mean: fc.constantFrom(0.5, 5) }),
);

/** A root cause with each kind of recovery, hangs and silent data corruption. */
const cause = fc
  .record({
    name: fc.constantFrom('gpu', 'network', 'software', 'power', 'stall', 'sdc'),
    share: fc.constantFrom(0.1, 1, 3),
    recovery: fc.option(fc.constantFrom('restart' as const, 'swap' as const, 'repair' as const), { nil: undefined }),
    restartMinutes: fc.option(restartMinutes, { nil: undefined }),
    hang: fc.option(fc.boolean(), { nil: undefined }),
    rollbackCheckpoints: fc.option(fc.constantFrom(0, 1, 3), { nil: undefined }),
    repair: fc.option(repairHours, { nil: undefined }),
    swap: fc.option(fc.constantFrom(2, 15), { nil: undefined }),
  })
  .map(({ recovery, repair, swap, ...c }) => {
    const kind = recovery ?? 'repair';
    return {
      ...Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined)),
      ...(recovery ? { recovery } : {}),
      ...(kind === 'repair' && repair !== undefined ? { repairHours: repair } : {}),
      ...(kind === 'swap' && swap !== undefined ? { swapMinutes: swap } : {}),
    } as NonNullable<NonNullable<WrittenScenario['failures']>['causes']>[number];
  });

function failures(s: ScenarioShape) {
  return fc.record(
    {
      // Up to 50 times the Llama 3 rate, so that short horizons still see many interruptions.
      ratePerGpuHour: fc.constantFrom(0, 2e-5, 2e-4, 1e-3),
      restartMinutes,
      repairHours,
      hangDetectionMinutes: fc.constantFrom(1, 10, 30),
      causes: fc.uniqueArray(cause, { minLength: 1, maxLength: 3, selector: (c) => c.name }),
      stragglers: fc.record({ probabilityPerRack: fc.constantFrom(0, 0.05, 0.5, 1), speedShare: fc.constantFrom(0.3, 0.9, 1), detectionMinutes: fc.option(fc.constantFrom(20, 240), { nil: undefined }) }).map(
        ({ detectionMinutes, ...st }) => (detectionMinutes === undefined ? st : { ...st, detectionMinutes }),
      ),
      maintenance: fc.array(
        fc.record({ everyDays: fc.constantFrom(1, 3, 10), hours: fc.constantFrom(1, 6, 20), racks: fc.option(fc.integer({ min: 1, max: s.racks }), { nil: undefined }) }).map(({ racks, ...m }) => (racks === undefined ? m : { ...m, racks })),
        { maxLength: 2 },
      ),
      rateSchedule: fc
        .uniqueArray(fc.integer({ min: 0, max: s.days - 1 }), { minLength: 1, maxLength: 3 })
        .chain((days) => fc.tuple(...[...days].sort((a, b) => a - b).map((d) => fc.constantFrom(0, 5e-5, 1e-3).map((ratePerGpuHour) => ({ from: isoDate(s.startMinutes + d * day), ratePerGpuHour }))))),
      burnIn: fc.record({ shape: fc.constantFrom(0.3, 0.7), scaleDays: fc.constantFrom(1, 30), installed: fc.option(fc.integer({ min: -400, max: s.days - 1 }).map((d) => isoDate(s.startMinutes + d * day)), { nil: undefined }) }).map(
        ({ installed, ...b }) => (installed === undefined ? b : { ...b, installed }),
      ),
    },
    { requiredKeys: ['ratePerGpuHour'] },
  );
}

export interface ScenarioShape {
  startMinutes: number;
  days: number;
  /** The tick as a file gives it: in seconds (that divide an hour, for a facility) or, as older files do, minutes. */
  tick: { tickSeconds: number } | { tickMinutes: number };
  racks: number;
}

const shape: fc.Arbitrary<ScenarioShape> = fc.record({
  // 2026-01-01 .. 2028-12-31: months of 28-31 days, leap year 2028
  startMinutes: fc.integer({ min: 0, max: 1_095 }).map((d) => Date.UTC(2026, 0, 1) / 60_000 + d * day),
  days: fc.integer({ min: 2, max: 75 }),
  tick: fc.oneof(fc.constantFrom(1, 1, 30).map((tickSeconds) => ({ tickSeconds })), fc.constantFrom(1, 2, 5, 15, 60).map((tickMinutes) => ({ tickMinutes }))),
  racks: fc.integer({ min: 2, max: 40 }),
});

function run(s: ScenarioShape, rackId: string, schedulable: number, index: number): fc.Arbitrary<WrittenRun> {
  const rack = rackCatalog[rackId];
  const gpu = rack?.gpu ?? gpuCatalog['h100'];
  const precisions = Object.keys(gpu?.denseTflops ?? { bf16: 1 }) as Array<'fp4' | 'fp8' | 'bf16'>;
  return fc
    .record({
      racks: fc.integer({ min: 1, max: schedulable }),
      precision: fc.constantFrom(...precisions),
      speed: fc.oneof(fc.record({ mfu: fc.constantFrom(0.05, 0.3, 0.45) }), fc.record({ achievedTflopsPerGpu: fc.constantFrom(100, 400) })),
      // Work as a share of what the whole run could do in the horizon: some finish, some do not.
      shareOfHorizon: fc.constantFrom(0.01, 0.2, 0.6, 1.5),
      submitMinute: fc.integer({ min: 0, max: s.days * day - 1 }),
      checkpoint: fc.oneof(
        fc.constant(undefined),
        fc.record({ intervalMinutes: fc.constantFrom<number | 'auto' | 'none'>('auto', 'none', 7, 60, 240), writeMinutes: fc.constantFrom(0, 1, 3, 20) }),
      ),
      priority: fc.integer({ min: -2, max: 3 }),
      team: fc.constantFrom(...teams),
      estimatedDays: fc.option(fc.constantFrom(0.5, 3, 20), { nil: undefined }),
      restartMinutes: fc.option(restartMinutes, { nil: undefined }),
      phases: fc.option(phases(s, schedulable, precisions), { nil: undefined, freq: 2 }),
    })
    .map((r): WrittenRun => {
      const tflops = 'mfu' in r.speed ? (gpu?.denseTflops[r.precision] ?? 1) * r.speed.mfu : r.speed.achievedTflopsPerGpu;
      const gpus = r.racks * (rack?.gpusPerRack ?? 8);
      const totalFlop = Math.max(1e15, gpus * tflops * 1e12 * s.days * 86_400 * r.shareOfHorizon);
      return {
        name: `run-${index}`,
        racks: r.racks,
        precision: r.precision,
        ...r.speed,
        totalFlop,
        submit: isoDateTime(s.startMinutes + r.submitMinute),
        priority: r.priority,
        team: r.team,
        ...(r.checkpoint ? { checkpoint: r.checkpoint } : {}),
        ...(r.estimatedDays !== undefined ? { estimatedDays: r.estimatedDays } : {}),
        ...(r.restartMinutes !== undefined ? { restartMinutes: r.restartMinutes } : {}),
        ...(r.phases !== undefined ? { phases: r.phases } : {}),
      };
    });
}

type WrittenPhase = NonNullable<WrittenRun['phases']>[number];

/** Phases ending by share of the work or by date, with their own size, precision and speed; the last ends with the run. */
function phases(s: ScenarioShape, schedulable: number, precisions: Array<'fp4' | 'fp8' | 'bf16'>): fc.Arbitrary<WrittenPhase[]> {
  const phase = fc.record({
    racks: fc.option(fc.integer({ min: 1, max: schedulable }), { nil: undefined }),
    precision: fc.option(fc.constantFrom(...precisions), { nil: undefined }),
    speed: fc.option(fc.oneof(fc.record({ speedShare: fc.constantFrom(0.5, 1.2) }), fc.record({ mfu: fc.constantFrom(0.2, 0.4) })), { nil: undefined }),
  });
  return fc
    .tuple(fc.array(phase, { minLength: 1, maxLength: 3 }), fc.boolean(), fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: 3, maxLength: 3 }))
    .map(([list, byDate, points]) => {
      const ends = [...points].sort((a, b) => a - b);
      return list.map((p, i): WrittenPhase => {
        const last = i === list.length - 1;
        const end = ends[i] ?? 50;
        return {
          name: `phase-${i}`,
          ...(last ? {} : byDate ? { until: isoDateTime(s.startMinutes + Math.floor(((s.days * day - 1) * end) / 100)) } : { untilShare: end / 100 }),
          ...(p.racks !== undefined ? { racks: p.racks } : {}),
          ...(p.precision !== undefined ? { precision: p.precision } : {}),
          ...(p.speed ?? {}),
        };
      });
    });
}

/** The optional scheduler section: every policy, with preemption, quotas and reservations. */
function scheduler(s: ScenarioShape, runs: WrittenRun[], schedulable: number) {
  type Reservation = { run: string; racks: number; from: string };
  const reservation: fc.Arbitrary<Reservation[]> = runs.length === 0
    ? fc.constant([])
    : fc.array(
        fc.record({ pick: fc.nat(), extra: fc.nat({ max: 2 }), fromDay: fc.integer({ min: 0, max: s.days - 1 }) }).map(({ pick, extra, fromDay }) => {
          const target = runs[pick % runs.length] as WrittenRun;
          return { run: target.name, racks: Math.min(schedulable, (target.racks as number) + extra), from: isoDate(s.startMinutes + fromDay * day) };
        }),
        { maxLength: 1 },
      );
  return fc.option(
    fc.record(
      {
        policy: fc.constantFrom('fifo' as const, 'priority' as const, 'backfill' as const, 'fairshare' as const),
        preemption: fc.constant(true),
        quotas: fc.constantFrom<Record<string, number>>({ pretraining: 3, 'post-training': 1, research: 1 }, { pretraining: 1 }),
        reservations: reservation,
      },
      { requiredKeys: ['policy'] },
    ).map(({ preemption, ...rest }) => (rest.policy === 'priority' && preemption !== undefined ? { ...rest, preemption } : rest)),
    { nil: undefined },
  );
}

/** A job stream: Poisson arrivals of small jobs. */
function workload(s: ScenarioShape, rackId: string, schedulable: number) {
  const gpu = rackCatalog[rackId]?.gpu;
  const precisions = Object.keys(gpu?.denseTflops ?? { bf16: 1 }) as Array<'fp4' | 'fp8' | 'bf16'>;
  const stream = fc.record({
    ratePerDay: fc.constantFrom(0.5, 2, 6),
    racks: fc.integer({ min: 1, max: Math.min(4, schedulable) }),
    durationHours: fc.constantFrom(1, 8, 30),
    precision: fc.constantFrom(...precisions),
    team: fc.constantFrom(...teams),
  });
  return fc.option(
    fc.array(stream, { minLength: 1, maxLength: 2 }).map((streams) => ({
      streams: streams.map((st, i) => ({ name: `stream-${i}`, team: st.team, ratePerDay: st.ratePerDay, racks: st.racks, durationHours: st.durationHours, precision: st.precision, mfu: 0.3 })),
    })),
    { nil: undefined },
  );
}

export function aValidScenario(): fc.Arbitrary<WrittenScenario> {
  return shape.chain((s) =>
    fc
      .record({
        rack: fc.constantFrom(...Object.keys(rackCatalog)),
        phased: fc.boolean(),
        spares: fc.integer({ min: 0, max: 3 }),
        seed: fc.nat({ max: 1_000_000 }),
        monthlyCents: fc.integer({ min: 0, max: 20_000_000_000 }),
        failures: fc.option(failures(s), { nil: undefined }),
        phaseDays: fc.uniqueArray(fc.integer({ min: 1, max: s.days - 1 }), { maxLength: 2 }).map((d) => [...d].sort((a, b) => a - b)),
      })
      .chain((c) => {
        const spareRacks = Math.min(c.spares, s.racks - 1);
        const schedulable = s.racks - spareRacks;
        const phases = c.phased
          ? [{ from: isoDate(s.startMinutes + (c.phaseDays.length > 0 ? 0 : day)), racks: c.phaseDays.length > 0 ? Math.max(spareRacks + 1, Math.ceil(s.racks / 2)) : s.racks }, ...c.phaseDays.map((d, i) => ({ from: isoDate(s.startMinutes + d * day), racks: i === c.phaseDays.length - 1 ? s.racks : Math.max(spareRacks + 1, Math.ceil((s.racks * 3) / 4)) }))]
          : undefined;
        return fc.integer({ min: 0, max: 6 }).chain((n) =>
          fc.tuple(...Array.from({ length: n }, (_, i) => run(s, c.rack, schedulable, i))).chain((runs) =>
            fc.record({
              scheduler: scheduler(s, runs, schedulable),
              workload: workload(s, c.rack, schedulable),
              facility: fc.option(aFacility(s.startMinutes, s.days, c.rack, s.racks), { nil: undefined, freq: 3 }),
              options: fc.option(someOptions(s.startMinutes, s.days), { nil: undefined, freq: 3 }),
            }).map((extra): WrittenScenario => ({
              name: 'property',
              seed: c.seed,
              start: isoDate(s.startMinutes),
              end: isoDate(s.startMinutes + (s.days - 1) * day),
              ...s.tick,
              hardware: { rack: c.rack },
              cluster: phases ? { phases, spareRacks } : { racks: s.racks, spareRacks },
              ...(c.failures ? { failures: c.failures } : {}),
              lease: { monthlyUsd: c.monthlyCents / 100 },
              runs,
              ...(extra.scheduler ? { scheduler: extra.scheduler } : {}),
              ...(extra.workload ? { workload: extra.workload } : {}),
              ...(extra.facility ? { facility: extra.facility } : {}),
              ...(extra.options ? { options: extra.options } : {}),
            })),
          ),
        );
      }),
  );
}
