import { formatIsoMinutes, isValidIsoDate, parseIsoMinutes } from '../model/time.js';
import type { WrittenLeaseTerms } from './lease-schema.js';
import { error, type PathSegment, type Problem } from './problems.js';

export interface LeaseRuleContext {
  /** `YYYY-MM-DD` of the horizon's first and last (inclusive) day. */
  start: string;
  end: string;
  /** The cluster's racks at full strength. */
  fullRacks: number;
}

/**
 * Cross-field rules of a lease's terms, written at `at(...)`: the scenario's `lease:` section, or
 * a lease option's overrides (then only the keys the option gives are checked there; `exit` is
 * checked against the minimum term it carries).
 */
export function checkLeaseTerms(w: Partial<WrittenLeaseTerms>, at: (...rest: PathSegment[]) => PathSegment[], ctx: LeaseRuleContext): Problem[] {
  const problems: Problem[] = [];
  const start = isValidIsoDate(ctx.start) ? parseIsoMinutes(ctx.start) : NaN;
  const end = isValidIsoDate(ctx.end) ? parseIsoMinutes(ctx.end) + 24 * 60 : NaN;
  const inHorizon = (iso: string, path: PathSegment[]) => {
    const m = isValidIsoDate(iso) ? parseIsoMinutes(iso) : NaN;
    if (Number.isNaN(m)) problems.push(error('invalid-date', path, `expected a real calendar date, found "${iso}"`));
    else if (m < start || m >= end) problems.push(error('outside-horizon', path, `expected a date within ${ctx.start} .. ${ctx.end}, found ${iso}`));
    return m;
  };

  let previous = -Infinity;
  w.schedule?.forEach((step, j) => {
    const m = inHorizon(step.from, at('schedule', j, 'from'));
    if (j === 0 && m !== start) problems.push(error('schedule-start', at('schedule', 0, 'from'), `expected the first step on the start (${ctx.start}), found ${step.from}`));
    if (m <= previous) problems.push(error('schedule-order', at('schedule', j, 'from'), `expected a date after the previous step, found ${step.from}`));
    previous = m;
  });
  if (w.schedule && w.monthlyUsd !== undefined) problems.push(error('fee-and-schedule', at('schedule'), 'expected either monthlyUsd or schedule, not both'));

  if (w.exit?.noticeGiven !== undefined) {
    const m = inHorizon(w.exit.noticeGiven, at('exit', 'noticeGiven'));
    const [year = 0, month = 1, day = 1] = ctx.start.split('-').map(Number);
    const earliestMinutes = Date.UTC(year, month - 1 + w.exit.minimumMonths, day) / 60_000;
    if (m < earliestMinutes) {
      problems.push(error('exit-too-early', at('exit', 'noticeGiven'), `expected notice on or after the minimum term of ${w.exit.minimumMonths} months (${formatIsoMinutes(earliestMinutes)}), found ${w.exit.noticeGiven}`));
    }
  }

  let previousStep: { minutes: number; racks: number } | null = null;
  w.rampIn?.steps.forEach((step, j) => {
    const m = inHorizon(step.from, at('rampIn', 'steps', j, 'from'));
    if (previousStep && m <= previousStep.minutes) problems.push(error('ramp-order', at('rampIn', 'steps', j, 'from'), `expected a date after the previous step, found ${step.from}`));
    if (previousStep && step.racks < previousStep.racks) {
      problems.push(error('ramp-shrinks', at('rampIn', 'steps', j, 'racks'), `expected racks >= the previous step's ${previousStep.racks}, found ${step.racks} (a ramp-in only adds capacity)`));
    }
    if (step.racks > ctx.fullRacks) {
      problems.push(error('ramp-above-cluster', at('rampIn', 'steps', j, 'racks'), `expected at most the cluster's ${ctx.fullRacks} racks (the lease's full capacity), found ${step.racks}`));
    }
    previousStep = { minutes: m, racks: step.racks };
  });
  return problems;
}
