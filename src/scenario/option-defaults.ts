import type { WrittenOption } from './option-schema.js';

/** Defaults of the `options:` section, each with its reason. */
export const optionDefaults = {
  // A scenario without `options:` compares its lease with hyperscaler on-demand Blackwell.
  cloudOffer: 'hyperscaler-b200-on-demand',
  // Spot notice when neither the option nor its offer gives one: [A] AWS, two minutes.
  noticeMinutes: 2,
  // Assumption (no public figure): a cloud replaces a failed node in 30 minutes. The node is out
  // of service meanwhile; a run restarts at once if the provider has room, else it waits.
  replacementMinutes: 30,

  // Owning the hardware.
  // 0.2 of the racks' price for the scale-out network: [A] Epoch AI (training-cost-trends):
  // interconnect = 1.07–1.32 x server cost, i.e. 7–32% on top; the middle, rounded.
  networkShareOfCapex: 0.2,
  // Assumption: storage at 5% of the racks' price; the reference found no figure.
  storageShareOfCapex: 0.05,
  // Assumption: delivered at the horizon's start, as the lease is; give the real lead time.
  deliveryDays: 0,
  // 5 years: [B] hyperscalers depreciate servers over 5–6 years (Amazon back to 5 for a subset in
  // Jan 2025, Meta 5.5, Microsoft and Alphabet 6), Nebius GPUs over 4; the lower middle.
  depreciationYears: 5,
  // $184 per kW-month of IT capacity, power passed through: [B] CBRE, H1 2025 (250–500 kW deals).
  colocationUsdPerKwMonth: 184,
  // Assumption: one person per MW at $150,000 a year, loaded. The reference has 8–15 staff for
  // 1–5 MW sites and no figure per MW at 100 MW and more, where fewer are needed per MW.
  staffUsdPerMwYear: 150_000,
} as const;

/** The options of a scenario without an `options:` section: its lease against hyperscaler on-demand. */
export const defaultOptions: readonly WrittenOption[] = [
  { name: 'lease', kind: 'lease' },
  { name: 'on-demand', kind: 'on-demand', offer: optionDefaults.cloudOffer },
];
