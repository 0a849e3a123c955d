import type { RackType } from '../catalog/racks.js';
import type { RunRecord } from '../simulation/record.js';
import { simulateScenario } from '../simulation/simulate-scenario.js';
import { centsToUsd } from '../model/money.js';
import type { RunSpec } from '../scenario/scenario.js';
import { addCashFlows, noCashFlows } from './cash-flows.js';
import { billCloud, type CloudBill, type CloudTariff } from './cloud-bill.js';
import { cloudScenario } from './cloud-scenario.js';
import type { CloudOption } from './option.js';
import { assemble, delivered, runResults, type EvaluateContext } from './option-assembly.js';
import type { OptionResult, RunPlace } from './option-result.js';
import { priceAt } from './price-path.js';

interface CloudPart {
  record: RunRecord;
  bill: CloudBill;
}

/**
 * The planned runs on a cloud option, billed. With an upgrade, the runs submitted before its date
 * run on the option's hardware and those from it on the newer offer's, each generation a cluster
 * of its own (the capacity cap applies to each), billed at its own price.
 */
export function evaluateCloud(ctx: EvaluateContext, option: CloudOption, seed: number, replication: number, planned: readonly RunSpec[], place: RunPlace = 'cloud'): OptionResult {
  const tariff: CloudTariff = { price: option.price, commitments: option.commitments, overflow: option.overflow };
  const upgrade = option.upgrade;
  const parts = upgrade
    ? [
        part(ctx, option, option.rack, tariff, planned.filter((r) => r.submitTick < upgrade.fromTick), seed, replication),
        part(ctx, option, upgrade.rack, { ...tariff, price: upgrade.price }, planned.filter((r) => r.submitTick >= upgrade.fromTick), seed, replication),
      ]
    : [part(ctx, option, option.rack, tariff, planned, seed, replication)];
  const months = parts[0]?.record.months.length ?? 0;
  const order = new Map(ctx.scenario.runs.map((r, i) => [r.name, i]));
  return assemble(ctx.scenario, {
    name: option.name,
    kind: option.kind,
    rack: (upgrade ?? option).rack.id,
    cashFlows: parts.reduce((flows, p) => addCashFlows(flows, p.bill.cashFlows), noCashFlows(months)),
    idleCostUsd: centsToUsd(parts.reduce((a, p) => a + p.bill.idleCents, 0)),
    heldGpuHours: parts.reduce((a, p) => a + p.bill.heldGpuHours, 0),
    paidGpuHours: parts.reduce((a, p) => a + p.bill.billedGpuHours, 0),
    ...delivered(
      parts.map((p) => p.record),
      planned,
    ),
    runs: parts
      .flatMap((p) => runResults(ctx.scenario, p.record, place, p.bill.runCents, p.bill.runCents))
      .sort((a, b) => (order.get(a.name) ?? 0) - (order.get(b.name) ?? 0)),
    lease: null,
    own: null,
    priceUsdPerGpuHour: priceAt(option.price, 0, 0),
  });
}

function part(ctx: EvaluateContext, option: CloudOption, rack: RackType, tariff: CloudTariff, runs: readonly RunSpec[], seed: number, replication: number): CloudPart {
  const cloud = cloudScenario(ctx.scenario, option, rack, runs);
  const record = simulateScenario(cloud.scenario, { seed, replication, ...(cloud.interruptions ? { interruptions: cloud.interruptions } : {}) });
  return { record, bill: billCloud(record, tariff) };
}
