import { siteCatalog } from '../catalog/sites.js';
import { isValidIsoDate, parseIsoMinutes } from '../model/time.js';
import { error, warning, type PathSegment, type Problem } from '../scenario/problems.js';
import { didYouMean } from '../scenario/suggest.js';
import type { WrittenFacility } from './schema.js';
import { checkGridRules } from './grid-rules.js';

export interface FacilityRuleContext {
  start: string;
  end: string;
  tickSeconds: number;
  /** The tick as the scenario wrote it: its key, for the problem's path, and its text. */
  tick: { key: 'tickSeconds' | 'tickMinutes'; text: string };
}

/** Cross-field checks of the `facility:` section; every problem at once. */
export function checkFacilityRules(f: WrittenFacility, ctx: FacilityRuleContext): Problem[] {
  const problems: Problem[] = [];
  const at = (...rest: PathSegment[]) => ['facility', ...rest];
  if (f.site !== undefined && !Object.hasOwn(siteCatalog, f.site)) {
    const known = Object.keys(siteCatalog);
    problems.push(error('unknown-site', at('site'), `unknown site "${f.site}"; expected one of ${known.join(', ')}${didYouMean(f.site, known)}`));
  }
  if (3600 % ctx.tickSeconds !== 0) {
    problems.push(error('facility-tick', [ctx.tick.key], `expected a tick that divides an hour (a divisor of 3,600 seconds: 1, 2, 5, 10, 30, 60 ... or 1, 2, 3, 5, 10, 15, 20, 30 or 60 minutes) when a facility is modelled, found ${ctx.tick.text}`));
  }
  const startMinutes = isValidIsoDate(ctx.start) ? parseIsoMinutes(ctx.start) : NaN;
  const endMinutes = isValidIsoDate(ctx.end) ? parseIsoMinutes(ctx.end) + 24 * 60 : NaN;
  const within = (iso: string, path: PathSegment[]) => {
    if (!isValidIsoDate(iso)) {
      problems.push(error('invalid-date', path, `expected a real calendar date, found "${iso}"`));
      return;
    }
    const m = parseIsoMinutes(iso);
    if (m < startMinutes || m >= endMinutes) problems.push(error('outside-horizon', path, `expected a time within ${ctx.start} .. ${ctx.end}, found ${iso}`));
  };
  let previous = startMinutes;
  f.supply.gridSteps?.forEach((step, i) => {
    const path = at('supply', 'gridSteps', i, 'from');
    within(step.from, path);
    if (isValidIsoDate(step.from)) {
      const m = parseIsoMinutes(step.from);
      if (m <= previous && i > 0) problems.push(error('steps-out-of-order', path, `expected a date after the previous step, found ${step.from}`));
      previous = m;
    }
  });
  f.supply.curtailments?.forEach((c, i) => within(c.from, at('supply', 'curtailments', i, 'from')));
  f.weather?.heatWaves?.forEach((h, i) => within(h.from, at('weather', 'heatWaves', i, 'from')));
  const file = f.weather?.file;
  if (file !== undefined && !/\.(csv|epw)$/i.test(file)) {
    problems.push(error('weather-file-type', at('weather', 'file'), `expected a .csv or .epw weather file, found "${file}"`));
  }
  if (file !== undefined && f.weather?.heatWaves === undefined && f.weather?.seededHeatWaves === true) {
    problems.push(warning('heat-waves-ignored', at('weather', 'seededHeatWaves'), 'seeded heat waves apply to the synthetic series only; a weather file has its own'));
  }
  const it = f.it ?? {};
  if (it.checkpointShareOfMax !== undefined && it.trainingShareOfMax !== undefined && it.checkpointShareOfMax > it.trainingShareOfMax) {
    problems.push(warning('checkpoint-above-training', at('it', 'checkpointShareOfMax'), `a checkpoint write drawing more than training (${it.trainingShareOfMax}) is unusual, found ${it.checkpointShareOfMax}`));
  }
  if (f.capExponent !== undefined && f.capExponent > 2) {
    problems.push(warning('implausible-cap-exponent', at('capExponent'), `throughput falling faster than (cap)^2 is implausible (argued default 0.5), found ${f.capExponent}`));
  }
  for (const item of checkGridRules(f, within)) problems.push(item);
  return problems;
}
