import { mean } from 'simple-statistics';
import type { Provenance } from '../reports/summary.js';
import type { LeaseSpec, Scenario } from '../scenario/scenario.js';
import { scalePrice } from './price-path.js';
import { evaluateOption, type EvaluateContext } from './evaluate-option.js';
import type { CloudOption, LeaseOption, ProcurementOption } from './option.js';

/**
 * One-at-a-time sensitivity of the lease-vs-cloud difference. Each parameter is scaled by a low
 * and a high factor, everything else held at the scenario's values and on the same random streams,
 * and the parameters are ranked by how far the difference swings (a tornado).
 */
export interface SensitivityParameter {
  name: string;
  description: string;
  apply: (ctx: EvaluateContext, options: ProcurementOption[], factor: number) => { ctx: EvaluateContext; options: ProcurementOption[] };
}

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
];

export interface SensitivitySettings {
  seed: number;
  replications: number;
  low: number;
  high: number;
  /** Names of the lease (or hybrid) and the cloud option to compare. */
  lease: string;
  against: string;
  parameters: readonly string[];
}

export type Sensitivity = ReturnType<typeof sensitivity>;

/** Cloud cost - lease cost (positive: the lease saves money), mean over the paired replications. */
function leaseSavings(ctx: EvaluateContext, options: ProcurementOption[], s: SensitivitySettings): number {
  const find = (name: string) => options.find((o) => o.name === name) as ProcurementOption;
  const withOptions = { ...ctx, options };
  const diffs = Array.from({ length: s.replications }, (_, r) =>
    evaluateOption(withOptions, find(s.against), s.seed, r).totalCostUsd - evaluateOption(withOptions, find(s.lease), s.seed, r).totalCostUsd,
  );
  return mean(diffs);
}

export function sensitivity(ctx: EvaluateContext, options: ProcurementOption[], s: SensitivitySettings, provenance: Provenance) {
  const base = leaseSavings(ctx, options, s);
  const rows = sensitivityParameters
    .filter((p) => s.parameters.includes(p.name))
    .map((p) => {
      const at = (k: number) => {
        const varied = p.apply(ctx, options, k);
        return leaseSavings(varied.ctx, varied.options, s);
      };
      const lowUsd = at(s.low);
      const highUsd = at(s.high);
      return { name: p.name, description: p.description, lowSavingsUsd: lowUsd, highSavingsUsd: highUsd, swingUsd: Math.abs(highUsd - lowUsd) };
    })
    .sort((a, b) => b.swingUsd - a.swingUsd || a.name.localeCompare(b.name));
  return {
    capsim: { version: provenance.version, scenarioHash: provenance.scenarioHash, seed: s.seed, replications: s.replications },
    scenario: ctx.scenario.name,
    lease: s.lease,
    against: s.against,
    lowFactor: s.low,
    highFactor: s.high,
    baseSavingsUsd: base,
    parameters: rows,
  };
}
