import jstat from 'jstat';

/** The 0.975 quantile of Student's t with `dof` degrees of freedom: a 95% interval's half-width in standard errors. */
export function studentT975(dof: number): number {
  return jstat.jStat.studentt.inv(0.975, dof);
}
