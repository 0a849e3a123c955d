/**
 * Thrown by simulate() when its shouldStop option said stop: the run was abandoned, not finished.
 * A module of its own so that the CLI can tell it apart without loading the engine.
 */
export class SimulationStopped extends Error {
  override name = 'SimulationStopped';
}
