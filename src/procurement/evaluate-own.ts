import { simulateScenario } from '../simulation/simulate-scenario.js';
import { centsToUsd } from '../model/money.js';
import { gpuHours, ratio } from '../reports/metrics.js';
import type { RunSpec } from '../scenario/scenario.js';
import { billOwn } from './own-bill.js';
import { ownScenario } from './own-scenario.js';
import type { OwnOption } from './option.js';
import { assemble, delivered, runResults, withRuns, type EvaluateContext } from './option-assembly.js';
import type { OptionResult } from './option-result.js';

/**
 * The workload on owned racks: the lease's cluster, spares, failures, repairs and facility, its
 * capacity arriving after the delivery time, billed as an owner pays (own-bill.ts). As a lease's
 * fallback: only the runs still to do (`fallback.runs`), the racks ordered when the lease ended.
 */
export function evaluateOwn(
  ctx: EvaluateContext,
  own: OwnOption,
  seed: number,
  replication: number,
  planned: readonly RunSpec[],
  fallback: { runs: readonly RunSpec[]; orderedTick: number } | null = null,
): OptionResult {
  const base = fallback === null ? ctx.scenario : withRuns(ctx.scenario, fallback.runs);
  const record = simulateScenario(ownScenario(base, own, fallback?.orderedTick ?? 0), { seed, replication });
  const bill = billOwn(record, own, ctx.scenario);
  const hours = (rackTicks: number) => gpuHours(rackTicks, record.scenario.rack.gpusPerRack, record.scenario.tickSeconds);
  return assemble(ctx.scenario, {
    name: own.name,
    kind: 'own',
    rack: record.scenario.rack.id,
    cashFlows: bill.cashFlows,
    idleCostUsd: centsToUsd(bill.idleCents),
    heldGpuHours: hours(bill.allocatedRackTicks),
    paidGpuHours: hours(bill.availableRackTicks),
    ...delivered([record], fallback?.runs ?? planned),
    runs: runResults(ctx.scenario, record, fallback ? 'fallback' : 'own', bill.usageShareCents, bill.fullyLoadedCents),
    lease: null,
    own: {
      capexUsd: centsToUsd(bill.capexCents),
      residualUsd: centsToUsd(bill.residualCents),
      bookValueUsd: centsToUsd(bill.bookCents),
      energyMwh: bill.energyMwh,
      costPerAvailableGpuHourUsd: ratio(bill.totalCents / 100, hours(bill.availableRackTicks)),
    },
    priceUsdPerGpuHour: null,
  });
}
