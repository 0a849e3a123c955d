/** The policy contract lives with the engine that asks it (engine/policy.ts); policies implement it. */
export { noDecisions, startDecision, startOnly, type ClusterView, type Decision, type Policy, type QueuedRequest, type RunningView } from '../engine/policy.js';
