import { cloudOffers } from '../catalog/cloud-prices.js';
import { rackPricesUsd } from '../catalog/rack-prices.js';
import { rackCatalog } from '../catalog/racks.js';
import { isValidIsoDate, parseIsoMinutes } from '../model/time.js';
import { checkLeaseTerms } from './lease-rules.js';
import { error, warning, type PathSegment, type Problem } from './problems.js';
import type { WrittenScenario } from './schema.js';
import { didYouMean } from './suggest.js';
import { cloudKinds, type WrittenCloudOption, type WrittenOption } from './option-schema.js';
import { defaultOptions } from './option-defaults.js';

const fallbackKinds = [...cloudKinds, 'own'];

/** Cross-field rules of the `options:` section (and of the lease's fallback): names, references, prices, racks, dates. */
export function checkOptionRules(s: WrittenScenario): Problem[] {
  const problems: Problem[] = [];
  const options: readonly WrittenOption[] = s.options ?? defaultOptions;
  const offerIds = Object.keys(cloudOffers);
  const rackIds = Object.keys(rackCatalog);
  const names = options.map((o) => o.name);
  const start = isValidIsoDate(s.start) ? parseIsoMinutes(s.start) : NaN;
  const end = isValidIsoDate(s.end) ? parseIsoMinutes(s.end) + 24 * 60 : NaN;
  const fullRacks = s.cluster.racks ?? (s.cluster.phases ?? []).reduce((m, p) => Math.max(m, p.racks), 0);
  const minutesOf = (iso: string) => (isValidIsoDate(iso) ? parseIsoMinutes(iso) : NaN);
  const inHorizon = (iso: string, path: PathSegment[]) => {
    const m = minutesOf(iso);
    if (Number.isNaN(m)) problems.push(error('invalid-date', path, `expected a real calendar date, found "${iso}"`));
    else if (m < start || m >= end) problems.push(error('outside-horizon', path, `expected a date within ${s.start} .. ${s.end}, found ${iso}`));
    return m;
  };
  const checkOffer = (id: string | undefined, path: PathSegment[]) => {
    // hasOwn: an offer named toString or __proto__ is unknown, not Object.prototype's member.
    if (id !== undefined && !Object.hasOwn(cloudOffers, id)) {
      problems.push(error('unknown-offer', path, `unknown cloud offer "${id}"; expected one of ${offerIds.join(', ')}${didYouMean(id, offerIds)}`));
    }
  };
  const checkRack = (id: string | undefined, path: PathSegment[]) => {
    if (id !== undefined && !Object.hasOwn(rackCatalog, id)) {
      problems.push(error('unknown-rack', path, `unknown rack type "${id}"; expected one of ${rackIds.join(', ')}${didYouMean(id, rackIds)}`));
    }
  };
  const checkFallback = (fallback: string | undefined, path: PathSegment[], self?: string) => {
    if (fallback === undefined) return;
    const target = options.find((o) => o.name === fallback);
    if (!target || !fallbackKinds.includes(target.kind) || fallback === self) {
      const candidates = options.filter((o) => fallbackKinds.includes(o.kind)).map((o) => o.name);
      problems.push(error('unknown-fallback', path, `expected the name of a cloud or own option (${candidates.join(', ') || 'none'}), found "${fallback}"${didYouMean(fallback, candidates)}`));
    }
  };
  const endOfMonths = (from: string, months: number) => {
    const [year = 0, month = 1, day = 1] = from.split('-').map(Number);
    return Date.UTC(year, month - 1 + months, day) / 60_000;
  };
  const dayAfterEnd = () => new Date(end * 60_000).toISOString().slice(0, 10);

  checkFallback(s.lease.fallback, ['lease', 'fallback']);
  options.forEach((o, i) => {
    const at = (...rest: PathSegment[]) => ['options', i, ...rest];
    if (names.indexOf(o.name) !== i) problems.push(error('duplicate-option', at('name'), `expected a unique option name, found "${o.name}" twice`));
    switch (o.kind) {
      case 'lease': {
        const { name: _name, kind: _kind, ...overrides } = o;
        for (const item of checkLeaseTerms(overrides, at, { start: s.start, end: s.end, fullRacks })) problems.push(item);
        checkFallback(o.fallback, at('fallback'));
        break;
      }
      case 'own':
        if (o.capexUsdPerRack === undefined && !Object.hasOwn(rackPricesUsd, s.hardware.rack)) {
          problems.push(error('missing-capex', at('capexUsdPerRack'), `expected capexUsdPerRack: the catalog has no price for ${s.hardware.rack} racks (it has ${Object.keys(rackPricesUsd).join(', ')})`));
        }
        break;
      case 'hybrid': {
        const base = options.find((x) => x.name === o.lease);
        const burst = options.find((x) => x.name === o.burst);
        if (base?.kind !== 'lease') problems.push(error('hybrid-lease', at('lease'), `expected the name of a lease option (${options.filter((x) => x.kind === 'lease').map((x) => x.name).join(', ') || 'none'}), found "${o.lease}"`));
        if (!burst || burst.kind === 'lease' || burst.kind === 'hybrid' || burst.kind === 'own') {
          problems.push(error('hybrid-burst', at('burst'), `expected the name of an on-demand, reserved, block or spot option, found "${o.burst}"`));
        }
        break;
      }
      default:
        checkCloud(o, at);
    }
  });
  return problems;

  function checkCloud(o: WrittenCloudOption, at: (...rest: PathSegment[]) => PathSegment[]): void {
    checkOffer(o.offer, at('offer'));
    checkRack(o.rack, at('rack'));
    const scheduleFromStart = o.priceSchedule !== undefined && minutesOf(o.priceSchedule[0]?.from ?? '') <= start;
    if (o.offer === undefined && o.priceUsdPerGpuHour === undefined && !scheduleFromStart) {
      problems.push(error('missing-price', at('priceUsdPerGpuHour'), `expected priceUsdPerGpuHour or an offer from the catalog (${offerIds.join(', ')})`));
    }
    let previous = -Infinity;
    o.priceSchedule?.forEach((step, j) => {
      const m = minutesOf(step.from);
      if (Number.isNaN(m)) problems.push(error('invalid-date', at('priceSchedule', j, 'from'), `expected a real calendar date, found "${step.from}"`));
      else if (m <= previous) problems.push(error('schedule-order', at('priceSchedule', j, 'from'), `expected a date after the previous step, found ${step.from}`));
      previous = m;
    });
    const hasOverflow = (o.kind === 'reserved' || o.kind === 'block') && (o.overflowOffer !== undefined || o.overflowUsdPerGpuHour !== undefined);
    switch (o.kind) {
      case 'reserved': {
        checkOffer(o.overflowOffer, at('overflowOffer'));
        if (o.capacityGpus !== undefined && o.capacityGpus < o.committedGpus) {
          problems.push(error('capacity-below-commitment', at('capacityGpus'), `expected capacityGpus >= committedGpus (${o.committedGpus}), found ${o.capacityGpus}`));
        }
        const from = o.from ?? s.start;
        if (o.from !== undefined) inHorizon(o.from, at('from'));
        if (o.termMonths !== undefined && isValidIsoDate(from)) {
          const ends = endOfMonths(from, o.termMonths);
          if (ends > end) {
            problems.push(
              error('commitment-past-horizon', at('termMonths'), `expected a commitment that ends by the horizon's end (${dayAfterEnd()}, at most ${wholeMonthsBetween(from, end)} months from ${from}), found ${o.termMonths} months (ends ${new Date(ends * 60_000).toISOString().slice(0, 10)})`),
            );
          } else if (ends < end && !hasOverflow) {
            problems.push(error('commitment-without-overflow', at('termMonths'), `expected overflowOffer or overflowUsdPerGpuHour: the commitment ends before the horizon does (${dayAfterEnd()}), and the runs need a price after it`));
          }
        }
        break;
      }
      case 'block':
        checkOffer(o.overflowOffer, at('overflowOffer'));
        if (!hasOverflow) problems.push(error('block-overflow', at('overflowOffer'), 'expected overflowOffer or overflowUsdPerGpuHour: GPU-hours outside the blocks need a price'));
        o.blocks.forEach((b, j) => {
          const m = inHorizon(b.from, at('blocks', j, 'from'));
          if (m + b.days * 24 * 60 > end) problems.push(error('block-past-horizon', at('blocks', j, 'days'), `expected a block that ends by the horizon's end (${dayAfterEnd()}), found ${b.days} days from ${b.from}`));
          if (o.capacityGpus !== undefined && b.gpus > o.capacityGpus) problems.push(error('capacity-below-commitment', at('blocks', j, 'gpus'), `expected at most capacityGpus (${o.capacityGpus}), found ${b.gpus}`));
        });
        break;
      case 'spot':
        if (o.preemptionsPerGpuHour === undefined && o.offer !== undefined && Object.hasOwn(cloudOffers, o.offer) && cloudOffers[o.offer]?.preemptionsPerGpuHour === undefined) {
          problems.push(error('missing-preemption-rate', at('preemptionsPerGpuHour'), `expected preemptionsPerGpuHour: offer "${o.offer}" is not a spot offer`));
        }
        break;
      case 'on-demand':
        if (o.upgrade) {
          inHorizon(o.upgrade.from, at('upgrade', 'from'));
          checkOffer(o.upgrade.offer, at('upgrade', 'offer'));
          checkRack(o.upgrade.rack, at('upgrade', 'rack'));
          const upgradeOffer = o.upgrade.offer !== undefined && Object.hasOwn(cloudOffers, o.upgrade.offer) ? cloudOffers[o.upgrade.offer] : undefined;
          checkPrecision(o.upgrade.rack ?? upgradeOffer?.rack, at('upgrade', o.upgrade.rack !== undefined ? 'rack' : 'offer'));
        }
        break;
    }
    checkPrecision(o.rack ?? (o.offer !== undefined && Object.hasOwn(cloudOffers, o.offer) ? cloudOffers[o.offer]?.rack : undefined), at(o.rack !== undefined ? 'rack' : 'offer'));
  }

  /** Runs at FP4 on a GPU without FP4 compute at FP8 there: a warning, once per option. */
  function checkPrecision(rackId: string | undefined, path: PathSegment[]): void {
    const rack = rackId !== undefined && rackId !== s.hardware.rack && Object.hasOwn(rackCatalog, rackId) ? rackCatalog[rackId] : undefined;
    if (!rack || rack.gpu.denseTflops.fp4 !== undefined) return;
    const fp4 = (s.runs ?? []).filter((r) => r.precision === 'fp4').map((r) => r.name);
    if (fp4.length > 0) problems.push(warning('precision-fallback', path, `the ${rack.gpu.name} has no FP4: ${fp4.join(', ')} compute at FP8 on this option`));
  }
}

function wholeMonthsBetween(fromIso: string, endMinutes: number): number {
  const [year = 0, month = 1, day = 1] = fromIso.split('-').map(Number);
  let months = 0;
  while (Date.UTC(year, month - 1 + months + 1, day) / 60_000 <= endMinutes) months += 1;
  return months;
}
