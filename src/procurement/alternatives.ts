import { formatUsd } from '../reports/format.js';
import type { Scenario } from '../scenario/scenario.js';
import type { Comparison } from './compare.js';

/** One way of buying the scenario's work, as `capsim run` lists it beside the lease. */
export interface Alternative {
  option: string;
  kind: string;
  rack: string;
  totalCostUsd: number;
  /** The named runs' work it delivered, in GPU-hours of the scenario's rack at each run's speed. */
  workGpuHours: number;
  /** Total cost / workGpuHours: what a GPU-hour of the scenario's work cost under this option. */
  usdPerWorkGpuHour: number | null;
  deliveredShare: number;
  /** What made this seed's cost differ from the terms as written: the lessor's termination. */
  note: string | null;
}

/**
 * Each option's total cost against the work it delivered, on one scale for every hardware: the
 * named runs' delivered FLOP converted to GPU-hours of the scenario's own rack at each run's
 * achieved speed there. An H100 cloud's GPU-hour does less work than a GB300's; this prices the
 * work, not the hour.
 */
export function alternatives(c: Comparison, scenario: Scenario): Alternative[] {
  const flopPerGpuHour = new Map(scenario.runs.map((r) => [r.name, r.tflopsPerGpu * 1e12 * 3600]));
  return [...c.options]
    .sort((a, b) => a.rank - b.rank)
    .map((o) => {
      const workGpuHours = o.runs.reduce((sum, r) => {
        const rate = flopPerGpuHour.get(r.name) ?? 0;
        const total = scenario.runs.find((s) => s.name === r.name)?.totalFlop ?? 0;
        return rate > 0 ? sum + (r.progress * total) / rate : sum;
      }, 0);
      return {
        option: o.name,
        kind: o.kind,
        rack: o.rack,
        totalCostUsd: o.totalCostUsd,
        workGpuHours,
        usdPerWorkGpuHour: workGpuHours > 0 ? o.totalCostUsd / workGpuHours : null,
        deliveredShare: o.deliveredShare,
        note: terminationNote(o),
      };
    });
}

/** A lease the lessor ended at this seed costs its fees until then plus the fallback's bill for the rest. */
function terminationNote(o: Comparison['options'][number]): string | null {
  const risk = o.lease?.terminationRisk;
  if (!risk || risk.terminatedShare === 0) return null;
  return `the lessor ended ${o.name} at this seed (${risk.noticeDays} days' notice); the runs still to do moved to ${o.lease?.fallback ?? 'no fallback'}: ${formatUsd(risk.costWithoutRiskUsd)} without the termination, ${formatUsd(Math.abs(risk.expectedCostUsd))} ${risk.expectedCostUsd >= 0 ? 'more' : 'less'} with it`;
}
