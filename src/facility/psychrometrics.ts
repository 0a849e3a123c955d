/**
 * Moist-air arithmetic for cooling towers, which follow the wet-bulb temperature.
 */

/** Relative humidity (%) from dry-bulb and dew point, by the Magnus formula (Alduchov & Eskridge 1996). */
export function relativeHumidityPercent(dryBulbC: number, dewPointC: number): number {
  const magnus = (t: number) => Math.exp((17.625 * t) / (243.04 + t));
  return Math.min(100, (100 * magnus(Math.min(dewPointC, dryBulbC))) / magnus(dryBulbC));
}

/**
 * Wet-bulb temperature from dry-bulb and relative humidity at sea-level pressure: Stull (2011),
 * "Wet-bulb temperature from relative humidity and air temperature", J. Appl. Meteor. Climatol.;
 * within about 1 °C for RH 5-99% and -20..50 °C, finer than a tower's design margin.
 */
export function wetBulbC(dryBulbC: number, relativeHumidity: number): number {
  const t = dryBulbC;
  const rh = Math.max(5, Math.min(99, relativeHumidity));
  return (
    t * Math.atan(0.151977 * Math.sqrt(rh + 8.313659)) +
    Math.atan(t + rh) -
    Math.atan(rh - 1.676331) +
    0.00391838 * rh ** 1.5 * Math.atan(0.023101 * rh) -
    4.686035
  );
}

export function wetBulbFromDewPointC(dryBulbC: number, dewPointC: number): number {
  return Math.min(dryBulbC, wetBulbC(dryBulbC, relativeHumidityPercent(dryBulbC, dewPointC)));
}
