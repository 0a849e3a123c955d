import { error, warning, type PathSegment, type Problem } from '../scenario/problems.js';
import type { WrittenFacility } from './schema.js';

/**
 * Cross-field checks of the facility's newer sections: the cap curve, the campus, the tariff,
 * demand response, carbon and smoothing. `within` checks that a date lies in the horizon.
 */
export function checkGridRules(f: WrittenFacility, within: (iso: string, path: PathSegment[]) => void): Problem[] {
  const problems: Problem[] = [];
  const at = (...rest: PathSegment[]) => ['facility', ...rest];
  if (f.capCurve !== undefined) {
    if (f.capExponent !== undefined) problems.push(error('cap-law-twice', at('capCurve'), 'expected capCurve or capExponent, not both'));
    const points = f.capCurve;
    const last = points[points.length - 1];
    if (points.length < 2) problems.push(error('cap-curve-points', at('capCurve'), `expected at least two [cap share, throughput] points, found ${points.length}`));
    else if (!last || last[0] !== 1 || last[1] !== 1) problems.push(error('cap-curve-end', at('capCurve', points.length - 1), `expected the curve to end at [1, 1] (an uncapped GPU keeps its speed), found [${last?.join(', ')}]`));
    points.forEach((p, i) => {
      const previous = points[i - 1];
      if (previous && (p[0] <= previous[0] || p[1] < previous[1])) {
        problems.push(error('cap-curve-order', at('capCurve', i), `expected cap shares increasing and throughput not falling, found [${p.join(', ')}] after [${previous.join(', ')}]`));
      }
    });
  }
  const campus = f.campus;
  if (campus?.otherTenants !== undefined && (campus.supplyShare !== undefined || campus.plantShare !== undefined || campus.racks !== undefined)) {
    problems.push(error('campus-twice', at('campus', 'otherTenants'), 'expected either the share the lease buys (racks, or supplyShare and plantShare) or the other tenants, not both'));
  }
  campus?.otherTenants?.forEach((t, i) => t.from !== undefined && within(t.from, at('campus', 'otherTenants', i, 'from')));
  const tariff = f.tariff;
  if (tariff) {
    const names = (tariff.periods ?? []).map((p) => p.name);
    tariff.periods?.forEach((p, i) => {
      if (p.toHour <= p.fromHour) problems.push(error('tariff-period-hours', at('tariff', 'periods', i, 'toHour'), `expected toHour after fromHour (${p.fromHour}), found ${p.toHour}`));
      if (names.indexOf(p.name) !== i) problems.push(error('tariff-period-name', at('tariff', 'periods', i, 'name'), `expected a period name used once, found "${p.name}" again`));
    });
    if (tariff.file !== undefined && tariff.periods !== undefined) problems.push(error('tariff-twice', at('tariff', 'file'), 'expected hourly prices from a file or from periods, not both'));
    if (tariff.file !== undefined && !/\.csv$/i.test(tariff.file)) problems.push(error('tariff-file-type', at('tariff', 'file'), `expected a .csv file (time,usdPerMwh), found "${tariff.file}"`));
    if (tariff.demandPeriod !== undefined && !names.includes(tariff.demandPeriod)) {
      problems.push(error('unknown-period', at('tariff', 'demandPeriod'), `expected one of the tariff's periods (${names.join(', ') || 'none given'}), found "${tariff.demandPeriod}"`));
    }
  }
  const dr = f.demandResponse;
  dr?.events?.forEach((e, i) => within(e.from, at('demandResponse', 'events', i, 'from')));
  if (dr?.accept === 'when-paid' && dr.gpuHourValueUsd === undefined) {
    problems.push(error('gpu-hour-value', at('demandResponse', 'gpuHourValueUsd'), 'expected gpuHourValueUsd (what a GPU-hour of lost throughput is worth) when accept is when-paid'));
  }
  const carbon = f.carbon;
  if (carbon?.file !== undefined && carbon.gridKgCo2PerMwh !== undefined) problems.push(error('carbon-twice', at('carbon', 'file'), 'expected an hourly file or one flat gridKgCo2PerMwh, not both'));
  if (carbon?.file !== undefined && !/\.csv$/i.test(carbon.file)) problems.push(error('carbon-file-type', at('carbon', 'file'), `expected a .csv file (time,kgCo2PerMwh), found "${carbon.file}"`));
  if (f.smoothing && (f.smoothing.rampKwPerSecond ?? 'auto') === 'auto' && f.supply.rampMwPerMinute === undefined) {
    problems.push(warning('smoothing-without-limit', at('smoothing', 'rampKwPerSecond'), 'an automatic rack ramp follows supply.rampMwPerMinute, and none is given: smoothing does nothing'));
  }
  return problems;
}
