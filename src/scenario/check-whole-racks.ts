import { rackCatalog } from '../catalog/racks.js';
import { error, type Problem } from './problems.js';
import type { WrittenScenario } from './schema.js';
import { offerOf } from '../catalog/cloud-prices.js';

/**
 * A cloud's GPUs are placed as whole racks of its hardware (NVLink domains), like the lease's. A
 * cap below one rack (`capacityGpus`, or a reserved commitment without overflow, which caps the
 * runs) would still hold a whole rack while the bill counts the smaller figure: refused, with the
 * rack's size.
 */
export function checkWholeRacks(s: WrittenScenario): Problem[] {
  const problems: Problem[] = [];
  (s.options ?? []).forEach((o, i) => {
    if (o.kind === 'lease' || o.kind === 'hybrid' || o.kind === 'own') return;
    const rackId = ('rack' in o ? o.rack : undefined) ?? offerOf('offer' in o ? o.offer : undefined)?.rack ?? s.hardware.rack;
    const own = rackId === s.hardware.rack ? s.hardware.rackOverrides?.gpusPerRack : undefined;
    const gpusPerRack = own ?? (Object.hasOwn(rackCatalog, rackId) ? rackCatalog[rackId]?.gpusPerRack : undefined);
    if (gpusPerRack === undefined) return;
    const below = (key: 'capacityGpus' | 'committedGpus', gpus: number | undefined, what: string) => {
      if (gpus !== undefined && gpus < gpusPerRack) {
        problems.push(error('below-one-rack', ['options', i, key], `expected at least one ${rackId} rack of ${gpusPerRack} GPUs (${what} as whole racks), found ${gpus}`));
      }
    };
    below('capacityGpus', 'capacityGpus' in o ? o.capacityGpus : undefined, "capsim places a cloud's GPUs");
    if (o.kind === 'reserved' && o.overflowOffer === undefined && o.overflowUsdPerGpuHour === undefined) {
      below('committedGpus', o.committedGpus, 'without overflow the commitment caps the runs, placed');
    }
  });
  return problems;
}
