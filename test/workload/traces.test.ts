import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../src/errors.js';
import { simulateScenario } from '../../src/simulation/simulate-scenario.js';
import { loadScenario } from '../../src/scenario/load.js';
import { formatProblem } from '../../src/scenario/problems.js';
import { parseJobCsv } from '../../src/workload/csv.js';
import { parseSwf } from '../../src/workload/swf.js';
import { withTraceJobs } from '../../src/workload/trace-load.js';
import { aScenario } from '../builders.js';
import { runCli } from '../cli/helpers.js';

const fixture = (name: string) => readFileSync(`test/fixtures/traces/${name}`, 'utf8');
const path = ['workload', 'traces', 0, 'file'];

describe('the SWF reader', () => {
  it('reads the fields capsim uses and skips jobs that never ran', () => {
    const parsed = parseSwf(fixture('small.swf'), 'small.swf', path);
    expect(parsed.problems).toEqual([]);
    expect(parsed.skipped).toBe(1); // job 4: run time -1
    expect(parsed.records.map((r) => [r.id, r.line, r.submitSeconds, r.runSeconds, r.gpus, r.estimateSeconds, r.team])).toEqual([
      ['1', 7, 0, 3600, 8, 7200, 'group-1'],
      ['2', 8, 600, 1800, 72, 3600, 'group-1'],
      ['3', 9, 1200, 86400, 144, null, 'group-2'],
      // job 5: allocated processors unknown, so the requested 40; no group, so its user
      ['5', 11, 3000, 900, 40, 1800, 'user-4'],
    ]);
  });

  it('names every malformed line with its line number, and keeps reading after it', () => {
    const parsed = parseSwf(fixture('bad.swf'), 'bad.swf', path);
    expect(parsed.problems.map(formatProblem)).toEqual([
      'bad.swf:3:1: error: workload.traces[0].file: expected 18 fields per SWF line, found 16',
      'bad.swf:4:16: error: workload.traces[0].file: field 4 (run time): expected a number (-1 if unknown), found "abc"',
      'bad.swf:5:6: error: workload.traces[0].file: field 2 (submit time): expected seconds >= 0, found -5',
    ]);
    expect(parsed.records.map((r) => r.id)).toEqual(['1', '5']);
  });
});

describe('the CSV job-log reader', () => {
  it('reads submit times as dates or seconds, GPUs, durations, estimates and teams', () => {
    const parsed = parseJobCsv(fixture('small.csv'), 'small.csv', path);
    expect(parsed.problems).toEqual([]);
    expect(parsed.skipped).toBe(1);
    expect(parsed.records.map((r) => [r.id, r.line, r.submitSeconds, r.gpus, r.runSeconds, r.estimateSeconds, r.team])).toEqual([
      ['a1', 3, 0, 8, 3600, 7200, 'vision'],
      ['b1', 4, 600, 144, 7200, null, 'language'],
      ['c1', 6, 9000, 72, 1800, 3600, 'user-carol'],
    ]);
  });

  it('accepts a space for the T in date-times, as logs such as Helios write them', () => {
    const parsed = parseJobCsv('submit,gpus,durationSeconds\n2020-04-01 00:00:06,8,60\n2020-04-01 00:01:06,8,60\n', 'h.csv', path);
    expect(parsed.problems).toEqual([]);
    expect(parsed.records.map((r) => r.submitSeconds)).toEqual([0, 60]);
  });

  it('names every malformed row with its line number', () => {
    const parsed = parseJobCsv(fixture('bad.csv'), 'bad.csv', path);
    expect(parsed.problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      '3: gpus: expected a number >= 0, found "eight"',
      '4: durationSeconds: expected a number >= 0, found "-5"',
      '5: expected 4 fields as in the header, found 3',
    ]);
  });

  it('asks for the columns it needs', () => {
    const parsed = parseJobCsv('when,gpus\n1,2\n', 'x.csv', path);
    expect(parsed.problems.map(formatProblem)).toEqual([
      'x.csv:1:1: error: workload.traces[0].file: expected columns submitSeconds (or submit), durationSeconds in the header, found when, gpus',
    ]);
  });
});

describe('a replayed trace', () => {
  const scenario = aScenario({
    cluster: { racks: 16 },
    runs: [],
    workload: { traces: [{ name: 'log', file: 'small.swf', format: 'swf', start: '2026-07-02', submitScale: 2, durationScale: 0.5, precision: 'fp8', mfu: 0.4 }] },
  });

  it('maps GPUs to whole racks, lands its first job at its start and scales time', () => {
    const jobs = withTraceJobs(scenario, new Map([['small.swf', fixture('small.swf')]])).workload?.traceJobs ?? [];
    expect(jobs.map((j) => [j.name, j.racks, j.submitTick, j.estimatedTicks])).toEqual([
      ['log-1', 1, 86_400, 3600], // 8 GPUs -> 1 rack; 7,200 s requested x 0.5 = 3,600 one-second ticks
      ['log-2', 1, 86_400 + 1200, 1800], // 600 s x 2 = 20 min after the first
      ['log-3', 2, 86_400 + 2400, null], // 144 GPUs -> 2 racks; no request
      ['log-5', 1, 86_400 + 6000, 900],
    ]);
    // 3,600 s x 0.5 = 1,800 compute seconds of work on one rack
    expect(jobs[0]?.totalFlop).toBeCloseTo(1800 * 72 * 5000e12 * 0.4, -12);
  });

  it('runs: each job computes for its scaled duration', () => {
    const withJobs = withTraceJobs(scenario, new Map([['small.swf', fixture('small.swf')]]));
    const record = simulateScenario(withJobs);
    expect(record.runs.map((r) => (r.endTick ?? 0) - (r.firstStartTick ?? 0))).toEqual([1800, 900, 43_200, 450]);
  });

  it('loads from a scenario file, the trace read beside it', async () => {
    const loaded = await loadScenario('test/fixtures/traces/replay.yaml');
    expect(loaded.scenario.workload?.traceJobs.length).toBe(4);
  });

  it('stops a run with exit code 2 and every malformed line, nothing written', async () => {
    await expect(loadScenario('test/fixtures/traces/replay-bad.yaml')).rejects.toBeInstanceOf(ScenarioError);
    const { code, stdout, stderr } = await runCli('run', 'test/fixtures/traces/replay-bad.yaml');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/bad\.swf:3:1: error: workload\.traces\[0\]\.file: expected 18 fields per SWF line, found 16/);
    expect(stderr).toMatch(/bad\.swf:4:16: error: .*found "abc"/);
    expect(stderr).toMatch(/bad\.swf:5:6: error: /);
    expect(stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('reports a missing trace file at the key that names it', async () => {
    const { code, stderr } = await runCli('validate', 'test/fixtures/traces/replay-missing.yaml');
    expect(code).toBe(2);
    expect(stderr).toMatch(/replay-missing\.yaml:19:13: error: workload\.traces\[0\]\.file: cannot read trace .*nowhere\.swf: no such file/);
  });
});
