import { isValidIsoDate, parseIsoMinutes } from '../model/time.js';
import { limits } from './limits.js';
import { error, type Problem } from './problems.js';
import type { WrittenScenario } from './schema.js';
import { tickAsWritten, tickSecondsOf } from './tick-seconds.js';

/** Sizes beyond which capsim's exact integer accounting would no longer hold (see limits.ts). */
export function checkLimits(s: WrittenScenario): Problem[] {
  const problems: Problem[] = [];
  if (isValidIsoDate(s.start) && isValidIsoDate(s.end)) {
    const horizonMinutes = parseIsoMinutes(s.end) + 24 * 60 - parseIsoMinutes(s.start);
    const years = horizonMinutes / (365.25 * 24 * 60);
    if (years > limits.maxHorizonYears) {
      problems.push(error('horizon-too-long', ['end'], `expected a horizon of at most ${limits.maxHorizonYears} years, found ${Math.round(years)} years (${s.start} .. ${s.end})`));
    }
    const tickSeconds = tickSecondsOf(s);
    if (horizonMinutes > 0 && tickSeconds > horizonMinutes * 60) {
      const tick = tickAsWritten(s);
      problems.push(error('tick-too-long', [tick.key], `expected a tick no longer than the horizon (${horizonMinutes} minutes), found ${tick.text}`));
    }
  }
  const tooMany = (racks: number, path: Problem['path']) => {
    if (racks > limits.maxRacks) problems.push(error('too-many-racks', path, `expected at most ${limits.maxRacks} racks, found ${racks}`));
  };
  if (s.cluster.racks !== undefined) tooMany(s.cluster.racks, ['cluster', 'racks']);
  s.cluster.phases?.forEach((p, i) => tooMany(p.racks, ['cluster', 'phases', i, 'racks']));
  const units = s.facility?.supply.turbines?.units;
  if (units !== undefined && units > limits.maxTurbineUnits) {
    problems.push(error('too-many-turbines', ['facility', 'supply', 'turbines', 'units'], `expected at most ${limits.maxTurbineUnits} turbine units, found ${units}`));
  }
  return problems;
}
