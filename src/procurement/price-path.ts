import type { PricePath } from './option.js';

/**
 * The price per GPU-hour at `tick`, in month `monthIndex` of the horizon (0 = the first): the
 * step in force, times (1 - decline)^(monthIndex / 12).
 */
export function priceAt(path: PricePath, tick: number, monthIndex: number): number {
  let usd = path.steps[0]?.usdPerGpuHour ?? 0;
  for (const step of path.steps) if (step.tick <= tick) usd = step.usdPerGpuHour;
  return usd * (1 - path.declinePerYear) ** (monthIndex / 12);
}

/** Scale every price of a path (sensitivity). */
export function scalePrice(path: PricePath, factor: number): PricePath {
  return { ...path, steps: path.steps.map((s) => ({ ...s, usdPerGpuHour: s.usdPerGpuHour * factor })) };
}
