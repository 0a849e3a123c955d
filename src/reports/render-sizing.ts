import type { Sizing } from '../facility/size-scenario.js';
import { formatCount, formatDecimal } from './format.js';
import { plainTable } from './plain-table.js';

/** The sizing answer as text: the envelopes, the design temperatures, the answers, then every assumption. */
export function renderSizing(s: Sizing): string {
  const out: string[] = [];
  const c = (v: number) => `${formatDecimal(v, 1)} °C`;
  out.push(`${s.scenario}: how many ${s.rack} racks can the envelope run?`);
  out.push('');
  out.push(`Envelope (${s.envelopeBasis === 'it' ? 'IT, critical MW' : 'facility MW at the meter'})`);
  for (const e of s.envelopes) out.push(`  ${e.supply.padEnd(3)}  ${formatDecimal(e.mw, 1)} MW: ${e.description}`);
  out.push('');
  out.push('Design temperatures (annual cooling design conditions)');
  for (const d of s.designConditions) {
    out.push(`  ${`${d.percentExceeded}%`.padEnd(4)}  ${c(d.dryBulbC)} dry-bulb / ${c(d.wetBulbC)} wet-bulb, ${d.meaning}: ${d.source}`);
  }
  const p = s.designPoint;
  out.push(`  plant design point ${c(p.dryBulbC)} / ${c(p.wetBulbC)}: ${p.source}; the weather read exceeds ${c(p.dryBulbC)} in ${formatDecimal(p.percentOfHoursAbove, 2)}% of hours`);
  out.push('');
  out.push(
    plainTable(
      ['case', 'supply', 'envelope MW', 'dry / wet °C', 'rack kW', 'racks', 'GPUs', 'IT MW', 'facility MW', 'PUE', 'limited by'],
      s.answers.map((a) => [
        a.label,
        a.supply,
        formatDecimal(a.envelopeMw, 1),
        `${formatDecimal(a.dryBulbC, 1)} / ${formatDecimal(a.wetBulbC, 1)}`,
        formatDecimal(a.rackKw, 1),
        formatCount(a.racks),
        formatCount(a.gpus),
        formatDecimal(a.itMw, 1),
        formatDecimal(a.facilityMw, 1),
        formatDecimal(a.pue, 3),
        `${a.bindingConstraint} (power ${formatCount(a.racksByPowerSupply)}, plant ${formatCount(a.racksByCoolingPlant)})`,
      ]),
      2,
    ),
  );
  out.push('');
  out.push('Assumptions');
  for (const [key, value] of Object.entries(s.assumptions)) out.push(`  ${key}: ${String(value)}`);
  return out.join('\n') + '\n';
}
