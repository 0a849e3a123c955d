import { isValidIsoDate, parseIsoMinutes } from '../model/time.js';
import { error, type PathSegment, type Problem } from './problems.js';
import { checkDistribution } from './check-distribution.js';
import type { WrittenScenario } from './schema.js';

export interface FailureRuleContext {
  /** The horizon in minutes since the epoch, [start, end); NaN when its dates are invalid. */
  startMinutes: number;
  endMinutes: number;
  maxRacks: number;
}

/** Cross-field checks of `failures:`: distributions, each cause's recovery, the schedule, maintenance. */
export function checkFailureRules(s: WrittenScenario, ctx: FailureRuleContext): Problem[] {
  const problems: Problem[] = [];
  const push = (p: Problem) => problems.push(p);
  const f = s.failures;
  if (!f) return problems;
  const at = (...rest: PathSegment[]) => ['failures', ...rest];
  checkDistribution(f.repairHours, at('repairHours'), push);
  checkDistribution(f.restartMinutes, at('restartMinutes'), push);
  checkDistribution(f.swapMinutes, at('swapMinutes'), push);
  const names = new Set<string>();
  f.causes?.forEach((cause, i) => {
    const here = (...rest: PathSegment[]): PathSegment[] => ['failures', 'causes', i, ...rest];
    if (names.has(cause.name)) push(error('duplicate-cause', here('name'), `expected a unique cause name, found "${cause.name}" twice`));
    names.add(cause.name);
    checkDistribution(cause.repairHours, here('repairHours'), push);
    checkDistribution(cause.restartMinutes, here('restartMinutes'), push);
    checkDistribution(cause.swapMinutes, here('swapMinutes'), push);
    const recovery = cause.recovery ?? 'repair';
    if (cause.repairHours !== undefined && recovery !== 'repair') {
      push(error('recovery-mismatch', here('repairHours'), `expected repairHours only with recovery: repair, found recovery: ${recovery}`));
    }
    if (cause.swapMinutes !== undefined && recovery !== 'swap') {
      push(error('recovery-mismatch', here('swapMinutes'), `expected swapMinutes only with recovery: swap, found recovery: ${recovery}`));
    }
  });
  const inHorizon = (iso: string, path: PathSegment[]) => {
    if (!isValidIsoDate(iso)) {
      push(error('invalid-date', path, `expected a real calendar date, found "${iso}"`));
      return NaN;
    }
    const m = parseIsoMinutes(iso);
    if (m < ctx.startMinutes || m >= ctx.endMinutes) push(error('outside-horizon', path, `expected a time within ${s.start} .. ${s.end}, found ${iso}`));
    return m;
  };
  let previous = -Infinity;
  f.rateSchedule?.forEach((step, i) => {
    const m = inHorizon(step.from, at('rateSchedule', i, 'from'));
    if (m <= previous) push(error('steps-out-of-order', at('rateSchedule', i, 'from'), `expected a date after the previous step's, found ${step.from}`));
    if (!Number.isNaN(m)) previous = m;
  });
  const installed = f.burnIn?.installed;
  if (installed !== undefined) {
    if (!isValidIsoDate(installed)) push(error('invalid-date', at('burnIn', 'installed'), `expected a real calendar date, found "${installed}"`));
    else if (parseIsoMinutes(installed) >= ctx.endMinutes) push(error('outside-horizon', at('burnIn', 'installed'), `expected an installation on or before the end (${s.end}), found ${installed}`));
  }
  f.maintenance?.forEach((m, i) => {
    const here = (...rest: PathSegment[]): PathSegment[] => ['failures', 'maintenance', i, ...rest];
    if (m.from !== undefined) inHorizon(m.from, here('from'));
    if (m.hours >= m.everyDays * 24) push(error('maintenance-overlap', here('hours'), `expected windows shorter than the ${m.everyDays * 24} hours between them, found ${m.hours}`));
    if (m.racks !== undefined && ctx.maxRacks > 0 && m.racks > ctx.maxRacks) push(error('maintenance-too-large', here('racks'), `expected at most the cluster's ${ctx.maxRacks} racks, found ${m.racks}`));
  });
  return problems;
}
