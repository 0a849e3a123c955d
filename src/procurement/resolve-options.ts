import { cloudOffers } from '../catalog/cloud-prices.js';
import { parseIsoMinutes } from '../model/time.js';
import type { Scenario } from '../scenario/scenario.js';
import type { WrittenScenario } from '../scenario/schema.js';
import type { WrittenLeaseOption, WrittenOption } from './option-schema.js';
import { optionDefaults } from './option-defaults.js';
import type { CloudOption, LeaseOption, ProcurementOption } from './option.js';

/**
 * The scenario's `options:` resolved: catalog prices looked up, dates turned into ticks. Without
 * an `options:` section: the scenario's lease against hyperscaler on-demand. Assumes
 * checkOptionRules() found no errors.
 */
export function resolveOptions(written: WrittenScenario, scenario: Scenario): ProcurementOption[] {
  const list: WrittenOption[] = written.options ?? [
    { name: 'lease', kind: 'lease' },
    { name: 'on-demand', kind: 'on-demand', offer: optionDefaults.cloudOffer },
  ];
  const toTick = (iso: string) => Math.max(0, Math.floor((parseIsoMinutes(iso) - scenario.startMinutes) / scenario.tickMinutes));
  const byName = new Map(list.map((o) => [o.name, o]));
  const resolveLease = (o: WrittenLeaseOption): LeaseOption => ({
    kind: 'lease',
    name: o.name,
    schedule: o.schedule
      ? o.schedule.map((step) => ({ tick: toTick(step.from), monthlyUsd: step.monthlyUsd }))
      : [{ tick: 0, monthlyUsd: o.monthlyUsd ?? scenario.lease.monthlyUsd }],
    escalatorPerYear: o.escalatorPerYear ?? 0,
    powerUsdPerMwh: o.powerUsdPerMwh ?? null,
    pue: o.pue ?? optionDefaults.pue,
    trainingPowerShare: o.trainingPowerShare ?? optionDefaults.trainingPowerShare,
    exit: o.exit
      ? { minimumMonths: o.exit.minimumMonths, noticeDays: o.exit.noticeDays, noticeGivenTick: o.exit.noticeGiven ? toTick(o.exit.noticeGiven) : null }
      : null,
  });
  const resolveCloud = (o: WrittenOption): CloudOption => {
    if (o.kind === 'lease' || o.kind === 'hybrid') throw new Error(`option ${o.name} is not a cloud option`);
    const offer = o.offer === undefined ? undefined : cloudOffers[o.offer];
    const overflowOffer = o.kind === 'reserved' && o.overflowOffer !== undefined ? cloudOffers[o.overflowOffer] : undefined;
    return {
      kind: o.kind,
      name: o.name,
      priceUsdPerGpuHour: o.priceUsdPerGpuHour ?? offer?.priceUsdPerGpuHour ?? 0,
      capacityGpus: o.capacityGpus ?? null,
      leadTimeTicks: Math.round(((o.leadTimeDays ?? 0) * 24 * 60) / scenario.tickMinutes),
      leadTimeAboveGpus: o.leadTimeAboveGpus ?? 1,
      committedGpus: o.kind === 'reserved' ? o.committedGpus : 0,
      overflowUsdPerGpuHour: o.kind === 'reserved' ? (o.overflowUsdPerGpuHour ?? overflowOffer?.priceUsdPerGpuHour ?? null) : null,
      preemptionsPerGpuHour: o.kind === 'spot' ? (o.preemptionsPerGpuHour ?? offer?.preemptionsPerGpuHour ?? 0) : 0,
      noticeMinutes: o.kind === 'spot' ? (o.noticeMinutes ?? offer?.noticeMinutes ?? optionDefaults.noticeMinutes) : 0,
    };
  };
  return list.map((o): ProcurementOption => {
    switch (o.kind) {
      case 'lease':
        return resolveLease(o);
      case 'hybrid': {
        const base = byName.get(o.lease);
        const burst = byName.get(o.burst);
        if (base?.kind !== 'lease' || !burst) throw new Error(`hybrid option ${o.name} refers to unknown options`);
        return {
          kind: 'hybrid',
          name: o.name,
          lease: resolveLease(base),
          burst: resolveCloud(burst),
          burstAfterTicks: Math.round((o.burstAfterDays * 24 * 60) / scenario.tickMinutes),
        };
      }
      default:
        return resolveCloud(o);
    }
  });
}
