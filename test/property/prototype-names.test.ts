import { describe, expect, it } from 'vitest';
import { simulateScenario } from '../../src/simulation/simulate-scenario.js';
import { summarize } from '../../src/reports/summary.js';
import { aRun, aScenario, provenance } from '../builders.js';

// Names a user chooses (teams, runs) are looked up in plain objects; a name that is also an
// Object.prototype member must behave like any other name.
describe('teams named like Object.prototype members', () => {
  for (const team of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
    it(`a team named ${team} is scheduled under fair share and weighs 1 without a quota`, () => {
      const scenario = aScenario({ scheduler: { policy: 'fairshare', quotas: { research: 2 } }, runs: [aRun({ team })] });
      const record = simulateScenario(scenario);
      expect(record.runs[0]?.firstStartTick).toBe(0);
      const queue = summarize(record, provenance).queue;
      expect(queue?.byTeam.find((t) => t.team === team)?.quotaWeight).toBe(1);
      expect(Number.isFinite(queue?.jainFairness ?? NaN)).toBe(true);
    });
  }
});
