// jstat ships no types; these are the functions capsim uses. It is CommonJS: import the default.
declare module 'jstat' {
  const jstat: { jStat: { studentt: { inv(p: number, dof: number): number }; normal: { cdf(x: number, mean: number, sd: number): number } } };
  export default jstat;
}
