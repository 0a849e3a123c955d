import { describeCapLaw } from './cap-law.js';
import type { FacilityRecord } from './facility-record.js';
import { energyMwh } from './facility-hours.js';
import { swingCauses } from './swings.js';

/** Power dynamics in the report: whole-run swings by cause, what smoothing and the battery took, what is left. */
export function summarizeSwings(f: FacilityRecord) {
  const t = f.swings;
  const rows = swingCauses.map((cause) => ({ cause, ...t.byCause[cause] }));
  const total = (key: 'swings' | 'overLimit' | 'smoothed' | 'battery' | 'left') => rows.reduce((s, r) => s + r[key], 0);
  return {
    capLaw: describeCapLaw(f.capLaw),
    rampViolations: total('left'),
    maxSwingMw: t.maxSwingMw,
    swings: total('swings'),
    swingsOverLimit: total('overLimit'),
    swingsSmoothed: total('smoothed'),
    swingsRiddenByBattery: total('battery'),
    maxSwingLeftMw: t.maxLeftMw,
    swingsByCause: rows,
    rackRampKwPerSecond: Number.isFinite(f.ramp.rampKwPerSecond) ? f.ramp.rampKwPerSecond : null,
    rackStoreKj: f.ramp.storeKj,
    smoothingEnergyMwh: energyMwh(f, f.smoothingBurnMw),
    smoothingStoreMwh: t.storeKj / 3.6e6,
  };
}
