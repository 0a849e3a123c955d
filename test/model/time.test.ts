import { describe, expect, it } from 'vitest';
import { isoToTick, isValidIsoDate, monthsOf, parseIsoMinutes, tickToIso } from '../../src/model/time.js';

describe('calendar', () => {
  it('rejects dates that do not exist', () => {
    expect(isValidIsoDate('2026-02-30')).toBe(false);
    expect(isValidIsoDate('2026-13-01')).toBe(false);
    expect(isValidIsoDate('2028-02-29')).toBe(true);
    expect(isValidIsoDate('2026-07-01T25:00')).toBe(false);
    expect(isValidIsoDate('2026-07-01T06:30')).toBe(true);
  });

  it('turns ticks back into dates, to the minute, with seconds only when off the minute', () => {
    const start = parseIsoMinutes('2026-07-01');
    expect(tickToIso(start, 1, 0)).toBe('2026-07-01');
    expect(tickToIso(start, 60, 24 * 60 + 90)).toBe('2026-07-02T01:30');
    expect(tickToIso(start, 300, 12)).toBe('2026-07-01T01:00');
    expect(tickToIso(start, 1, 3600 + 15)).toBe('2026-07-01T01:00:15');
    expect(tickToIso(start, 1, 86_400)).toBe('2026-07-02');
  });

  it('places a date-time in the tick it falls in, whatever the tick', () => {
    const start = parseIsoMinutes('2026-07-01');
    expect(isoToTick('2026-07-01T06:30', start, 1)).toBe(6.5 * 3600);
    expect(isoToTick('2026-07-01T06:30', start, 60)).toBe(6.5 * 60);
    expect(isoToTick('2026-07-01T06:30', start, 7)).toBe(Math.floor((6.5 * 3600) / 7));
    expect(isoToTick('2026-06-30', start, 1)).toBe(-86_400);
  });

  it('cuts months to the horizon and their ticks tile it', () => {
    const start = parseIsoMinutes('2026-07-15');
    const horizon = (parseIsoMinutes('2026-09-10') - start) * 60;
    const months = monthsOf(start, 1, horizon);
    expect(months.map((m) => m.label)).toEqual(['2026-07', '2026-08', '2026-09']);
    expect(months[0]?.startTick).toBe(0);
    expect(months.at(-1)?.endTick).toBe(horizon);
    for (let i = 1; i < months.length; i++) expect(months[i]?.startTick).toBe(months[i - 1]?.endTick);
    expect(months[0]?.shareOfMonth).toBeCloseTo(17 / 31, 12);
  });
});
