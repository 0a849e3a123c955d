// jstat ships no types; this is the one function capsim uses. It is CommonJS: import the default.
declare module 'jstat' {
  const jstat: { jStat: { studentt: { inv(p: number, dof: number): number } } };
  export default jstat;
}
