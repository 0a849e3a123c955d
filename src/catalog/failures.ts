import type { Distribution } from '../random/distributions.js';

export interface FailureCause {
  name: string;
  /** Share of all interruptions; normalised over the list. */
  share: number;
  /** Time the failed rack is out of service; zero for causes fixed by a restart alone. */
  repairHours: Distribution;
}

const noRepair: Distribution = { distribution: 'fixed', value: 0 };

/**
 * Root causes of the 419 unexpected interruptions of Llama 3 pre-training ([A] Llama 3 paper,
 * Table 5), as counts. Software and collective-library faults are fixed by a restart; the rest
 * take hardware out for repair with the scenario's repair distribution (`null` here).
 */
export const llama3Causes: ReadonlyArray<{ name: string; count: number; needsRepair: boolean }> = [
  { name: 'faulty-gpu', count: 148, needsRepair: true },
  { name: 'gpu-hbm3', count: 72, needsRepair: true },
  { name: 'software-bug', count: 54, needsRepair: false },
  { name: 'network-switch-cable', count: 35, needsRepair: true },
  { name: 'host-maintenance', count: 32, needsRepair: true },
  { name: 'gpu-sram', count: 19, needsRepair: true },
  { name: 'gpu-system-processor', count: 17, needsRepair: true },
  { name: 'nic', count: 7, needsRepair: true },
  { name: 'nccl-watchdog', count: 7, needsRepair: false },
  { name: 'silent-data-corruption', count: 6, needsRepair: true },
  { name: 'gpu-thermal-sensor', count: 6, needsRepair: true },
  { name: 'ssd', count: 3, needsRepair: true },
  { name: 'power-supply', count: 3, needsRepair: true },
  { name: 'other-hardware', count: 10, needsRepair: true },
];

export function defaultCauses(repairHours: Distribution): FailureCause[] {
  return llama3Causes.map((c) => ({
    name: c.name,
    share: c.count,
    repairHours: c.needsRepair ? repairHours : noRepair,
  }));
}
