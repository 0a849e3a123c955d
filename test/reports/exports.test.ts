import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { stringify } from 'yaml';
import { runCli, tempDir } from '../cli/helpers.js';
import { aRun, aWrittenScenario } from '../builders.js';

describe('exports of the facility and the queue', () => {
  it('CSV writes the facility hour by hour, and JSON carries the same hours with --series', async () => {
    const dir = tempDir();
    const csv = await runCli('run', 'scenarios/memphis-heat-wave.yaml', '--format', 'csv', '--out', `${dir}/`);
    expect(csv.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['facility-hour.csv', 'months.csv', 'runs.csv', 'series-day.csv']);
    const rows = parse(readFileSync(join(dir, 'facility-hour.csv'), 'utf8'), { columns: true }) as Array<Record<string, string>>;
    // July and August 2027: 62 days of 24 hours.
    expect(rows).toHaveLength(62 * 24);
    expect(rows[0]?.hour).toBe('2027-07-01');
    expect(rows[1]?.hour).toBe('2027-07-01T01:00');
    const json = await runCli('run', 'scenarios/memphis-heat-wave.yaml', '--format', 'json', '--series', '--resolution', 'hour');
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report.facilityHours).toHaveLength(62 * 24);
    expect(report.series.resolution).toBe('hour');
    expect(report.series.pools).toHaveLength(62 * 24);
    // The two exports agree hour by hour (CSV numbers read back to the JSON values).
    for (const i of [0, 900, 62 * 24 - 1]) {
      expect(Number(rows[i]?.facilityMw)).toBe(report.facilityHours[i].facilityMw);
      expect(Number(rows[i]?.cappedHours)).toBe(report.facilityHours[i].cappedHours);
    }
    const capped = report.facilityHours.reduce((a: number, h: { cappedHours: number }) => a + (h.cappedHours > 0 ? 1 : 0), 0);
    expect(capped).toBe(report.facility.cappedHours);
  }, 60_000);

  it('CSV writes the queue by stream and by team when the scenario has a workload', async () => {
    const dir = tempDir();
    const file = join(dir, 'w.yaml');
    writeFileSync(
      file,
      stringify({
        ...aWrittenScenario({ runs: [aRun({ name: 'a' })] }),
        workload: { streams: [{ name: 'evals', team: 'research', ratePerDay: 4, racks: 1, durationHours: 6, precision: 'fp8', mfu: 0.3 }] },
      }),
    );
    const out = join(dir, 'out');
    const result = await runCli('run', file, '--format', 'csv', '--out', `${out}/`);
    expect(result.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['months.csv', 'queue-streams.csv', 'queue-teams.csv', 'runs.csv', 'series-day.csv']);
    const streams = parse(readFileSync(join(out, 'queue-streams.csv'), 'utf8'), { columns: true }) as Array<Record<string, string>>;
    expect(streams.map((s) => s.stream).sort()).toEqual(['evals', 'runs']);
    const teams = parse(readFileSync(join(out, 'queue-teams.csv'), 'utf8'), { columns: true }) as Array<Record<string, string>>;
    expect(teams.map((t) => t.team).sort()).toEqual(['default', 'research']);
  }, 60_000);
});
