import { describe, expect, it } from 'vitest';
import { throughputAtCap } from '../../src/facility/cap-law.js';
import { facilityDefaults } from '../../src/facility/defaults.js';
import type { CapLaw } from '../../src/facility/facility-spec.js';
import { aRun, aScenario } from '../builders.js';
import { problemsOf } from './problems-of.js';

const curve: CapLaw = { kind: 'curve', points: facilityDefaults.capCurve };

describe('the cap law', () => {
  it("meets NVIDIA's power-capping figure: 15% less energy per unit of work at 97% of the speed", () => {
    const share = 0.825;
    expect(throughputAtCap(curve, share)).toBeCloseTo(0.97, 12);
    // Energy per unit of work relative to uncapped: power share / throughput.
    expect(share / throughputAtCap(curve, share)).toBeCloseTo(0.85, 2);
  });

  it('is linear between its points, 1 uncapped, and joins the square root at the 0.5 floor', () => {
    expect(throughputAtCap(curve, 1)).toBe(1);
    expect(throughputAtCap(curve, 0.5)).toBeCloseTo(0.5 ** 0.5, 3);
    expect(throughputAtCap(curve, (0.825 + 1) / 2)).toBeCloseTo((0.97 + 1) / 2, 12);
    // Flat below its first point rather than extrapolated.
    expect(throughputAtCap(curve, 0.3)).toBe(throughputAtCap(curve, 0.5));
  });

  it('loses less at shallow caps than the square-root law, which stays selectable', () => {
    const old: CapLaw = { kind: 'exponent', exponent: 0.5 };
    for (const share of [0.7, 0.8, 0.9, 0.95]) expect(throughputAtCap(curve, share)).toBeGreaterThan(throughputAtCap(old, share));
    expect(throughputAtCap(old, 0.81)).toBeCloseTo(0.9, 12);
  });

  it('is the calibrated curve by default and the power law when capExponent is written', () => {
    const facility = { weather: { seededHeatWaves: false }, supply: { gridMw: 2 } };
    const byDefault = aScenario({ runs: [aRun()], facility });
    const written = aScenario({ runs: [aRun()], facility: { ...facility, capExponent: 0.5 } });
    expect(byDefault.facility?.capLaw).toEqual(curve);
    expect(written.facility?.capLaw).toEqual({ kind: 'exponent', exponent: 0.5 });
  });

  it('refuses a curve that does not end at [1, 1], runs backwards, or comes with an exponent', () => {
    const bad = (capCurve: Array<[number, number]>, extra = {}) => problemsOf({ supply: { gridMw: 2 }, capCurve, ...extra }).join('\n');
    expect(bad([[0.5, 0.7], [0.9, 0.95]])).toMatch(/facility\.capCurve\[1\]: expected the curve to end at \[1, 1\] .*found \[0\.9, 0\.95\]/);
    expect(bad([[0.8, 0.9], [0.6, 0.95], [1, 1]])).toMatch(/facility\.capCurve\[1\]: expected cap shares increasing and throughput not falling, found \[0\.6, 0\.95\] after \[0\.8, 0\.9\]/);
    expect(bad([[0.5, 0.7], [1, 1]], { capExponent: 0.5 })).toMatch(/facility\.capCurve: expected capCurve or capExponent, not both/);
    expect(bad([[0.5, 1.2], [1, 1]])).toMatch(/facility\.capCurve\[0\]\[1\]: expected a throughput share in \(0, 1\]/);
    expect(bad([[0.5, 0.7], [1, 1]])).toBe('');
  });
});
