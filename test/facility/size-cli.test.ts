import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/helpers.js';

// Facility kW per kW of rack IT at the 35 °C design point, by hand from the defaults: IT with 3%
// campus overhead, chillers 0.20 kW/kW, CDU pumps 1% of the 94% liquid heat, fans 5% of the rest,
// 4% electrical losses on top.
const perRackIt = (1.03 + 1.03 * 0.2 + 0.94 * 0.01 + (1.03 - 0.94) * 0.05) * 1.04;

describe('capsim size', () => {
  it('answers the rack count for 150 MW on the design day at full power, with its assumptions beside it', async () => {
    const { code, stdout, stderr } = await runCli('size', 'scenarios/colossus-2-150mw.yaml', '--years', '3', '--format', 'json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const sizing = JSON.parse(stdout) as { envelopeMw: number; answers: Array<{ label: string; racks: number; bindingConstraint: string; pue: number }>; assumptions: Record<string, unknown> };
    expect(sizing.envelopeMw).toBe(150);
    const design = sizing.answers.find((a) => a.label === 'design day, full power');
    expect(design?.racks).toBe(Math.floor(150_000 / (136 * perRackIt)));
    expect(design?.racks).toBe(848);
    expect(design?.bindingConstraint).toBe('power');
    expect(design?.pue).toBeCloseTo(perRackIt / 1.03, 12);
    expect(sizing.assumptions['designDryBulbC']).toBe(35);
  });

  it('answers for 200 MW when asked, and the table prints the answer and the assumptions', async () => {
    const { code, stdout } = await runCli('size', 'scenarios/colossus-2-150mw.yaml', '--envelope-mw', '200', '--years', '2');
    expect(code).toBe(0);
    expect(stdout).toContain(`design day, full power`);
    expect(stdout).toContain(`${Math.floor(200_000 / (136 * perRackIt)).toLocaleString('en-US')} racks`);
    expect(stdout).toMatch(/Assumptions\n {2}envelope: 200 MW given on the command line/);
    expect(stdout).toContain('plantKwPerKwAtDesign: 0.2');
  });

  it('refuses a scenario without a facility, and a bad percentile, with exit code 2', async () => {
    const none = await runCli('size', 'scenarios/small.yaml');
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('facility: expected a facility section');
    const bad = await runCli('size', 'scenarios/colossus-2-150mw.yaml', '--percentile', '100');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('expected a percentile in (0, 100), found "100"');
  });
});
