import { spareRacks } from '../scenario/rack-counts.js';
import type { LeaseSpec, Scenario } from '../scenario/scenario.js';
import type { WrittenScenario } from '../scenario/schema.js';
import { defaults } from '../scenario/defaults.js';
import { toDistribution } from '../scenario/to-distribution.js';
import type { WrittenDistribution } from '../scenario/schema-primitives.js';
import { scaleDistribution } from '../random/distributions.js';
import { scalePrice } from './price-path.js';
import type { EvaluateContext } from './option-assembly.js';
import type { CloudOption, LeaseOption, ProcurementOption } from './option.js';
import type { SensitivityParameterName } from './sensitivity-parameter-names.js';

/**
 * A parameter of one-at-a-time sensitivity (and of `breakeven --vary NAME`): each is multiplied
 * by a factor (the GPU type is set to a catalog rack instead), everything else held at the
 * scenario's values and on the same random streams. `apply` changes the resolved scenario and
 * options; `written` changes the written scenario, which is then normalised again, for what
 * shapes normalisation (the racks, a run's restart and checkpoint, the hardware).
 */
export type SensitivityParameter =
  | { name: SensitivityParameterName; description: string; apply: (ctx: EvaluateContext, options: ProcurementOption[], factor: number) => { ctx: EvaluateContext; options: ProcurementOption[] } }
  | { name: SensitivityParameterName; description: string; written: (w: WrittenScenario, value: number | string) => WrittenScenario };

/** A parameter at one value: a factor, or (the GPU type) a catalog rack id. */
export interface ParameterValue {
  parameter: string;
  value: number | string;
}

const factor = (v: number | string) => (typeof v === 'number' ? v : 1);
const mapWrittenRuns = (w: WrittenScenario, f: (r: NonNullable<WrittenScenario['runs']>[number]) => NonNullable<WrittenScenario['runs']>[number]): WrittenScenario =>
  w.runs ? { ...w, runs: w.runs.map(f) } : w;
/** Whole racks, at least 1 (the cluster cannot vanish). */
const scaleRacks = (racks: number, k: number) => Math.max(1, Math.round(racks * k));

const mapLease = (options: ProcurementOption[], f: (l: LeaseSpec) => LeaseSpec) => {
  const terms = (l: LeaseOption): LeaseOption => ({ ...l, terms: f(l.terms) });
  return options.map((o) => (o.kind === 'lease' ? terms(o) : o.kind === 'hybrid' ? { ...o, lease: terms(o.lease) } : o));
};
const mapCloud = (options: ProcurementOption[], f: (c: CloudOption) => CloudOption) =>
  options.map((o) => (o.kind === 'lease' || o.kind === 'own' ? o : o.kind === 'hybrid' ? { ...o, burst: f(o.burst) } : f(o)));
const mapScenario = (ctx: EvaluateContext, f: (s: Scenario) => Scenario): EvaluateContext => ({ ...ctx, scenario: f(ctx.scenario) });

