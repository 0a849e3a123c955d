import { offerOf, type CloudOffer } from '../catalog/cloud-prices.js';
import { rackCatalog, type RackType } from '../catalog/racks.js';
import { daysToTicks, isoToTick } from '../model/time.js';
import type { Scenario } from '../scenario/scenario.js';
import type { WrittenCloudOption } from '../scenario/option-schema.js';
import { optionDefaults } from '../scenario/option-defaults.js';
import type { CloudOption, Commitment, PricePath } from './option.js';

export interface ResolveContext {
  scenario: Scenario;
  /** `hardware.rack` as written: an option on it gets the scenario's rack, overrides included. */
  scenarioRackId: string;
}


/** A catalog rack; the scenario's own (with its overrides) when the id is `hardware.rack`'s. */
export function rackOf(id: string | undefined, ctx: ResolveContext): RackType {
  if (id === undefined || id === ctx.scenarioRackId) return ctx.scenario.rack;
  return (Object.hasOwn(rackCatalog, id) ? rackCatalog[id] : undefined) ?? ctx.scenario.rack;
}

/** Ticks from the start of a date (before the start: 0). */
export function tickOf(iso: string, scenario: Scenario): number {
  return Math.max(0, isoToTick(iso, scenario.startMinutes, scenario.tickSeconds));
}

/** The tick `months` calendar months after a date (never past the horizon's end). */
function monthsAfter(iso: string, months: number, scenario: Scenario): number {
  const [year = 0, month = 1, day = 1] = iso.split('-').map(Number);
  const minutes = Date.UTC(year, month - 1 + months, day) / 60_000;
  return Math.min(scenario.horizonTicks, Math.max(0, Math.floor(((minutes - scenario.startMinutes) * 60) / scenario.tickSeconds)));
}

/**
 * A price path from a price and its announced steps: the steps of the option's own
 * `priceSchedule`, else (when the option does not set its own price) the offer's, at the decline.
 */
function pathOf(base: number, steps: ReadonlyArray<{ from: string; priceUsdPerGpuHour: number }> | undefined, declinePerYear: number, scenario: Scenario): PricePath {
  const path: PricePath = { steps: [{ tick: 0, usdPerGpuHour: base }], declinePerYear };
  for (const step of [...(steps ?? [])].sort((a, b) => a.from.localeCompare(b.from))) {
    const tick = tickOf(step.from, scenario);
    if (tick === 0) path.steps[0] = { tick: 0, usdPerGpuHour: step.priceUsdPerGpuHour };
    else path.steps.push({ tick, usdPerGpuHour: step.priceUsdPerGpuHour });
  }
  return path;
}

/** An on-demand, reserved, block or spot option resolved. Assumes checkOptionRules() found no errors. */
export function resolveCloud(o: WrittenCloudOption, ctx: ResolveContext): CloudOption {
  const s = ctx.scenario;
  const offer = offerOf(o.offer);
  const decline = o.priceDeclinePerYear ?? 0;
  const base = o.priceUsdPerGpuHour ?? offer?.priceUsdPerGpuHour ?? 0;
  const price = pathOf(base, o.priceSchedule ?? (o.priceUsdPerGpuHour === undefined ? offer?.priceSchedule : undefined), decline, s);
  const overflowPath = (): PricePath | null => {
    if (o.kind !== 'reserved' && o.kind !== 'block') return null;
    const overflowOffer = offerOf(o.overflowOffer);
    const usd = o.overflowUsdPerGpuHour ?? overflowOffer?.priceUsdPerGpuHour;
    return usd === undefined ? null : pathOf(usd, o.overflowUsdPerGpuHour === undefined ? overflowOffer?.priceSchedule : undefined, decline, s);
  };
  const commitments: Commitment[] =
    o.kind === 'reserved'
      ? [
          {
            fromTick: o.from ? tickOf(o.from, s) : 0,
            toTick: o.termMonths === undefined ? s.horizonTicks : monthsAfter(o.from ?? s.startIso, o.termMonths, s),
            gpus: o.committedGpus,
            priceUsdPerGpuHour: base,
            paidAtTick: null,
          },
        ]
      : o.kind === 'block'
        ? o.blocks.map((b) => {
            const fromTick = tickOf(b.from, s);
            return {
              fromTick,
              toTick: Math.min(s.horizonTicks, fromTick + daysToTicks(b.days, s.tickSeconds)),
              gpus: b.gpus,
              priceUsdPerGpuHour: base,
              paidAtTick: Math.max(0, fromTick - daysToTicks(o.bookedDaysAhead ?? 0, s.tickSeconds)),
            };
          })
        : [];
  const upgrade = o.kind === 'on-demand' ? o.upgrade : undefined;
  const upgradeOffer = offerOf(upgrade?.offer);
  return {
    kind: o.kind,
    name: o.name,
    rack: rackOf(o.rack ?? offer?.rack, ctx),
    price,
    capacityGpus: o.capacityGpus ?? null,
    leadTimeTicks: daysToTicks(o.leadTimeDays ?? 0, s.tickSeconds),
    leadTimeAboveGpus: o.leadTimeAboveGpus ?? 1,
    replacementHours: (o.replacementMinutes ?? optionDefaults.replacementMinutes) / 60,
    commitments,
    overflow: overflowPath(),
    preemptionsPerGpuHour: o.kind === 'spot' ? (o.preemptionsPerGpuHour ?? offer?.preemptionsPerGpuHour ?? 0) : 0,
    noticeMinutes: o.kind === 'spot' ? (o.noticeMinutes ?? offer?.noticeMinutes ?? optionDefaults.noticeMinutes) : 0,
    upgrade: upgrade
      ? {
          fromTick: tickOf(upgrade.from, s),
          rack: rackOf(upgrade.rack ?? upgradeOffer?.rack ?? o.rack ?? offer?.rack, ctx),
          price: pathOf(
            upgrade.priceUsdPerGpuHour ?? upgradeOffer?.priceUsdPerGpuHour ?? base,
            upgrade.priceUsdPerGpuHour === undefined ? upgradeOffer?.priceSchedule : undefined,
            decline,
            s,
          ),
        }
      : null,
  };
}
