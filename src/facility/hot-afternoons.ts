/**
 * The hours at which grid events strike: each calendar year, a Poisson number (mean `perYear`),
 * each on one of the year's 14 hottest days in the series (drawn with replacement), at that
 * day's hottest hour. Grid operators curtail and call demand response at peak demand, which in a
 * hot-summer site is a summer afternoon. Days are UTC days of the horizon.
 */
export function drawHotAfternoons(dryBulbC: Float64Array, hours: number, startMinutes: number, perYear: number, rng: () => number): number[] {
  const byYear = new Map<number, Array<{ hour: number; maxC: number }>>();
  for (let day = 0; day * 24 < hours; day += 1) {
    let hottest = day * 24;
    for (let h = day * 24; h < Math.min(hours, day * 24 + 24); h += 1) if ((dryBulbC[h] ?? -Infinity) > (dryBulbC[hottest] ?? -Infinity)) hottest = h;
    const year = new Date((startMinutes + day * 24 * 60) * 60_000).getUTCFullYear();
    const days = byYear.get(year) ?? byYear.set(year, []).get(year)!;
    days.push({ hour: hottest, maxC: dryBulbC[hottest] ?? 0 });
  }
  const out: number[] = [];
  for (const days of byYear.values()) {
    const hottestDays = [...days].sort((a, b) => b.maxC - a.maxC || a.hour - b.hour).slice(0, 14);
    let count = 0;
    for (let p = Math.exp(-perYear), u = rng(), cumulative = p; u > cumulative && count < 100; ) {
      count += 1;
      p *= perYear / count;
      cumulative += p;
    }
    for (let i = 0; i < count && hottestDays.length > 0; i += 1) {
      const day = hottestDays[Math.floor(rng() * hottestDays.length)];
      if (day) out.push(day.hour);
    }
  }
  return out;
}
