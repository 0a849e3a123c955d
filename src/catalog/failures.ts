import type { Distribution } from '../random/distributions.js';

/**
 * How a run recovers from an interruption of a cause:
 * - `restart`: nothing is out of service; the run restarts (a software fault);
 * - `swap`: the failed node is replaced from a hot spare inside its rack (an NVL72 compute tray):
 *   the rack stays in service and the restart takes the swap's minutes longer;
 * - `repair`: the rack is out of service for the repair; the run restarts on other racks (a
 *   spare rack, when the cluster keeps some) or waits.
 */
export type Recovery = 'restart' | 'swap' | 'repair';

export interface FailureCause {
  name: string;
  /** Share of all interruptions; normalised over the list. */
  share: number;
  recovery: Recovery;
  /** Time the failed rack is out of service (repair); zero for the other recoveries. */
  repairHours: Distribution;
  /** Time to swap in a hot spare (swap), added to the restart. */
  swapMinutes: Distribution;
  /** The cause's own restart time; null: the run's (or the scenario's). */
  restartMinutes: Distribution | null;
  /** A hang: the run stalls and holds its racks until a watchdog notices, this long after; null: noticed at once. */
  hangDetectionMinutes: number | null;
  /** Silent data corruption: the run rolls back this many checkpoints beyond the last (0: the last is good). */
  rollbackCheckpoints: number;
}

const none: Distribution = { distribution: 'fixed', value: 0 };

type CatalogCause = { name: string; count: number; recovery: Recovery; hang?: true; rollbackCheckpoints?: number };

/**
 * Root causes of the 419 unexpected interruptions of Llama 3 pre-training ([A] Llama 3 paper,
 * Table 5), as counts. Software and collective-library faults are fixed by a restart; the rest
 * take hardware out for repair with the scenario's repair distribution. An NCCL watchdog
 * interruption is a hang: nothing fails loudly, the collective stalls until the watchdog's
 * timeout. Silent data corruption is found later than it happens: the last checkpoint may hold
 * it, so the run goes back one checkpoint further (an assumption: the paper gives no figure).
 */
export const llama3Causes: readonly CatalogCause[] = [
  { name: 'faulty-gpu', count: 148, recovery: 'repair' },
  { name: 'gpu-hbm3', count: 72, recovery: 'repair' },
  { name: 'software-bug', count: 54, recovery: 'restart' },
  { name: 'network-switch-cable', count: 35, recovery: 'repair' },
  { name: 'host-maintenance', count: 32, recovery: 'repair' },
  { name: 'gpu-sram', count: 19, recovery: 'repair' },
  { name: 'gpu-system-processor', count: 17, recovery: 'repair' },
  { name: 'nic', count: 7, recovery: 'repair' },
  { name: 'nccl-watchdog', count: 7, recovery: 'restart', hang: true },
  { name: 'silent-data-corruption', count: 6, recovery: 'repair', rollbackCheckpoints: 1 },
  { name: 'gpu-thermal-sensor', count: 6, recovery: 'repair' },
  { name: 'ssd', count: 3, recovery: 'repair' },
  { name: 'power-supply', count: 3, recovery: 'repair' },
  { name: 'other-hardware', count: 10, recovery: 'repair' },
];

/** The catalog's causes with the scenario's repair and swap times and its hang detection. */
export function defaultCauses(repairHours: Distribution, swapMinutes: Distribution, hangDetectionMinutes: number): FailureCause[] {
  return llama3Causes.map((c) => ({
    name: c.name,
    share: c.count,
    recovery: c.recovery,
    repairHours: c.recovery === 'repair' ? repairHours : none,
    swapMinutes: c.recovery === 'swap' ? swapMinutes : none,
    restartMinutes: null,
    hangDetectionMinutes: c.hang ? hangDetectionMinutes : null,
    rollbackCheckpoints: c.rollbackCheckpoints ?? 0,
  }));
}
