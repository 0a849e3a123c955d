/** Defaults of a lease's terms, each with its reason. */
export const leaseDefaults = {
  // PUE 1.2: [A] Uptime / Google: new liquid-cooled AI builds run at 1.05–1.20; the top of the
  // range, since a passed-through power bill should not be understated.
  pue: 1.2,
  // 0.8 of max IT power while training: reference "Training draws roughly 75–90% of TDP" [C]
  // (Epoch AI's cost method uses 75%); the middle, rounded.
  trainingPowerShare: 0.8,
} as const;
