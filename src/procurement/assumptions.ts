import { rackPricesUsd } from '../catalog/rack-prices.js';
import { defaultSources } from '../scenario/defaults.js';
import type { Scenario } from '../scenario/scenario.js';
import type { WrittenScenario } from '../scenario/schema.js';
import type { WrittenOption } from '../scenario/option-schema.js';
import { defaultOptions } from '../scenario/option-defaults.js';
import type { ProcurementOption } from './option.js';
import { offerOf } from '../catalog/cloud-prices.js';

/** Where a figure comes from: the catalog's source (with its tag), or the scenario file. */
const fromScenario = 'the scenario';

/**
 * The inputs that decided a comparison, each with where it comes from, so a report can state
 * them beside the answer: the discount rate, the failure model, every run's size and speed, and
 * each option's price or capex. Figures the scenario leaves to a default carry the default's
 * source; figures the scenario writes are the scenario's (its comments say why).
 */
export function comparisonAssumptions(scenario: Scenario, written: WrittenScenario, options: readonly ProcurementOption[]) {
  const writtenOptions: readonly WrittenOption[] = written.options ?? defaultOptions;
  const byName = new Map(writtenOptions.map((o) => [o.name, o]));
  const lease = scenario.lease;
  return {
    discountRatePerYear: scenario.discountRatePerYear,
    failures: {
      ratePerGpuHour: scenario.failures.ratePerGpuHour,
      source: written.failures?.ratePerGpuHour === undefined ? `default: ${defaultSources.failureRatePerGpuHour}` : fromScenario,
    },
    lease: {
      racks: scenario.cluster.maxRacks,
      gpus: scenario.cluster.maxRacks * scenario.rack.gpusPerRack,
      rack: scenario.rack.name,
      monthlyUsd: lease.schedule[0]?.monthlyUsd ?? 0,
      powerIncluded: lease.powerUsdPerMwh === null,
      exit: lease.exit ? { minimumMonths: lease.exit.minimumMonths, noticeDays: lease.exit.noticeDays } : null,
      termination: lease.termination,
    },
    runs: scenario.runs.map((run) => {
      const w = written.runs?.find((r) => r.name === run.name);
      return {
        name: run.name,
        gpus: run.gpus,
        precision: run.precision,
        mfu: w?.mfu ?? null,
        achievedTflopsPerGpu: run.tflopsPerGpu,
        totalFlop: run.totalFlop,
      };
    }),
    options: options.map((option) => optionAssumption(option, byName, scenario)),
  };
}

export type ComparisonAssumptions = ReturnType<typeof comparisonAssumptions>;

function optionAssumption(option: ProcurementOption, byName: ReadonlyMap<string, WrittenOption>, scenario: Scenario) {
  const written = byName.get(option.name);
  const base = { name: option.name, kind: option.kind };
  switch (option.kind) {
    case 'lease':
      return { ...base, rack: scenario.rack.name, priceUsdPerGpuHour: null, priceSource: null, capexUsdPerRack: null, capexSource: null };
    case 'hybrid':
      return { ...base, rack: option.burst.rack.name, priceUsdPerGpuHour: option.burst.price.steps[0]?.usdPerGpuHour ?? null, priceSource: cloudSource(byName.get(option.burst.name)), capexUsdPerRack: null, capexSource: null };
    case 'own': {
      const given = written?.kind === 'own' && written.capexUsdPerRack !== undefined;
      const catalog = Object.hasOwn(rackPricesUsd, scenario.rack.id) ? rackPricesUsd[scenario.rack.id] : undefined;
      return { ...base, rack: scenario.rack.name, priceUsdPerGpuHour: null, priceSource: null, capexUsdPerRack: option.capexUsdPerRack, capexSource: given ? fromScenario : (catalog?.source ?? null) };
    }
    default:
      return { ...base, rack: option.rack.name, priceUsdPerGpuHour: option.price.steps[0]?.usdPerGpuHour ?? null, priceSource: cloudSource(written), capexUsdPerRack: null, capexSource: null };
  }
}

/** A cloud option's price source: the scenario's own price, else its catalog offer's. */
function cloudSource(written: WrittenOption | undefined): string | null {
  if (!written || written.kind === 'lease' || written.kind === 'hybrid' || written.kind === 'own') return null;
  if (written.priceUsdPerGpuHour !== undefined || written.priceSchedule !== undefined) return fromScenario;
  const offer = offerOf(written.offer);
  return offer ? `${offer.description}: ${offer.source}` : null;
}
