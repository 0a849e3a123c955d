import { precisions, type Precision } from '../catalog/gpus.js';
import { isValidIsoDate, parseIsoMinutes } from '../model/time.js';
import { error, type PathSegment, type Problem } from './problems.js';
import type { WrittenRun } from './run-schema.js';

export interface PhaseRuleContext {
  start: string;
  end: string;
  startMinutes: number;
  endMinutes: number;
  /** Racks a run may ask for: the cluster's less its spares (0: unknown). */
  schedulable: number;
  /** The GPU's dense peaks, by precision; undefined: no such precision. */
  peak: Partial<Record<Precision, number>>;
  gpuName: string;
}

/**
 * A run's phases: unique names; each but the last ends by a share of the work or a date (one
 * of them), shares and dates ascending; the last ends with the run; sizes the cluster can hold;
 * at most one speed; precisions the GPU has.
 */
export function checkPhaseRules(run: WrittenRun, index: number, ctx: PhaseRuleContext): Problem[] {
  const problems: Problem[] = [];
  const phases = run.phases ?? [];
  const names = new Set<string>();
  let share = 0;
  let date = -Infinity;
  phases.forEach((p, i) => {
    const at = (...rest: PathSegment[]) => ['runs', index, 'phases', i, ...rest];
    const last = i === phases.length - 1;
    if (names.has(p.name)) problems.push(error('duplicate-phase', at('name'), `expected a unique phase name in the run, found "${p.name}" twice`));
    names.add(p.name);
    const ends = [p.untilShare, p.until].filter((v) => v !== undefined).length;
    if (last && ends > 0) {
      problems.push(error('last-phase-end', at(p.untilShare !== undefined ? 'untilShare' : 'until'), 'expected the last phase to end with the run: give it neither untilShare nor until'));
    } else if (!last && ends !== 1) {
      problems.push(error('phase-end', at(ends === 0 ? 'untilShare' : 'until'), 'expected exactly one of untilShare (a share of the work) or until (a date) for a phase before the last'));
    }
    if (p.untilShare !== undefined) {
      if (p.untilShare <= share) problems.push(error('phases-out-of-order', at('untilShare'), `expected a share above the previous phase's ${share}, found ${p.untilShare}`));
      if (!last && p.untilShare >= 1) problems.push(error('phase-end', at('untilShare'), `expected a share below 1 for a phase before the last, found ${p.untilShare}`));
      share = Math.max(share, p.untilShare);
    }
    if (p.until !== undefined) {
      if (!isValidIsoDate(p.until)) {
        problems.push(error('invalid-date', at('until'), `expected a real calendar date, found "${p.until}"`));
      } else {
        const m = parseIsoMinutes(p.until);
        if (m < ctx.startMinutes || m >= ctx.endMinutes) problems.push(error('outside-horizon', at('until'), `expected a time within ${ctx.start} .. ${ctx.end}, found ${p.until}`));
        if (m <= date) problems.push(error('phases-out-of-order', at('until'), `expected a date after the previous phase's, found ${p.until}`));
        date = Math.max(date, m);
      }
    }
    if (p.racks !== undefined && ctx.schedulable > 0 && p.racks > ctx.schedulable) {
      problems.push(error('run-too-large', at('racks'), `expected at most ${ctx.schedulable} racks (the cluster's racks less its spares), found ${p.racks}`));
    }
    const speeds = [p.mfu, p.achievedTflopsPerGpu, p.speedShare].filter((v) => v !== undefined).length;
    if (speeds > 1) problems.push(error('speed', at(p.achievedTflopsPerGpu !== undefined ? 'achievedTflopsPerGpu' : 'speedShare'), 'expected at most one of mfu, achievedTflopsPerGpu or speedShare'));
    const precision = p.precision ?? run.precision;
    const needsPeak = p.mfu !== undefined || (p.achievedTflopsPerGpu === undefined && (run.mfu !== undefined || precision !== run.precision));
    if (needsPeak && ctx.peak[precision] === undefined) {
      problems.push(
        error('precision-unsupported', at(p.precision !== undefined ? 'precision' : 'mfu'), `expected a precision the ${ctx.gpuName} has (${precisions.filter((q) => ctx.peak[q] !== undefined).join(', ')}), found ${precision}`),
      );
    }
  });
  return problems;
}
