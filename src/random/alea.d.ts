// seedrandom's Alea generator on its own (seedrandom.alea is this function): the package's main
// module also sets up its ARC4 generator and loads node:crypto for autoseeding, about 10 ms of CPU
// in every thread, which capsim never uses. CommonJS: import the default.
declare module 'seedrandom/lib/alea.js' {
  import type seedrandom from 'seedrandom';
  const alea: seedrandom['alea'];
  export default alea;
}
