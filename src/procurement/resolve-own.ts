import { rackPricesUsd } from '../catalog/rack-prices.js';
import { facilityDefaults } from '../facility/defaults.js';
import type { Scenario } from '../scenario/scenario.js';
import { daysToTicks } from '../model/time.js';
import { leaseDefaults } from '../scenario/lease-defaults.js';
import type { WrittenOwnOption } from '../scenario/option-schema.js';
import { optionDefaults } from '../scenario/option-defaults.js';
import type { OwnOption } from './option.js';

/** An own option resolved: catalog rack price and the defaults. Assumes checkOptionRules() found no errors. */
export function resolveOwn(o: WrittenOwnOption, scenario: Scenario): OwnOption {
  const d = optionDefaults;
  return {
    kind: 'own',
    name: o.name,
    capexUsdPerRack: o.capexUsdPerRack ?? rackPricesUsd[scenario.rack.id]?.usd ?? 0,
    networkShareOfCapex: o.networkShareOfCapex ?? d.networkShareOfCapex,
    storageShareOfCapex: o.storageShareOfCapex ?? d.storageShareOfCapex,
    deliveryTicks: daysToTicks(o.deliveryDays ?? d.deliveryDays, scenario.tickSeconds),
    depreciationYears: o.depreciationYears ?? d.depreciationYears,
    residualShareAtEnd: o.residualShareAtEnd ?? null,
    colocationUsdPerKwMonth: o.colocationUsdPerKwMonth ?? d.colocationUsdPerKwMonth,
    // The energy price of the scenario's facility (or its default), when the option gives none.
    powerUsdPerMwh: o.powerUsdPerMwh ?? scenario.facility?.pricePerMwhUsd ?? facilityDefaults.pricePerMwhUsd,
    pue: o.pue ?? leaseDefaults.pue,
    trainingPowerShare: o.trainingPowerShare ?? leaseDefaults.trainingPowerShare,
    staffUsdPerMwYear: o.staffUsdPerMwYear ?? (o.staffUsdPerRackYear === undefined ? d.staffUsdPerMwYear : 0),
    staffUsdPerRackYear: o.staffUsdPerRackYear ?? 0,
    costOfCapitalPerYear: o.costOfCapitalPerYear ?? null,
  };
}
