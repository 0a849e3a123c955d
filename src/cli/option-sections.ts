import type { Comparison } from '../procurement/compare.js';

/**
 * The `options` section an HTML run report draws from a comparison: each option as compared, with
 * the lease-against-cloud line's price of a lease GPU-hour's work on each cloud's own hardware.
 */
export function optionSections(c: Comparison): Record<string, unknown> {
  const perLeaseHour = new Map(c.breakEven.map((b) => [b.against, b.cloudPricePerLeaseGpuHourUsd]));
  return { options: c.options.map((o) => ({ ...o, priceUsdPerGpuHour: perLeaseHour.get(o.name) ?? o.priceUsdPerGpuHour })) };
}
