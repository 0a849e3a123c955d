/**
 * The limits capsim's inputs and work must stay within, each with its reason, all listed in the
 * README's limits table. Each is far above what a real scenario needs and low enough that a
 * hostile or mistyped input cannot crash capsim, exhaust memory or run for hours unasked.
 */
export const limits = {
  // A scenario of several hundred runs is ~100 KiB; 2 MiB leaves room for long empirical
  // distributions while bounding what a mistaken path (a log) can make capsim read.
  maxScenarioBytes: 2 * 1024 * 1024,
  // Alias expansions per document (yaml's maxAliasCount). An alias bomb (billion laughs) expands
  // exponentially; 100 allows ordinary reuse of an anchored block.
  maxAliasCount: 100,
  // Nodes that aliases add to the document once expanded. yaml's count does not see one large
  // anchored list aliased many times (100,000 numbers x 880 aliases = 88 million nodes in 200 KB);
  // 100,000 is ten times the nodes of the largest example scenario.
  maxAliasNodes: 100_000,
  // A scenario is at most ~6 levels deep; 64 keeps recursive walks far from the stack's end.
  maxNestingDepth: 64,
  // At most this many YAML syntax errors are listed: one broken bracket can cause thousands.
  maxYamlErrors: 10,
  // At most this many problems are printed, then how many more: a file of a million empty runs
  // gave 1.8 million lines (207 MB) on stderr.
  maxProblemsShown: 100,
  // Extends chains deeper than this are a mistake, not a design.
  maxExtendsDepth: 16,
  // 100 years of 1-second ticks (3.16e9 ticks) times a million racks (3.2e15 rack-ticks) stays
  // below 2^53 (9.0e15), so the rack-tick integrals remain exact integers at any tick.
  maxHorizonYears: 100,
  maxRacks: 1_000_000,
  // Dates: the calendar arithmetic (and every date a plan can mean) lies in 1970-2200; a year
  // like 0026 (a typo for 2026) once billed a lease $0 over no months.
  minYear: 1970,
  maxYear: 2200,
  // Named runs are planned one by one; thousands of jobs belong in a workload stream or trace.
  maxRuns: 10_000,
  // Items of any other list (phases, options, streams, an empirical distribution's values).
  maxListItems: 100_000,
  // Each turbine unit's outages are drawn hour by hour over the horizon. 1,000 units of even
  // 5 MW is 5 GW, five times the ~1 GW Colossus 2 campus ([B] press reports).
  maxTurbineUnits: 1_000,
  // Stream and trace jobs are all drawn or read before the simulation starts, ~2 KB each.
  maxJobs: 500_000,
  // The largest archive logs (tens of thousands of jobs) are a few MB; far larger is the wrong file.
  maxTraceBytes: 64 * 1024 * 1024,
  // A year of hourly EPW lines is ~1.5 MB (the other hourly files, prices and carbon, less);
  // anything far larger is the wrong file.
  maxHourlyFileBytes: 32 * 1024 * 1024,
  // Outdoor air on Earth: the records are -89.2 °C (Vostok, 1983) and 56.7 °C (Death Valley, 1913)
  // [A] WMO Archive of Weather and Climate Extremes. Outside this, the column holds Fahrenheit,
  // Kelvin or a missing-value code.
  minDryBulbC: -90,
  maxDryBulbC: 60,
  // A partial result holds a few hundred metrics of bounded size; a sweep point a row of them.
  maxPartialBytes: 256 * 1024 * 1024,
  maxPointFileBytes: 64 * 1024 * 1024,
  // Memory one simulation may be expected to need: V8's heap is ~4 GiB, and the estimate is
  // approximate, so half of it.
  maxSimulationBytes: 2 * 1024 ** 3,
  // Work expected to take longer than this needs --force: a mistyped rate or count should not
  // silently run for hours.
  maxEstimatedHours: 1,
  // Sweep points (grid and Latin hypercube): each is loaded and validated before any runs.
  maxSweepPoints: 10_000,
  // Replications of one job: at 5 ms each, 10^8 is a week of one core; beyond, no estimate matters.
  maxReplications: 100_000_000,
  // `capsim size --years`: synthetic years of weather for the percentile hour.
  maxSizingYears: 200,
} as const;