export const sensitivityParameters: readonly SensitivityParameter[] = [
  {
    name: 'cloud-price',
    description: 'every cloud price per GPU-hour (overflow included)',
    apply: (ctx, options, k) => ({
      ctx,
      options: mapCloud(options, (c) => ({
        ...c,
        price: scalePrice(c.price, k),
        commitments: c.commitments.map((m) => ({ ...m, priceUsdPerGpuHour: m.priceUsdPerGpuHour * k })),
        overflow: c.overflow === null ? null : scalePrice(c.overflow, k),
        upgrade: c.upgrade === null ? null : { ...c.upgrade, price: scalePrice(c.upgrade.price, k) },
      })),
    }),
  },
  {
    name: 'lease-fee',
    description: 'the lease fee, every step of its schedule',
    apply: (ctx, options, k) => ({ ctx, options: mapLease(options, (l) => ({ ...l, schedule: l.schedule.map((step) => ({ ...step, monthlyUsd: step.monthlyUsd * k })) })) }),
  },
  {
    name: 'failure-rate',
    description: 'interruptions per GPU-hour (checkpoint intervals as planned)',
    apply: (ctx, options, k) => ({ ctx: mapScenario(ctx, (s) => ({ ...s, failures: { ...s.failures, ratePerGpuHour: s.failures.ratePerGpuHour * k } })), options }),
  },
  {
    name: 'mfu',
    description: "every run's achieved FLOP/s per GPU (MFU)",
    apply: (ctx, options, k) => ({ ctx: mapScenario(ctx, (s) => ({ ...s, runs: s.runs.map((r) => ({ ...r, tflopsPerGpu: r.tflopsPerGpu * k })) })), options }),
  },
  {
    name: 'utilization',
    description: "the work to do: every run's FLOPs (the lease's utilization follows)",
    apply: (ctx, options, k) => ({ ctx: mapScenario(ctx, (s) => ({ ...s, runs: s.runs.map((r) => ({ ...r, totalFlop: r.totalFlop * k })) })), options }),
  },
  {
    name: 'pue',
    description: "the facility's overhead, PUE - 1 (matters only when power is passed through)",
    apply: (ctx, options, k) => ({ ctx, options: mapLease(options, (l) => ({ ...l, pue: 1 + (l.pue - 1) * k })) }),
  },
  {
    name: 'power-price',
    description: 'the energy price passed through, USD per MWh (matters only when power is passed through)',
    apply: (ctx, options, k) => ({ ctx, options: mapLease(options, (l) => ({ ...l, powerUsdPerMwh: l.powerUsdPerMwh === null ? null : l.powerUsdPerMwh * k })) }),
  },
  {
    name: 'racks',
    description: "the tenant's racks: cluster.racks (or every phase, and the lease's ramp-in steps); runs sized as a share follow, runs in racks are cut to the cluster",
    written: (w, v) => {
      const k = factor(v);
      const rampIn = w.lease.rampIn ? { ...w.lease.rampIn, steps: w.lease.rampIn.steps.map((st) => ({ ...st, racks: Math.round(st.racks * k) })) } : undefined;
      const cluster = {
        ...w.cluster,
        ...(w.cluster.racks !== undefined ? { racks: scaleRacks(w.cluster.racks, k) } : {}),
        ...(w.cluster.phases ? { phases: w.cluster.phases.map((ph) => ({ ...ph, racks: scaleRacks(ph.racks, k) })) } : {}),
      };
      // A run (or a reservation) larger than the smaller cluster is cut to what it can schedule.
      const most = (cluster.phases ?? []).reduce((m, ph) => Math.max(m, ph.racks), cluster.racks ?? 0);
      const schedulable = Math.max(1, most - spareRacks(cluster.spareRacks, most));
      const cut = (racks: number) => Math.min(racks, schedulable);
      const scheduler = w.scheduler?.reservations ? { ...w.scheduler, reservations: w.scheduler.reservations.map((r) => ({ ...r, racks: cut(r.racks) })) } : w.scheduler;
      return mapWrittenRuns(
        { ...w, cluster, lease: rampIn ? { ...w.lease, rampIn } : w.lease, ...(scheduler ? { scheduler } : {}) },
        (r) => (typeof r.racks === 'number' ? { ...r, racks: cut(r.racks) } : r),
      );
    },
  },
  {
    name: 'gpu-type',
    description: "the leased hardware: another catalog rack (runs keep their racks), set by --gpu-types",
    written: (w, v) => (typeof v === 'string' ? { ...w, hardware: { ...w.hardware, rack: v } } : w),
  },
  {
    name: 'restart-time',
    description: 'minutes to detect an interruption and reload (failures.restartMinutes, every cause\'s and every run\'s own; a distribution is scaled whole)',
    written: (w, v) => {
      const k = factor(v);
      const scaled = (d: WrittenDistribution | undefined) => (d === undefined ? undefined : scaleDistribution(toDistribution(d) ?? defaults.restartMinutes, k));
      const causes = w.failures?.causes?.map((c) => (c.restartMinutes === undefined ? c : { ...c, restartMinutes: scaled(c.restartMinutes) }));
      const failures = {
        ratePerGpuHour: w.failures?.ratePerGpuHour ?? defaults.failureRatePerGpuHour,
        ...w.failures,
        restartMinutes: scaleDistribution(toDistribution(w.failures?.restartMinutes) ?? defaults.restartMinutes, k),
        ...(causes ? { causes } : {}),
      };
      return mapWrittenRuns({ ...w, failures }, (r) => (r.restartMinutes === undefined ? r : { ...r, restartMinutes: scaled(r.restartMinutes) }));
    },
  },
  {
    name: 'checkpoint-write',
    description: "minutes a checkpoint write blocks training, every run's (auto intervals follow, by Young/Daly)",
    written: (w, v) => mapWrittenRuns(w, (r) => ({ ...r, checkpoint: { ...r.checkpoint, writeMinutes: (r.checkpoint?.writeMinutes ?? defaults.checkpointWriteMinutes) * factor(v) } })),
  },
];

/** The parameter of this name; undefined when there is none. */
export function sensitivityParameter(name: string): SensitivityParameter | undefined {
  return sensitivityParameters.find((p) => p.name === name);
}
