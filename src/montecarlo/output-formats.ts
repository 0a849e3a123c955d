/**
 * The formats Monte Carlo results are written in: replications' statistics and sweeps. A module
 * of their own, so that the CLI offers them without loading the renderers (and their number
 * formats) on every start.
 */
export const monteCarloFormats = ['table', 'json', 'csv'] as const;
export type MonteCarloFormat = (typeof monteCarloFormats)[number];

export const sweepFormats = ['csv', 'json'] as const;
export type SweepFormat = (typeof sweepFormats)[number];
