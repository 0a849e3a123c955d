import { mergeLeaseTerms, normalizeLease } from '../scenario/normalize-lease.js';
import type { Scenario } from '../scenario/scenario.js';
import { daysToTicks } from '../model/time.js';
import type { WrittenScenario } from '../scenario/schema.js';
import type { WrittenLeaseOption, WrittenOption } from '../scenario/option-schema.js';
import { defaultOptions } from '../scenario/option-defaults.js';
import type { LeaseOption, ProcurementOption } from './option.js';
import { resolveCloud } from './resolve-cloud.js';
import { resolveOwn } from './resolve-own.js';

/** The options a scenario compares: its `options:` section, or its lease against hyperscaler on-demand. */
function writtenOptions(written: WrittenScenario): WrittenOption[] {
  return written.options ?? [...defaultOptions];
}

/**
 * The scenario's options resolved: a lease option is the scenario's lease with the option's
 * overrides, catalog prices and racks looked up, dates turned into ticks. Assumes
 * checkOptionRules() found no errors.
 */
export function resolveOptions(written: WrittenScenario, scenario: Scenario): ProcurementOption[] {
  const list = writtenOptions(written);
  const ctx = { scenario, scenarioRackId: written.hardware.rack };
  const byName = new Map(list.map((o) => [o.name, o]));
  const resolveLease = (o: WrittenLeaseOption): LeaseOption => {
    const { name, kind: _kind, ...overrides } = o;
    const terms = normalizeLease(mergeLeaseTerms(written.lease, overrides), { startMinutes: scenario.startMinutes, tickSeconds: scenario.tickSeconds, fullRacks: scenario.cluster.maxRacks });
    return { kind: 'lease', name, terms };
  };
  return list.map((o): ProcurementOption => {
    switch (o.kind) {
      case 'lease':
        return resolveLease(o);
      case 'own':
        return resolveOwn(o, scenario);
      case 'hybrid': {
        const base = byName.get(o.lease);
        const burst = byName.get(o.burst);
        if (base?.kind !== 'lease' || !burst || burst.kind === 'lease' || burst.kind === 'hybrid' || burst.kind === 'own') {
          throw new Error(`hybrid option ${o.name} refers to unknown options`);
        }
        return {
          kind: 'hybrid',
          name: o.name,
          lease: resolveLease(base),
          burst: resolveCloud(burst, ctx),
          burstAfterTicks: daysToTicks(o.burstAfterDays, scenario.tickSeconds),
        };
      }
      default:
        return resolveCloud(o, ctx);
    }
  });
}
