import { spareRacks } from './rack-counts.js';
import { rackCatalog } from '../catalog/racks.js';
import { defaults } from './defaults.js';
import { warning, type PathSegment, type Problem } from './problems.js';
import type { WrittenDistribution, WrittenScenario } from './schema.js';
import { distributionMean } from '../random/distributions.js';
import { toDistribution } from './to-distribution.js';

/**
 * Values that are valid but implausible: each warning says why, citing the published figure it
 * departs from. `--strict` turns them into errors. Thresholds sit far outside published ranges,
 * so a warning means "check the unit or the typing", not "unusual".
 */

// 500 kW per rack: ~3.7 times the GB300 NVL72's ~136 kW ([A] Microsoft Azure GB300 post), the
// densest rack in the reference set.
const maxPlausibleRackKw = 500;
// 2,000 W per GPU: well above the B300's 1,400 W TDP ([B] Hot Chips 2025 reports).
const maxPlausibleGpuW = 2_000;
// 0.8: no published large run comes near; Llama 3 reached 0.38-0.43 ([A] Llama 3 Table 4).
const maxPlausibleMfu = 0.8;
// A factor of 100 either way from 2.0e-5 per GPU-hour ([A] Llama 3 section 3.3.4).
const failureRateFactor = 100;
// Published restart overheads are 5-20 minutes ([B] cluster studies); a day is far outside.
const maxPlausibleRestartMinutes = 24 * 60;
// Spare pools of 2-9% are seen ([B] cluster studies); a quarter held back is far outside.
const maxPlausibleSpareShare = 0.25;
// PUE: industry average 1.56-1.58 ([A] Uptime), new liquid-cooled builds 1.05-1.20; above 2 is
// a facility from another era. (Below 1 is impossible and refused by the schema.)
const maxPlausiblePue = 2;

export function checkPlausibility(s: WrittenScenario): Problem[] {
  const problems: Problem[] = [];
  const warn = (code: string, path: PathSegment[], message: string) => problems.push(warning(code, path, message));
  const rack = Object.hasOwn(rackCatalog, s.hardware.rack) ? rackCatalog[s.hardware.rack] : undefined;

  const rackKw = s.hardware.rackOverrides?.maxItKw;
  if (rackKw !== undefined && rackKw > maxPlausibleRackKw) {
    warn('implausible-rack-power', ['hardware', 'rackOverrides', 'maxItKw'], `a rack of ${rackKw} kW is above ${maxPlausibleRackKw} kW, beyond any shipping rack (GB300 NVL72: ~136 kW); is the unit kW?`);
  }
  const tdpW = s.hardware.gpuOverrides?.tdpW;
  if (tdpW !== undefined && tdpW > maxPlausibleGpuW) {
    warn('implausible-gpu-power', ['hardware', 'gpuOverrides', 'tdpW'], `a GPU of ${tdpW} W is above ${maxPlausibleGpuW} W, beyond any shipping GPU (B300: 1,400 W); is the unit W?`);
  }

  const rate = s.failures?.ratePerGpuHour;
  const published = defaults.failureRatePerGpuHour;
  // Zero is a deliberate idealisation (no failures), not a typing slip.
  if (rate !== undefined && rate > 0 && (rate > published * failureRateFactor || rate < published / failureRateFactor)) {
    warn(
      'implausible-failure-rate',
      ['failures', 'ratePerGpuHour'],
      `${rate} interruptions per GPU-hour is more than ${failureRateFactor} times ${rate > published ? 'above' : 'below'} the published 2.0e-5 (Llama 3 on 16,384 H100s); is the unit per GPU-hour?`,
    );
  }
  checkRestart(s.failures?.restartMinutes, ['failures', 'restartMinutes'], warn);
  s.failures?.causes?.forEach((c, i) => checkRestart(c.restartMinutes, ['failures', 'causes', i, 'restartMinutes'], warn));

  if (s.lease.monthlyUsd === 0) {
    warn('zero-price', ['lease', 'monthlyUsd'], 'a lease of $0 a month makes every cost zero and the break-even meaningless; to price owning the racks, add an option of kind own');
  }
  s.lease.schedule?.forEach((step, j) => {
    if (step.monthlyUsd === 0) warn('zero-price', ['lease', 'schedule', j, 'monthlyUsd'], 'a fee of $0 a month makes the lease free in that stretch; is a fee missing?');
  });
  checkPue(s.lease.pue, ['lease', 'pue'], warn);

  const racks = s.cluster.racks ?? (s.cluster.phases ?? []).reduce((m, p) => Math.max(m, p.racks), 0);
  const spare = spareRacks(s.cluster.spareRacks, racks);
  if (racks > 0 && spare / racks > maxPlausibleSpareShare) {
    warn('implausible-spares', ['cluster', 'spareRacks'], `${spare} of ${racks} racks held as spares is over ${maxPlausibleSpareShare * 100}%; published spare pools are 2-9%`);
  }

  checkOptionPlausibility(s, warn);

  (s.runs ?? []).forEach((run, i) => {
    if (run.mfu !== undefined && run.mfu > maxPlausibleMfu) {
      warn('implausible-mfu', ['runs', i, 'mfu'], `MFU of ${run.mfu} is above ${maxPlausibleMfu}, higher than any published large training run (Llama 3: 0.38–0.43)`);
    }
    const peak = s.hardware.gpuOverrides?.denseTflops?.[run.precision] ?? rack?.gpu.denseTflops[run.precision];
    const achieved = run.achievedTflopsPerGpu;
    if (achieved !== undefined && peak !== undefined && achieved > peak * maxPlausibleMfu) {
      warn(
        'implausible-throughput',
        ['runs', i, 'achievedTflopsPerGpu'],
        `${achieved} TFLOP/s per GPU is ${(achieved / peak).toFixed(2)} of the ${peak} TFLOP/s dense ${run.precision} peak, above the ${maxPlausibleMfu} no published run reaches${achieved > peak ? ' (above the peak itself)' : ''}`,
      );
    }
    const interval = run.checkpoint?.intervalMinutes;
    const write = run.checkpoint?.writeMinutes;
    if (typeof interval === 'number' && write !== undefined && write > interval) {
      warn('implausible-checkpoint', ['runs', i, 'checkpoint', 'writeMinutes'], `writing a checkpoint (${write} min) takes longer than the compute between checkpoints (${interval} min): the run would spend most of its time writing`);
    }
    checkRestart(run.restartMinutes, ['runs', i, 'restartMinutes'], warn);
  });
  return problems;
}

