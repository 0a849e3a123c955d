import { leaseScenario } from '../../procurement/lease-scenario.js';
import type { Scenario } from '../../scenario/scenario.js';
import { simulateScenario } from '../../simulation/simulate-scenario.js';
import { summarize, type Provenance } from '../summary.js';
import { renderHtml } from './page.js';
import { reportData } from './report-data.js';
import { withReplications, type ReplicationsInput } from './replications.js';

/**
 * The HTML report of a set of replications: replication 0 simulated again here for its timeline
 * and series (one run costs milliseconds; the same seed and stream names give the same run the
 * workers had), with the replications' statistics and distributions laid over it; `sections`
 * carries the procurement options compared over the same replications.
 */
export async function renderReplicationsHtml(scenario: Scenario, seed: number, provenance: Provenance, input: ReplicationsInput, sections: Record<string, unknown> = {}): Promise<string> {
  const record = simulateScenario(leaseScenario(scenario, scenario.lease), { seed, replication: 0 });
  return renderHtml(withReplications(reportData(summarize(record, provenance), record, sections), input));
}
