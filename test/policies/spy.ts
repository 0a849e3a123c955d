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
      // The engine lends its views for the call (engine/policy.ts): keep copies.
      calls.push({ view: { ...view, running: view.running.map((r) => ({ ...r })) }, queue: queue.map((q) => ({ ...q })), decisions });
      return decisions;
    },
  };
}