type Warn = (code: string, path: PathSegment[], message: string) => void;

/** Procurement options: prices of zero and PUEs outside any modern data center. */
function checkOptionPlausibility(s: WrittenScenario, warn: Warn): void {
  (s.options ?? []).forEach((o, i) => {
    const at = (...rest: PathSegment[]): PathSegment[] => ['options', i, ...rest];
    const free = 'makes this option free and every comparison with it meaningless; is a price missing?';
    if (o.kind === 'lease') {
      if (o.monthlyUsd === 0) warn('zero-price', at('monthlyUsd'), `a lease of $0 a month ${free}`);
      o.schedule?.forEach((step, j) => {
        if (step.monthlyUsd === 0) warn('zero-price', at('schedule', j, 'monthlyUsd'), `a fee of $0 a month ${free}`);
      });
      checkPue(o.pue, at('pue'), warn);
    } else if (o.kind === 'own') {
      if (o.capexUsdPerRack === 0) warn('zero-price', at('capexUsdPerRack'), `racks at $0 each ${free}`);
      checkPue(o.pue, at('pue'), warn);
    } else if (o.kind !== 'hybrid' && o.priceUsdPerGpuHour === 0) {
      warn('zero-price', at('priceUsdPerGpuHour'), `a price of $0 per GPU-hour ${free}`);
    }
  });
}

/** A restart whose mean is over a day is a unit slip (hours or seconds written as minutes). */
function checkRestart(written: WrittenDistribution | undefined, path: PathSegment[], warn: Warn): void {
  const d = toDistribution(written);
  if (d === undefined) return;
  const mean = distributionMean(d);
  if (mean > maxPlausibleRestartMinutes) {
    warn('implausible-restart', path, `a restart of ${formatMinutes(mean)} minutes${typeof written === 'number' ? '' : ' on average'} is over a day; published restarts take 5-20 minutes; is the unit minutes?`);
  }
}

const formatMinutes = (m: number) => (Number.isInteger(m) ? String(m) : m.toPrecision(4));

function checkPue(pue: number | undefined, path: PathSegment[], warn: Warn): void {
  if (pue !== undefined && pue > maxPlausiblePue) {
    warn('implausible-pue', path, `a PUE of ${pue} is above ${maxPlausiblePue}; the industry average is 1.56-1.58 and new liquid-cooled builds reach 1.05-1.20`);
  }
}
