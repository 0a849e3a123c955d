/**
 * Purchase price of one rack (system) of the catalog, in USD, for an option that owns the
 * hardware. Tags as in reference/economics-and-grid.md. Racks without a public price have none: an
 * own option on them must give `capexUsdPerRack`.
 */
export const rackPricesUsd: Readonly<Record<string, { usd: number; source: string }>> = {
  // [C] ~$3–4M per GB300 NVL72 rack (awesomeagents.ai; bizety.com 2025/09; Together AI's ≈$3M);
  // [B] HSBC: no notable rack price rise from GB200 to GB300. The middle of the range.
  'gb300-nvl72': { usd: 3_500_000, source: '[C] ~$3–4M per rack (awesomeagents.ai, bizety.com); the middle' },
  // [C] $2–3M per GB200 NVL72 rack, ≈$3.1M often cited (awesomeagents.ai; fetchlogic.net). The middle.
  'gb200-nvl72': { usd: 2_500_000, source: '[C] $2–3M per rack (awesomeagents.ai, fetchlogic.net); the middle' },
};

/**
 * What GPU hardware resells for, as a share of its price, by age in years: [C] H100 resale values
 * (v2-pseo-ai.pages.dev residual guide): 60–65% after 1 year, 40–45% after 2, 25–35% after 3,
 * 15–20% after 4; the middles, linear in between and falling on at the last slope to zero.
 */
export const resaleShareByAgeYears: ReadonlyArray<[number, number]> = [
  [0, 1],
  [1, 0.625],
  [2, 0.425],
  [3, 0.3],
  [4, 0.175],
];

/** The resale share at an age: the curve above, interpolated and extended at its last slope. */
export function resaleShare(ageYears: number): number {
  const curve = resaleShareByAgeYears;
  for (let i = 1; i < curve.length; i++) {
    const [x0, y0] = curve[i - 1] ?? [0, 1];
    const [x1, y1] = curve[i] ?? [0, 1];
    if (ageYears <= x1 || i === curve.length - 1) return Math.max(0, y0 + ((y1 - y0) * (Math.max(0, ageYears) - x0)) / (x1 - x0));
  }
  return 1;
}
