/**
 * The floors of src/, lowest first. A folder (or top-level file) imports only from floors below its own, and
 * within a floor only from the entries listed before it: so imports run downward and no two folders can need
 * each other. The editor (artifact/src), bundled for the browser, may take from src/ only its ground floor.
 * test/unit/dependencies.test.ts runs this with dependency-cruiser; `npx depcruise src artifact/src` does too.
 */
const FLOORS = [
  // The ground floor: facts every part shares, depending on nothing of the sidecar's.
  ['i18n', 'errors.ts', 'log.ts', 'prebuilt.ts', 'util', 'catalogue', 'masks', 'settings', 'wire', 'config.ts'],
  // Capabilities: each does one kind of work for the features above.
  ['token.ts', 'net', 'images', 'models'],
  // Features: who makes the picture, the jobs that ask them, the two faces users see.
  ['providers'],
  ['jobs'],
  ['editor', 'owui'],
  ['http'],
  // Wiring the parts together and starting them.
  ['server.ts', 'cli.ts', 'main.ts', 'build.ts'],
];

const ORDER = FLOORS.flat();
const literal = (name) => name.replace(/\./g, '\\.');
const pathOf = (name) => (name.endsWith('.ts') ? `^src/${literal(name)}$` : `^src/${literal(name)}/`);
const floorOf = (name) => FLOORS.findIndex((floor) => floor.includes(name));
const ABOVE_GROUND = FLOORS.slice(1).flat();

module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      comment:
        'Two files that need each other at run time cannot be understood, tested or moved one at a time. ' +
        'A cycle through a type only (a language catalogue naming the type of all catalogues) stays in one ' +
        'folder: the floor rules below forbid it across folders.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only', 'type-import'] } },
    },
    {
      name: 'unknown-floor',
      comment: 'Every folder and top-level file of src/ has a floor in .dependency-cruiser.cjs.',
      severity: 'error',
      from: { path: '^src/', pathNot: ORDER.map(pathOf) },
      to: {},
    },
    {
      name: 'editor-above-ground',
      comment:
        "The editor runs in the browser: from the sidecar's code it takes only the ground floor (models, " +
        'wire types, settings ranges, masks, languages), never a feature or a capability that needs Node.',
      severity: 'error',
      from: { path: '^artifact/src/' },
      to: { path: ABOVE_GROUND.map(pathOf) },
    },
    ...ORDER.slice(0, -1).map((name, i) => ({
      name: `upward-from-${name}`,
      comment: `${name} (floor ${floorOf(name)}) may import only what lies below it.`,
      severity: 'error',
      from: { path: pathOf(name) },
      to: { path: ORDER.slice(i + 1).map(pathOf) },
    })),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^node_modules' },
    // Type-only imports are dependencies too: a type from a floor above ties this file to it.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
