import type { AnyStatistics } from './metric-accumulator.js';
import type { InputDescription } from '../scenario/uncertainty.js';
import type { SummaryAccumulator } from './summary-accumulator.js';

/** The report of a set of replications: the JSON contract of `capsim run --replications`. */
export interface MonteCarloReport {
  capsim: {
    version: string;
    scenarioHash: string;
    seed: number;
    replications: number;
  };
  scenario: { name: string };
  /** The inputs drawn per replication and their ranges; absent when there are none. */
  uncertainInputs?: InputDescription[];
  /** Every numeric metric of the single-run report, by key path, in the report's order. */
  statistics: Record<string, AnyStatistics>;
}

export interface ReportHeader {
  version: string;
  scenarioHash: string;
  seed: number;
  scenarioName: string;
  uncertainInputs?: InputDescription[];
}

export function monteCarloReport(header: ReportHeader, accumulator: SummaryAccumulator, include: readonly string[] = []): MonteCarloReport {
  return {
    capsim: { version: header.version, scenarioHash: header.scenarioHash, seed: header.seed, replications: accumulator.replications },
    scenario: { name: header.scenarioName },
    ...(header.uncertainInputs && header.uncertainInputs.length > 0 ? { uncertainInputs: header.uncertainInputs } : {}),
    statistics: Object.fromEntries(accumulator.statistics().filter(([path]) => selected(path, include))),
  };
}

/**
 * Whether a metric path is among `include`: each entry a path or a prefix of one
 * (`cluster`, `runs.frontier-pretrain`, `money.idleCostUsd`). Nothing listed selects everything.
 */
export function selected(path: string, include: readonly string[]): boolean {
  if (include.length === 0) return true;
  return include.some((p) => path === p || path.startsWith(`${p}.`) || path.startsWith(`${p}[`));
}
