import type { ClusterView, Decision, Policy, QueuedRequest } from '../../src/policies/policy.js';

export interface Call {
  view: ClusterView;
  queue: readonly QueuedRequest[];
  decisions: Decision[];
}

/** Wrap a policy to record every call: what it saw and what it decided. */
export function spy(policy: Policy): { policy: Policy; calls: Call[] } {
  const calls: Call[] = [];
  return {
    calls,
    policy: (view, queue) => {
      const decisions = policy(view, queue);
      calls.push({ view, queue, decisions });
      return decisions;
    },
  };
}
