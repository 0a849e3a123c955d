/**
 * Erlang C: the M/M/c queue (Poisson arrivals at rate λ, exponential service at rate μ per
 * server, c servers, one FIFO queue). With offered load a = λ/μ and utilization ρ = a/c < 1,
 * the probability that an arrival waits is
 *   C(c, a) = (a^c / c!) / ((1 - ρ) Σ_{k<c} a^k / k! + a^c / c!)
 * and the mean wait in queue is Wq = C(c, a) / (cμ - λ). Terms are built up as a^k / k! one
 * by one, so large c neither overflows nor loses precision.
 */
export function erlangCWaitProbability(servers: number, offeredLoad: number): number {
  const rho = offeredLoad / servers;
  if (!(rho < 1)) throw new Error(`erlang C requires a load below the servers, found ${offeredLoad} on ${servers}`);
  let term = 1;
  let below = 0;
  for (let k = 0; k < servers; k++) {
    below += term;
    term *= offeredLoad / (k + 1);
  }
  return term / ((1 - rho) * below + term);
}

/** Mean wait in queue of an M/M/c queue, in the unit of `meanServiceTime`. */
export function erlangCMeanWait(servers: number, arrivalRate: number, meanServiceTime: number): number {
  const offeredLoad = arrivalRate * meanServiceTime;
  const serviceRate = 1 / meanServiceTime;
  return erlangCWaitProbability(servers, offeredLoad) / (servers * serviceRate - arrivalRate);
}
