import { describe, expect, it } from 'vitest';
import { simulateScenario } from '../../src/simulation/simulate-scenario.js';
import { summarize } from '../../src/reports/summary.js';
import { parseScenario } from '../../src/scenario/load.js';
import { provenance } from '../builders.js';
import { expectFacilityWithinSupply, expectMoneyConserved, expectRackTicksConserved } from './invariants.js';

// Found by the property suite (CAPSIM_PROPERTY_RUNS=3000, CAPSIM_PROPERTY_SEED=7): the facility
// shed a run to fit a short supply, the priority policy's cached view still showed that run as
// running, and the policy preempted it again: "policy preempted run 2, which is not running", an
// internal error. A preemption now drops the cached view, whoever preempts.
const written = {
  "name": "property",
  "seed": 13,
  "start": "2026-10-02",
  "end": "2026-10-29",
  "tickMinutes": 1,
  "hardware": {
    "rack": "hgx-b200"
  },
  "cluster": {
    "phases": [
      {
        "from": "2026-10-03",
        "racks": 8
      }
    ],
    "spareRacks": 3
  },
  "failures": {
    "ratePerGpuHour": 2e-05,
    "restartMinutes": 1,
    "repairHours": {
      "distribution": "exponential",
      "mean": 0.5
    },
    "causes": [
      {
        "name": "network",
        "share": 0.1,
        "repairHours": {
          "distribution": "empirical",
          "values": [
            1
          ]
        }
      }
    ]
  },
  "lease": {
    "monthlyUsd": 19936501.14
  },
  "runs": [
    {
      "name": "run-0",
      "racks": 3,
      "precision": "fp4",
      "mfu": 0.3,
      "totalFlop": 2.3514624e+23,
      "submit": "2026-10-07T18:51",
      "priority": -2,
      "team": "research",
      "checkpoint": {
        "intervalMinutes": 7,
        "writeMinutes": 20
      },
      "estimatedDays": 0.5,
      "restartMinutes": 30
    },
    {
      "name": "run-1",
      "racks": 2,
      "precision": "fp8",
      "achievedTflopsPerGpu": 400,
      "totalFlop": 154828800000000000000,
      "submit": "2026-10-10T06:59",
      "priority": 0,
      "team": "pretraining",
      "estimatedDays": 0.5,
      "restartMinutes": 30
    },
    {
      "name": "run-2",
      "racks": 2,
      "precision": "fp4",
      "achievedTflopsPerGpu": 400,
      "totalFlop": 9.289728e+21,
      "submit": "2026-10-02T09:10",
      "priority": 0,
      "team": "pretraining",
      "estimatedDays": 20,
      "restartMinutes": 30
    },
    {
      "name": "run-3",
      "racks": 1,
      "precision": "bf16",
      "mfu": 0.45,
      "totalFlop": 1.1757312e+22,
      "submit": "2026-10-24T18:43",
      "priority": -1,
      "team": "pretraining",
      "estimatedDays": 20,
      "restartMinutes": 30
    },
    {
      "name": "run-4",
      "racks": 5,
      "precision": "fp8",
      "achievedTflopsPerGpu": 100,
      "totalFlop": 1.93536e+21,
      "submit": "2026-10-11T16:39",
      "priority": 3,
      "team": "post-training",
      "checkpoint": {
        "intervalMinutes": "none",
        "writeMinutes": 1
      },
      "estimatedDays": 20
    }
  ],
  "scheduler": {
    "policy": "priority",
    "preemption": true
  },
  "workload": {
    "streams": [
      {
        "name": "stream-0",
        "team": "pretraining",
        "ratePerDay": 0.5,
        "racks": 4,
        "durationHours": 1,
        "precision": "bf16",
        "mfu": 0.3
      }
    ]
  },
  "facility": {
    "supply": {
      "gridMw": 0.057,
      "battery": {
        "energyMwh": 0.1144,
        "powerMw": 0.0286
      }
    },
    "minCapShare": 0.3
  }
};

describe('a run shed by the facility, then wanted by a preempting priority policy', () => {
  it('is not preempted twice, and the simulation keeps its invariants', () => {
    const scenario = parseScenario(JSON.stringify(written), 'shed.json').scenario;
    const record = simulateScenario(scenario);
    expect(record.facility?.sheds ?? 0).toBeGreaterThan(0);
    expectRackTicksConserved(record);
    expectMoneyConserved(summarize(record, provenance));
    expectFacilityWithinSupply(record, true);
  });
});
