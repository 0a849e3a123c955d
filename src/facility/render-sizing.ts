import type { Sizing } from './size-scenario.js';
import { formatCount, formatDecimal } from '../reports/format.js';

/** The sizing answer as text: the answer first, then every assumption it rests on. */
export function renderSizing(s: Sizing): string {
  const out: string[] = [];
  out.push(`${s.scenario}: how many ${s.rack} racks can ${formatDecimal(s.envelopeMw, 1)} MW run?`);
  out.push('');
  const width = Math.max(...s.answers.map((a) => a.label.length));
  for (const a of s.answers) {
    out.push(
      `${a.label.padEnd(width)}  ${formatCount(a.racks).padStart(6)} racks (${formatCount(a.gpus)} GPUs) at ${formatDecimal(a.rackKw, 1)} kW per rack, ` +
        `${formatDecimal(a.dryBulbC, 1)} °C dry-bulb / ${formatDecimal(a.wetBulbC, 1)} °C wet-bulb: PUE ${formatDecimal(a.pue, 3)}, ` +
        `${formatDecimal(a.facilityKwPerRack, 1)} kW per rack at the meter; limited by ${a.bindingConstraint} ` +
        `(power allows ${formatCount(a.racksByPowerSupply)}, cooling plant ${formatCount(a.racksByCoolingPlant)} at ${formatDecimal(a.plantCapacityMw, 1)} MW)`,
    );
  }
  out.push('');
  out.push('Assumptions');
  for (const [key, value] of Object.entries(s.assumptions)) out.push(`  ${key}: ${String(value)}`);
  return out.join('\n') + '\n';
}
