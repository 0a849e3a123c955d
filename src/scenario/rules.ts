import { spareRacks } from './rack-counts.js';
import { rackCatalog } from '../catalog/racks.js';
import { checkSchedulingRules } from '../workload/rules.js';
import { checkFacilityRules } from '../facility/facility-rules.js';
import { precisions } from '../catalog/gpus.js';
import { isValidIsoDate, parseIsoMinutes } from '../model/time.js';
import { checkLimits } from './check-limits.js';
import { limits } from './limits.js';
import { checkPlausibility } from './plausibility.js';
import { error, type PathSegment, type Problem } from './problems.js';
import type { WrittenScenario } from './schema.js';
import { checkDistribution } from './check-distribution.js';
import { didYouMean } from './suggest.js';
import { checkOptionRules } from './check-option-rules.js';
import { checkLeaseTerms } from './lease-rules.js';
import { checkWholeRacks } from './check-whole-racks.js';
import { tickAsWritten, tickSecondsOf } from './tick-seconds.js';
import { checkFailureRules } from './failure-rules.js';
import { checkPhaseRules } from './phase-rules.js';

/**
 * Cross-field rules over a shape-valid scenario: what one key alone cannot say. Returns every
 * problem found; the caller decides whether warnings stop the run.
 */
export function checkRules(s: WrittenScenario): Problem[] {
  const problems: Problem[] = [];
  const push = (p: Problem) => problems.push(p);

  const startMinutes = checkDate(s.start, ['start'], push) ? parseIsoMinutes(s.start) : NaN;
  const endMinutes = checkDate(s.end, ['end'], push) ? parseIsoMinutes(s.end) + 24 * 60 : NaN;
  if (endMinutes <= startMinutes) {
    push(error('end-before-start', ['end'], `expected a date on or after start (${s.start}), found ${s.end}`));
  }
  if (s.tickSeconds !== undefined && s.tickMinutes !== undefined) {
    push(error('tick-twice', ['tickMinutes'], `expected either tickSeconds or tickMinutes, not both (found tickSeconds: ${s.tickSeconds}, tickMinutes: ${s.tickMinutes})`));
  }
  const within = (iso: string, path: PathSegment[]) => {
    if (!checkDate(iso, path, push)) return;
    const m = parseIsoMinutes(iso);
    if (m < startMinutes || m >= endMinutes) {
      push(error('outside-horizon', path, `expected a time within ${s.start} .. ${s.end}, found ${iso}`));
    }
  };

  // hasOwn: a rack named __proto__ or toString must be unknown, not Object.prototype's.
  const rack = Object.hasOwn(rackCatalog, s.hardware.rack) ? rackCatalog[s.hardware.rack] : undefined;
  if (!rack) {
    push(
      error(
        'unknown-rack',
        ['hardware', 'rack'],
        `unknown rack type "${s.hardware.rack}"; expected one of ${Object.keys(rackCatalog).join(', ')}${didYouMean(s.hardware.rack, Object.keys(rackCatalog))}`,
      ),
    );
  }
  const peak = { ...rack?.gpu.denseTflops, ...definedOnly(s.hardware.gpuOverrides?.denseTflops ?? {}) };
  const maxIt = s.hardware.rackOverrides?.maxItKw ?? rack?.maxItKw ?? Infinity;
  const idleIt = s.hardware.rackOverrides?.idleItKw ?? rack?.idleItKw ?? 0;
  if (idleIt > maxIt) {
    push(error('idle-above-max', ['hardware', 'rackOverrides', 'idleItKw'], `expected idle IT power <= max IT power (${maxIt} kW), found ${idleIt}`));
  }

  // Cluster size: racks, or phases, not both.
  const c = s.cluster;
  if (c.racks === undefined && c.phases === undefined) {
    push(error('missing-racks', ['cluster'], 'expected racks (a count) or phases (a list of {from, racks})'));
  }
  if (c.racks !== undefined && c.phases !== undefined) {
    push(error('racks-and-phases', ['cluster', 'phases'], 'expected either racks or phases, not both'));
  }
  let maxRacks = c.racks ?? 0;
  let firstPhaseMinutes = startMinutes;
  c.phases?.forEach((phase, i) => {
    const path = ['cluster', 'phases', i, 'from'];
    within(phase.from, path);
    const m = isValidIsoDate(phase.from) ? parseIsoMinutes(phase.from) : NaN;
    if (i === 0) firstPhaseMinutes = m;
    const previous = c.phases?.[i - 1];
    if (previous && isValidIsoDate(previous.from) && m <= parseIsoMinutes(previous.from)) {
      push(error('phases-out-of-order', path, `expected a date after the previous phase (${previous.from}), found ${phase.from}`));
    }
    if (previous && phase.racks < previous.racks) {
      push(error('phases-shrink', ['cluster', 'phases', i, 'racks'], `expected racks >= the previous phase's ${previous.racks}, found ${phase.racks} (racks are added, not removed)`));
    }
    maxRacks = Math.max(maxRacks, phase.racks);
  });
  if (c.phases && firstPhaseMinutes > startMinutes) {
    // Allowed: the cluster is empty until the first phase.
  }
  const spare = spareRacks(c.spareRacks, maxRacks);
  if (spare >= maxRacks && maxRacks > 0) {
    push(error('spares-exceed-racks', ['cluster', 'spareRacks'], `expected fewer spare racks than racks (${maxRacks}), found ${spare}`));
  }

  for (const item of checkFailureRules(s, { startMinutes, endMinutes, maxRacks })) problems.push(item);

  const names = new Set<string>();
  const schedulable = maxRacks - spare;
  (s.runs ?? []).forEach((run, i) => {
    const at = (...rest: PathSegment[]) => ['runs', i, ...rest];
    if (names.has(run.name)) push(error('duplicate-run', at('name'), `expected a unique run name, found "${run.name}" twice`));
    names.add(run.name);
    if (run.submit !== undefined) within(run.submit, at('submit'));
    if (maxRacks > 0 && typeof run.racks === 'number' && run.racks > schedulable) {
      push(
        error(
          'run-too-large',
          at('racks'),
          `expected at most ${schedulable} racks (the cluster's ${maxRacks} less ${spare} spares), found ${run.racks}`,
        ),
      );
    }
    const speedKeys = [run.mfu, run.achievedTflopsPerGpu].filter((v) => v !== undefined).length;
    if (speedKeys !== 1) {
      push(error('speed', at(speedKeys === 0 ? 'mfu' : 'achievedTflopsPerGpu'), 'expected exactly one of mfu or achievedTflopsPerGpu'));
    }
    if (run.mfu !== undefined && rack && peak[run.precision] === undefined) {
      push(
        error(
          'precision-unsupported',
          at('precision'),
          `expected a precision the ${rack.gpu.name} has (${precisions.filter((p) => peak[p] !== undefined).join(', ')}), found ${run.precision}`,
        ),
      );
    }
    const hasFlop = run.totalFlop !== undefined;
    const hasSixNd = run.activeParams !== undefined || run.tokens !== undefined;
    const hasDays = run.computeDays !== undefined;
    if (Number(hasFlop) + Number(hasSixNd) + Number(hasDays) !== 1) {
      const key = hasDays ? 'computeDays' : hasFlop ? 'activeParams' : 'totalFlop';
      push(error('work', at(key), 'expected one of totalFlop, activeParams and tokens (6ND), or computeDays'));
    } else if (hasSixNd && (run.activeParams === undefined || run.tokens === undefined)) {
      push(error('work', at(run.activeParams === undefined ? 'activeParams' : 'tokens'), 'expected both activeParams and tokens'));
    }
    checkDistribution(run.restartMinutes, at('restartMinutes'), push);
    for (const item of checkPhaseRules(run, i, { start: s.start, end: s.end, startMinutes, endMinutes, schedulable: maxRacks > 0 ? schedulable : 0, peak, gpuName: rack?.gpu.name ?? 'GPU' })) problems.push(item);
  });
  if (s.lease.monthlyUsd === undefined && s.lease.schedule === undefined) {
    push(error('missing-fee', ['lease', 'monthlyUsd'], 'expected the monthly fee: monthlyUsd, or schedule: [{from, monthlyUsd}]; the key is missing'));
  }
  for (const item of checkLeaseTerms(s.lease, (...rest) => ['lease', ...rest], { start: s.start, end: s.end, fullRacks: maxRacks })) problems.push(item);
  if (s.lease.rampIn && c.phases) {
    push(error('ramp-and-phases', ['lease', 'rampIn'], 'expected either lease.rampIn or cluster.phases, not both: the ramp-in is the leased cluster\'s capacity over time (give cluster.racks, its full size)'));
  }
  for (const item of [...checkLimits(s), ...checkPlausibility(s)]) problems.push(item);
  for (const item of checkOptionRules(s)) problems.push(item);
  for (const item of checkWholeRacks(s)) problems.push(item);
  for (const item of checkSchedulingRules(s)) problems.push(item);
  if (s.facility) for (const item of checkFacilityRules(s.facility, { start: s.start, end: s.end, tickSeconds: tickSecondsOf(s), tick: tickAsWritten(s) })) problems.push(item);
  return problems;
}

function checkDate(iso: string, path: PathSegment[], push: (p: Problem) => void): boolean {
  if (!isValidIsoDate(iso)) {
    push(error('invalid-date', path, `expected a real calendar date, found "${iso}"`));
    return false;
  }
  const year = Number(iso.slice(0, 4));
  if (year < limits.minYear || year > limits.maxYear) {
    const hint = iso.startsWith('00') ? ` (a typo for 20${iso.slice(2)}?)` : '';
    push(error('year-out-of-range', path, `expected a year in ${limits.minYear}..${limits.maxYear}, found "${iso}"${hint}`));
    return false;
  }
  return true;
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
