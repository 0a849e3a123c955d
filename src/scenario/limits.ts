/**
 * The limits a scenario must stay within, documented in the README. Each is far above what a real
 * scenario needs and low enough that a hostile or mistyped file cannot exhaust memory or time.
 */
export const limits = {
  // A scenario of several hundred runs is ~100 KiB; 2 MiB leaves room for long empirical
  // distributions while bounding what a mistaken path (a log, /dev/zero) can make capsim read.
  maxScenarioBytes: 2 * 1024 * 1024,
  // Alias expansions per document (yaml's maxAliasCount). An alias bomb (billion laughs) expands
  // exponentially; 100 allows ordinary reuse of an anchored block.
  maxAliasCount: 100,
  // A scenario is at most ~6 levels deep; 64 keeps recursive walks far from the stack's end.
  maxNestingDepth: 64,
  // At most this many YAML syntax errors are listed: one broken bracket can cause thousands.
  maxYamlErrors: 10,
  // Extends chains deeper than this are a mistake, not a design.
  maxExtendsDepth: 16,
  // 100 years of 1-minute ticks (~5.3e7 ticks) times a million racks stays below 2^53, so the
  // rack-tick integrals remain exact integers.
  maxHorizonYears: 100,
  maxRacks: 1_000_000,
  // Each turbine unit's outages are drawn hour by hour over the horizon. 1,000 units of even
  // 5 MW is 5 GW, five times the ~1 GW Colossus 2 campus ([B] press reports).
  maxTurbineUnits: 1_000,
} as const;
