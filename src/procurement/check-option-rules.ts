import { cloudOffers } from '../catalog/cloud-prices.js';
import { formatIsoMinutes, isValidIsoDate, parseIsoMinutes } from '../model/time.js';
import { error, type PathSegment, type Problem } from '../scenario/problems.js';
import type { WrittenScenario } from '../scenario/schema.js';
import { didYouMean } from '../scenario/suggest.js';

/** Cross-field rules of the `options:` section: names, references, prices, dates. */
export function checkOptionRules(s: WrittenScenario): Problem[] {
  const problems: Problem[] = [];
  const options = s.options ?? [];
  const offerIds = Object.keys(cloudOffers);
  const names = options.map((o) => o.name);
  const start = isValidIsoDate(s.start) ? parseIsoMinutes(s.start) : NaN;
  const end = isValidIsoDate(s.end) ? parseIsoMinutes(s.end) + 24 * 60 : NaN;
  const inHorizon = (iso: string, path: PathSegment[]) => {
    const m = isValidIsoDate(iso) ? parseIsoMinutes(iso) : NaN;
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

  options.forEach((o, i) => {
    const at = (...rest: PathSegment[]) => ['options', i, ...rest];
    if (names.indexOf(o.name) !== i) problems.push(error('duplicate-option', at('name'), `expected a unique option name, found "${o.name}" twice`));
    switch (o.kind) {
      case 'lease': {
        let previous = -Infinity;
        o.schedule?.forEach((step, j) => {
          const m = inHorizon(step.from, at('schedule', j, 'from'));
          if (j === 0 && m !== start) problems.push(error('schedule-start', at('schedule', 0, 'from'), `expected the first step on the start (${s.start}), found ${step.from}`));
          if (m <= previous) problems.push(error('schedule-order', at('schedule', j, 'from'), `expected a date after the previous step, found ${step.from}`));
          previous = m;
        });
        if (o.schedule && o.monthlyUsd !== undefined) problems.push(error('fee-and-schedule', at('schedule'), 'expected either monthlyUsd or schedule, not both'));
        if (o.exit?.noticeGiven !== undefined) {
          const m = inHorizon(o.exit.noticeGiven, at('exit', 'noticeGiven'));
          const [year = 0, month = 1, day = 1] = s.start.split('-').map(Number);
          const earliestMinutes = Date.UTC(year, month - 1 + o.exit.minimumMonths, day) / 60_000;
          if (m < earliestMinutes) {
            problems.push(error('exit-too-early', at('exit', 'noticeGiven'), `expected notice on or after the minimum term of ${o.exit.minimumMonths} months (${formatIsoMinutes(earliestMinutes)}), found ${o.exit.noticeGiven}`));
          }
        }
        break;
      }
      case 'on-demand':
      case 'reserved':
      case 'spot':
        checkOffer(o.offer, at('offer'));
        if (o.offer === undefined && o.priceUsdPerGpuHour === undefined) {
          problems.push(error('missing-price', at('priceUsdPerGpuHour'), `expected priceUsdPerGpuHour or an offer from the catalog (${offerIds.join(', ')})`));
        }
        if (o.kind === 'reserved') {
          checkOffer(o.overflowOffer, at('overflowOffer'));
          if (o.capacityGpus !== undefined && o.capacityGpus < o.committedGpus) {
            problems.push(error('capacity-below-commitment', at('capacityGpus'), `expected capacityGpus >= committedGpus (${o.committedGpus}), found ${o.capacityGpus}`));
          }
        }
        if (o.kind === 'spot' && o.preemptionsPerGpuHour === undefined && o.offer !== undefined && Object.hasOwn(cloudOffers, o.offer) && cloudOffers[o.offer]?.preemptionsPerGpuHour === undefined) {
          problems.push(error('missing-preemption-rate', at('preemptionsPerGpuHour'), `expected preemptionsPerGpuHour: offer "${o.offer}" is not a spot offer`));
        }
        break;
      case 'hybrid': {
        const base = options.find((x) => x.name === o.lease);
        const burst = options.find((x) => x.name === o.burst);
        if (base?.kind !== 'lease') problems.push(error('hybrid-lease', at('lease'), `expected the name of a lease option (${options.filter((x) => x.kind === 'lease').map((x) => x.name).join(', ') || 'none'}), found "${o.lease}"`));
        if (!burst || burst.kind === 'lease' || burst.kind === 'hybrid') {
          problems.push(error('hybrid-burst', at('burst'), `expected the name of an on-demand, reserved or spot option, found "${o.burst}"`));
        }
        break;
      }
    }
  });
  return problems;
}
