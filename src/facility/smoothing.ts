/**
 * Rack-level power smoothing in closed form (GB300 NVL72: energy storage in the power shelves
 * and ramp limits on each rack's draw, set through NVML). A rack whose load steps down keeps
 * drawing, burning the difference, and lets its draw fall at `rampKwPerSecond`; a rack whose load
 * steps up lets its draw rise at the same rate while its store supplies the gap, and when the
 * store runs dry the rest of the step reaches the supply at once. Without smoothing the ramp is
 * infinite: every step is seen whole, nothing is burned or stored.
 */
export interface RackRamp {
  rampKwPerSecond: number;
  storeKj: number;
}

export const noSmoothing: RackRamp = { rampKwPerSecond: Infinity, storeKj: 0 };

/**
 * A step down from `highKw` to `lowKw` for `durationS` seconds (Infinity: for good): the energy
 * burned above the low level while the draw ramps down (kJ per rack), and the draw when the low
 * phase ends.
 */
export function rampDown(highKw: number, lowKw: number, ramp: RackRamp, durationS: number): { burnKj: number; endKw: number } {
  const drop = highKw - lowKw;
  const r = ramp.rampKwPerSecond;
  if (drop <= 0 || durationS <= 0 || !Number.isFinite(r)) return { burnKj: 0, endKw: durationS <= 0 ? highKw : lowKw };
  if (drop / r <= durationS) return { burnKj: (drop * drop) / (2 * r), endKw: lowKw };
  return { burnKj: drop * durationS - (r * durationS * durationS) / 2, endKw: highKw - r * durationS };
}

/**
 * A step of `deltaKw` per rack as the supply sees it within one tick of `tickS` seconds, and the
 * store energy it took. Down: the draw falls at most ramp x tick. Up: if the store holds the
 * ramp's triangle (delta² / 2 ramp) the draw rises at the ramp; otherwise the store empties after
 * t* = (delta - √(delta² - 2 ramp store)) / ramp and the remaining √(delta² - 2 ramp store) arrives
 * at once, on top of what the ramp added within the tick.
 */
export function visibleStep(deltaKw: number, up: boolean, ramp: RackRamp, tickS: number): { visibleKw: number; storeKj: number } {
  const r = ramp.rampKwPerSecond;
  if (deltaKw <= 0) return { visibleKw: 0, storeKj: 0 };
  if (!Number.isFinite(r)) return { visibleKw: deltaKw, storeKj: 0 };
  if (!up) return { visibleKw: Math.min(deltaKw, r * tickS), storeKj: 0 };
  const need = (deltaKw * deltaKw) / (2 * r);
  if (ramp.storeKj >= need) return { visibleKw: Math.min(deltaKw, r * tickS), storeKj: need };
  const jump = Math.sqrt(deltaKw * deltaKw - 2 * r * ramp.storeKj);
  const ramped = deltaKw - jump;
  return { visibleKw: Math.min(deltaKw, jump + r * Math.min(ramped / r, tickS)), storeKj: ramp.storeKj };
}

/**
 * The rack ramp the operator sets when asked for 'auto': every installed rack ramping together
 * moves the facility meter by no more than the supply's limit per minute.
 */
export function autoRampKwPerSecond(rampMwPerMinute: number, installedRacks: number, facilityPerRackItMw: number): number {
  if (!Number.isFinite(rampMwPerMinute) || installedRacks <= 0) return Infinity;
  return (rampMwPerMinute * 1000) / 60 / (installedRacks * facilityPerRackItMw);
}

/**
 * Whether the campus battery rides through a step of `stepMw` at the meter that the supply can
 * follow only at `limitMwPerTick` (rampMwPerMinute over a tick): it must take the excess at once
 * and hold (or find room for) the ramp's triangle, (step - limit)² / (2 x rampMwPerMinute) MW-minutes.
 */
export function batteryRidesThrough(stepMw: number, limitMwPerTick: number, rampMwPerMinute: number, battery: { powerMw: number; energyMwh: number }, storedMwh: number, up: boolean): boolean {
  const excess = stepMw - limitMwPerTick;
  if (excess <= 0) return true;
  if (battery.powerMw < excess) return false;
  const mwh = (excess * excess) / (2 * rampMwPerMinute) / 60;
  return up ? storedMwh >= mwh : battery.energyMwh - storedMwh >= mwh;
}
