// The import rules of capsim's src/ (see docs/development.md, "Project layout"), checked by
// test/structure/imports.test.ts with dependency-cruiser: no module imports itself through a
// circle, and imports point down the layers
//   cli, index, api -> procurement, montecarlo, reports -> simulation, scenario, facility,
//   workload, policies -> engine -> model, random, catalog, errors
// Type-only imports are left out: they vanish at compile time and carry no behaviour.
const layers = [
  ['cli', 'cli\\.ts', 'index\\.ts', 'api'],
  ['procurement', 'montecarlo', 'reports'],
  ['simulation', 'scenario', 'facility', 'workload', 'policies'],
  ['engine'],
  ['model', 'random', 'catalog', 'errors\\.ts'],
];
const under = (names) => `^src/(${names.join('|')})(/|$)`;

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'a module that reaches itself through its imports',
      from: { path: '^src/' },
      to: { circular: true, dependencyTypesNot: ['type-only'], viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    ...layers.slice(1).map((layer, i) => ({
      name: `layer-${i + 1}-imports-up`,
      severity: 'error',
      comment: `${layer.join(', ')} may not import a layer above it`,
      from: { path: under(layer) },
      to: { path: under(layers.slice(0, i + 1).flat()), dependencyTypesNot: ['type-only'] },
    })),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    includeOnly: '^src/',
  },
};
