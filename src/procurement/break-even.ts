import type { Scenario } from '../scenario/scenario.js';
import type { CloudOption, ProcurementOption } from './option.js';
import { peakTflops } from './run-on-rack.js';

/**
 * A cloud GPU-hour's work in lease GPU-hours: the GPU-hours the named runs need on the cloud's
 * hardware / on the lease's (each run's work / its peak there, summed). 1 on the same hardware;
 * 5,000 / 1,979 = 2.53 for an H100 cloud against GB300 at FP8.
 */
export function cloudHoursPerLeaseHour(scenario: Scenario, cloud: CloudOption): number {
  let onCloud = 0;
  let onLease = 0;
  for (const run of scenario.runs) {
    const leasePeak = peakTflops(run.precision, scenario.rack);
    const cloudPeak = peakTflops(run.precision, cloud.rack);
    if (leasePeak <= 0 || cloudPeak <= 0) continue;
    onCloud += run.totalFlop / cloudPeak;
    onLease += run.totalFlop / leasePeak;
  }
  return onLease > 0 ? onCloud / onLease : 1;
}

/** What break-even needs of an option's summary. */
interface Summarized {
  name: string;
  kind: string;
  utilization: number | null;
  priceUsdPerGpuHour: number | null;
  lease: { costPerAvailableGpuHourUsd: number | null } | null;
}

/**
 * Break-even utilization of each lease against each cloud option: lease cost per available
 * GPU-hour / the cloud's price of a lease GPU-hour's work (its price x cloudHoursPerLeaseHour).
 * Above it, the lease's GPU-hours used cost less than the same work on the cloud.
 */
export function breakEven(scenario: Scenario, summaries: readonly Summarized[], options: readonly ProcurementOption[]) {
  const leases = summaries.filter((o) => o.kind === 'lease' && o.lease?.costPerAvailableGpuHourUsd != null);
  const clouds = options.flatMap((option, i) => {
    const summary = summaries[i];
    return option.kind !== 'lease' && option.kind !== 'hybrid' && option.kind !== 'own' && summary?.priceUsdPerGpuHour != null ? [{ option, summary }] : [];
  });
  return leases.flatMap((lease) =>
    clouds.map(({ option, summary }) => {
      const leaseCost = lease.lease?.costPerAvailableGpuHourUsd ?? 0;
      const price = summary.priceUsdPerGpuHour ?? 0;
      const equivalent = price * cloudHoursPerLeaseHour(scenario, option);
      return {
        lease: lease.name,
        against: summary.name,
        leaseCostPerAvailableGpuHourUsd: leaseCost,
        cloudPriceUsdPerGpuHour: price,
        cloudPricePerLeaseGpuHourUsd: equivalent,
        utilization: equivalent > 0 ? leaseCost / equivalent : null,
        leaseUtilization: lease.utilization,
      };
    }),
  );
}
