/** The scheduler a scenario asks for, normalised: see registry.ts for what each policy does. */
export type PolicyName = 'fifo' | 'priority' | 'backfill' | 'fairshare';

export interface ReservationSpec {
  /** The named run the racks are held for. */
  run: string;
  runIndex: number;
  racks: number;
  fromTick: number;
}

export interface SchedulerSpec {
  policy: PolicyName;
  /** Priority policy: may a waiting run preempt lower-priority running ones? */
  preemption: boolean;
  /** Fair share: relative weight of each team (a team not listed weighs 1). */
  quotas: Record<string, number>;
  reservations: ReservationSpec[];
  /** Racks grouped into pods of `podRacks`; a run spread over more than one pod runs at (1 - penalty) of its MFU (engine/pods.ts). */
  placement: { podRacks: number; crossPodMfuPenalty: number } | null;
}
