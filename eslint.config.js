// Type-checked linting for every TypeScript file in the project, and the direction of imports.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Layers point down: a folder may import only the folders listed for it here (and itself).
// Bottom to top:
//   src/model                             the domain vocabulary: zod schemas, labels, node keys
//   src/store                             the GraphStore port and its embedded and Neo4j adapters
//   src/ingest, src/graph, src/resolve    files into the store; the graph projection; (resolution)
//   src/detectors                         detect(view, options) over the projected view only
//   src/scoring, src/detection            running the detectors, folding rings, scoring them
//   src/risk                              (risk built on the scores)
//   src/eval, src/export                  findings measured against a truth file; exported
//   src/share                             rings shared with a partner as keyed, signed packages
//   src/api                               the API's JSON shapes, shared by server and client
//   server                                the HTTP API
//   src/cli                               the command line (its `start` runs the server)
// Beside the stack: seed/ writes canonical files with src/model and src/ingest, and its truth.json
// in the schema ringscope eval owns (src/eval/truth.ts); client/ sees only src/api (the API's
// shapes and the domain vocabulary it re-exports); bench/ may import anything but tests/; tests/ may import anything.
// Folders in parentheses are placed for when they exist. A new folder gets a line here.
const STORED = ['src/model', 'src/store'];
const PROJECTED = [...STORED, 'src/graph', 'src/resolve'];
const DETECTED = [...PROJECTED, 'src/detectors', 'src/scoring', 'src/detection'];
const EVALUATED = [...DETECTED, 'src/risk', 'src/ingest'];
const SERVED = [...EVALUATED, 'src/eval', 'src/export', 'src/share', 'src/api', 'seed'];
const LAYERS = {
  'src/model': [],
  'src/store': ['src/model'],
  'src/ingest': STORED,
  'src/graph': STORED,
  'src/resolve': STORED,
  'src/detectors': ['src/model', 'src/graph'],
  'src/scoring': DETECTED,
  'src/detection': DETECTED,
  'src/risk': DETECTED,
  'src/eval': EVALUATED,
  'src/export': EVALUATED,
  'src/share': [...EVALUATED, 'src/eval', 'src/export'],
  'src/api': ['src/model'],
  server: SERVED,
  'src/cli': [...SERVED, 'server'],
  seed: ['src/model', 'src/ingest', 'src/eval/truth.ts'],
  // The API's shapes and the domain vocabulary src/api re-exports; nothing else of src/ or server/.
  client: ['src/api'],
  bench: [...SERVED, 'server', 'src/cli', 'client'],
};
// Every folder a layer could reach; tests/ is never a dependency of anything but tests.
const FOLDERS = [...Object.keys(LAYERS), 'tests'];

// The restriction of one layer: a pattern per folder it may not reach, matching relative
// specifiers by the folder's name ('../cli/errors.ts', '../../src/cli/main.ts'), less the single
// files it may take from that folder ('src/eval/truth.ts' for seed/).
function layerConfig(layer) {
  const allowed = LAYERS[layer];
  const patterns = FOLDERS.filter((folder) => folder !== layer && !allowed.includes(folder)).map(
    (folder) => ({
      group: [
        `**/${folder.split('/').pop()}/**`,
        ...allowed
          .filter((file) => file.startsWith(`${folder}/`))
          .map((file) => `!**/${file.split('/').slice(-2).join('/')}`),
      ],
      message: `${layer} may not import ${folder}: layers point down (see docs/architecture.md)`,
    }),
  );
  return { files: [`${layer}/**`], rules: { 'no-restricted-imports': ['error', { patterns }] } };
}

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'test-output/', 'tools/neo4j/target/', 'client/dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Long functions hide phases that deserve names; tests may keep long tables.
    files: ['**/*.ts', '**/*.tsx', '**/*.js'],
    ignores: ['tests/**'],
    rules: {
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true, IIFEs: true }],
    },
  },
  ...Object.keys(LAYERS).map(layerConfig),
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
  { files: ['**/*.js'], languageOptions: { globals: globals.node } },
);
