import type { Scenario } from '../scenario/scenario.js';
import { estimateWork, type WorkEstimate } from '../scenario/work-estimate.js';
import type { ProcurementOption } from '../procurement/option.js';

/**
 * The simulations one replication of a comparison runs, estimated: a lease or owned racks
 * simulate the scenario; a cloud option the same workload with its preemptions added to the
 * failures; a hybrid the lease twice and its burst cloud once.
 */
export function optionEstimates(scenario: Scenario, options: readonly ProcurementOption[]): Array<{ count: number; estimate: WorkEstimate }> {
  const lease = estimateWork(scenario);
  return options.map((o) => {
    if (o.kind === 'lease' || o.kind === 'own') return { count: 1, estimate: lease };
    if (o.kind === 'hybrid') {
      const burst = estimateWork(scenario, o.burst.preemptionsPerGpuHour);
      return { count: 3, estimate: burst.bytes > lease.bytes ? burst : lease };
    }
    return { count: 1, estimate: estimateWork(scenario, o.preemptionsPerGpuHour) };
  });
}
