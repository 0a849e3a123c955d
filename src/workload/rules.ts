import { rackCatalog } from '../catalog/racks.js';
import { isValidIsoDate, parseIsoMinutes } from '../model/time.js';
import { error, warning, type PathSegment, type Problem } from '../scenario/problems.js';
import { checkDistribution } from '../scenario/check-distribution.js';
import { runRacks, spareRacks } from '../scenario/rack-counts.js';
import type { WrittenScenario } from '../scenario/schema.js';
import { didYouMean } from '../scenario/suggest.js';
import { limits } from '../scenario/limits.js';


/** Cross-field rules of the `scheduler:` and `workload:` sections. */
export function checkSchedulingRules(s: WrittenScenario): Problem[] {
  const problems: Problem[] = [];
  if (!s.scheduler && !s.workload) return problems;
  const push = (p: Problem) => problems.push(p);
  const startMinutes = isValidIsoDate(s.start) ? parseIsoMinutes(s.start) : NaN;
  const endMinutes = isValidIsoDate(s.end) ? parseIsoMinutes(s.end) + 24 * 60 : NaN;
  const within = (iso: string, path: PathSegment[]) => {
    if (!isValidIsoDate(iso)) return push(error('invalid-date', path, `expected a real calendar date, found "${iso}"`));
    const m = parseIsoMinutes(iso);
    if (m < startMinutes || m >= endMinutes) push(error('outside-horizon', path, `expected a date within ${s.start} .. ${s.end}, found ${iso}`));
  };
  const maxRacks = s.cluster.racks ?? (s.cluster.phases ?? []).reduce((m, p) => Math.max(m, p.racks), 0);
  const schedulable = maxRacks - spareRacks(s.cluster.spareRacks, maxRacks);
  const runs = s.runs ?? [];

  const sch = s.scheduler;
  if (sch?.preemption && sch.policy !== 'priority') {
    push(error('preemption-policy', ['scheduler', 'preemption'], `expected preemption only with policy: priority, found policy: ${sch.policy}`));
  }
  if (sch?.quotas && sch.policy !== 'fairshare') {
    push(warning('quotas-unused', ['scheduler', 'quotas'], `quotas are used only by policy: fairshare, found policy: ${sch.policy}`));
  }
  sch?.reservations?.forEach((r, i) => {
    const at = (key: string) => ['scheduler', 'reservations', i, key];
    within(r.from, at('from'));
    const run = runs.find((x) => x.name === r.run);
    if (!run) {
      push(error('unknown-run', at('run'), `expected the name of a run, found "${r.run}"${didYouMean(r.run, runs.map((x) => x.name))}`));
    } else if (r.racks < runRacks(run.racks, schedulable)) {
      push(error('reservation-too-small', at('racks'), `expected at least the run's ${runRacks(run.racks, schedulable)} racks, found ${r.racks}`));
    }
    if (maxRacks > 0 && r.racks > schedulable) push(error('reservation-too-large', at('racks'), `expected at most ${schedulable} racks (the cluster less its spares), found ${r.racks}`));
  });

  const names = new Set(runs.map((r) => r.name));
  const days = (endMinutes - startMinutes) / (24 * 60);
  let expectedJobs = 0;
  const peak = Object.hasOwn(rackCatalog, s.hardware.rack) ? rackCatalog[s.hardware.rack]?.gpu.denseTflops : undefined;
  const jobSources = [
    ...(s.workload?.streams ?? []).map((x, i) => ({ x, path: ['workload', 'streams', i] as PathSegment[] })),
    ...(s.workload?.traces ?? []).map((x, i) => ({ x, path: ['workload', 'traces', i] as PathSegment[] })),
  ];
  for (const { x, path } of jobSources) {
    if (names.has(x.name)) push(error('duplicate-name', [...path, 'name'], `expected a name not used by another run, stream or trace, found "${x.name}"`));
    names.add(x.name);
    const speedKeys = [x.mfu, x.achievedTflopsPerGpu].filter((v) => v !== undefined).length;
    if (speedKeys !== 1) push(error('speed', [...path, speedKeys === 0 ? 'mfu' : 'achievedTflopsPerGpu'], 'expected exactly one of mfu or achievedTflopsPerGpu'));
    const gpuPeak = s.hardware.gpuOverrides?.denseTflops?.[x.precision] ?? peak?.[x.precision];
    if (x.mfu !== undefined && peak && gpuPeak === undefined) push(error('precision-unsupported', [...path, 'precision'], `expected a precision the GPU has, found ${x.precision}`));
  }
  (s.workload?.streams ?? []).forEach((st, i) => {
    const at = (...rest: PathSegment[]) => ['workload', 'streams', i, ...rest];
    const work = [st.durationHours, st.totalFlop].filter((v) => v !== undefined).length;
    if (work !== 1) push(error('work', at(work === 0 ? 'durationHours' : 'totalFlop'), 'expected exactly one of durationHours or totalFlop'));
    checkDistribution(st.racks, at('racks'), push);
    checkDistribution(st.durationHours, at('durationHours'), push);
    checkDistribution(st.totalFlop, at('totalFlop'), push);
    if (st.from !== undefined) within(st.from, at('from'));
    if (st.until !== undefined) within(st.until, at('until'));
    if (st.from !== undefined && st.until !== undefined && isValidIsoDate(st.from) && isValidIsoDate(st.until) && st.until < st.from) {
      push(error('until-before-from', at('until'), `expected a date on or after from (${st.from}), found ${st.until}`));
    }
    for (const key of ['hourOfDay', 'dayOfWeek'] as const) {
      if (st[key]?.every((v) => v === 0)) push(error('zero-weights', at(key), 'expected at least one weight above 0'));
    }
    expectedJobs += st.ratePerDay * (Number.isFinite(days) ? days : 0);
  });
  if (expectedJobs > limits.maxJobs) {
    push(error('too-many-jobs', ['workload', 'streams'], `expected at most ${limits.maxJobs.toLocaleString('en-US')} jobs over the horizon, found rates that give ${Math.round(expectedJobs).toLocaleString('en-US')}`));
  }
  (s.workload?.traces ?? []).forEach((t, i) => {
    if (t.start !== undefined) within(t.start, ['workload', 'traces', i, 'start']);
  });
  return problems;
}
