// `npm run lint` keeps layers pointing down (eslint.config.js) and files formatted (Prettier):
// an up-layer import is reported with the rule it breaks, a down import is not, every folder of
// the product is covered, and an unformatted file fails the check the lint script runs.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import * as prettier from 'prettier';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

// The files linted here do not exist, so type information is off; the layer rule needs none.
const eslint = new ESLint({
  cwd: ROOT,
  overrideConfig: [{ files: ['**/*.ts', '**/*.tsx'], ...tseslint.configs.disableTypeChecked }],
});

/** The layer messages for `code` linted as if it were the file at `filePath`. */
async function layerMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const used = 1;\n`, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.fatal === true)
    .map((m) => m.message);
}

const rule = (from: string, to: string) =>
  `${from} may not import ${to}: layers point down (see docs/architecture.md)`;

describe('imports point down', () => {
  it.each([
    ['src/ingest/x.ts', "import { InputError } from '../cli/errors.ts';", 'src/ingest', 'src/cli'],
    ['src/ingest/presets/x.ts', "import type { X } from '../../../server/app.ts';", 'src/ingest', 'server'],
    [
      'src/model/x.ts',
      "import type { GraphStore } from '../store/graph-store.ts';",
      'src/model',
      'src/store',
    ],
    ['src/store/x.ts', "import { ingest } from '../ingest/ingest.ts';", 'src/store', 'src/ingest'],
    ['src/graph/x.ts', "import { DETECTORS } from '../detectors/index.ts';", 'src/graph', 'src/detectors'],
    [
      'src/detectors/x.ts',
      "import type { GraphStore } from '../store/graph-store.ts';",
      'src/detectors',
      'src/store',
    ],
    ['src/scoring/x.ts', "import { report } from '../eval/report.ts';", 'src/scoring', 'src/eval'],
    ['src/eval/x.ts', "export { Truth } from '../../seed/truth.ts';", 'src/eval', 'seed'],
    [
      'server/routes/x.ts',
      "import { suspects } from '../../src/cli/commands/export.ts';",
      'server',
      'src/cli',
    ],
    ['client/src/x.ts', "import { createApp } from '../../server/app.ts';", 'client', 'server'],
    [
      'client/src/panels/x.tsx',
      "import type { GraphStore } from '../../../src/store/graph-store.ts';",
      'client',
      'src/store',
    ],
    ['client/src/x.ts', "import { NodeLabel } from '../../src/model/index.ts';", 'client', 'src/model'],
    ['seed/x.ts', "import { evalReport } from '../src/eval/report.ts';", 'seed', 'src/eval'],
    ['seed/x.ts', "import { main } from '../src/cli/main.ts';", 'seed', 'src/cli'],
    ['bench/x.ts', "import { neo4jTarget } from '../tests/store/neo4j-target.ts';", 'bench', 'tests'],
  ])('%s: %s is refused', async (filePath, code, from, to) => {
    expect(await layerMessages(filePath, code)).toEqual([
      `'${/'(.+)'/.exec(code)?.[1]}' import is restricted from being used by a pattern. ${rule(from, to)}`,
    ]);
  });

  it.each([
    ['src/ingest/x.ts', "import { InputError } from './errors.ts';"],
    ['src/ingest/x.ts', "import { nodeKey } from '../model/index.ts';"],
    ['src/ingest/x.ts', "import type { GraphStore } from '../store/graph-store.ts';"],
    ['src/graph/x.ts', "import type { GraphStore } from '../store/graph-store.ts';"],
    ['src/detectors/x.ts', "import type { DetectionView } from '../graph/view.ts';"],
    ['src/scoring/x.ts', "import { DETECTORS } from '../detectors/index.ts';"],
    ['src/detection/x.ts', "import { scoreRing } from '../scoring/ring.ts';"],
    ['src/eval/x.ts', "import { Truth } from './truth.ts';"],
    ['src/export/x.ts', "import type { GraphStore } from '../store/graph-store.ts';"],
    ['server/routes/x.ts', "import { suspects } from '../../src/export/suspects.ts';"],
    ['server/x.ts', "import { generate } from '../seed/generate.ts';"],
    ['src/cli/commands/x.ts', "import { serve } from '../../../server/serve.ts';"],
    ['client/src/x.ts', "import { CaseAnswer } from '../../src/api/cases.ts';"],
    ['client/src/x.ts', "import { NodeLabel } from '../../src/api/index.ts';"],
    ['client/src/x.ts', "import { react } from 'react-dom/client';"],
    ['seed/x.ts', "import { Truth } from '../src/eval/truth.ts';"],
    ['seed/x.ts', "import { NodeLabel } from '../src/model/index.ts';"],
    ['bench/x.ts', "import { createApp } from '../server/app.ts';"],
    ['bench/x.ts', "import { neo4jTarget } from './support/neo4j-target.ts';"],
    ['tests/x.test.ts', "import { main } from '../src/cli/main.ts';"],
  ])('%s: %s is allowed', async (filePath, code) => {
    expect(await layerMessages(filePath, code)).toEqual([]);
  });

  it('covers every folder of the product: none may import tests/', async () => {
    const folders = readdirSync(new URL('../../src', import.meta.url), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `src/${entry.name}`)
      .concat(['server', 'client', 'seed', 'bench']);
    for (const folder of folders) {
      const specifier = `${'../'.repeat(folder.split('/').length)}tests/x.ts`;
      const messages = await layerMessages(`${folder}/x.ts`, `import { x } from '${specifier}';`);
      expect(messages, folder).toEqual([
        `'${specifier}' import is restricted from being used by a pattern. ${rule(folder, 'tests')}`,
      ]);
    }
  });
});

describe('formatting is part of lint', () => {
  it('runs Prettier’s check after ESLint', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.lint).toMatch(/^eslint \. && prettier --check\b.* \.$/);
  });

  it('fails a file Prettier would rewrite, with the project’s configuration', async () => {
    const filepath = `${ROOT}src/model/x.ts`;
    const options = { ...(await prettier.resolveConfig(filepath)), filepath };
    expect(options.printWidth).toBe(110);
    const formatted = "export const labels = ['Importer', 'Broker'];\n";
    expect(await prettier.check(formatted, options)).toBe(true);
    expect(await prettier.check('export const labels = [ "Importer","Broker" ]\n', options)).toBe(false);
  });
});
