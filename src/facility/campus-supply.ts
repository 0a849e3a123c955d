import type { CampusSpec, FacilitySpec } from './facility-spec.js';
import type { FacilityTimeline } from './timeline.js';

/** The other tenants' IT load in an hour (each from its start date on). */
export function otherTenantsItMw(campus: CampusSpec | null, hour: number): number {
  if (!campus) return 0;
  let mw = 0;
  for (const t of campus.otherTenants) if (t.fromHour <= hour) mw += t.itMw;
  return mw;
}

/**
 * What the campus supply leaves the lease in hour `h`: the other tenants (their IT load times the
 * hour's facility MW per MW of IT, the lease's own cooling and losses assumed) are served first,
 * from the grid and then the turbines. Their leases are firm: the policy acts on the lease's racks
 * only.
 */
export function leaseSupply(spec: FacilitySpec, t: FacilityTimeline, h: number, facilityPerRackItMw: number): { gridMw: number; turbinesMw: number; othersItMw: number } {
  const othersItMw = otherTenantsItMw(spec.campus, h);
  const othersMw = (othersItMw * facilityPerRackItMw) / (1 + spec.it.overheadMwPerItMw);
  const gridMw = t.gridMw[h] ?? 0;
  return { gridMw: Math.max(0, gridMw - othersMw), turbinesMw: Math.max(0, (t.turbinesMw[h] ?? 0) - Math.max(0, othersMw - gridMw)), othersItMw };
}
