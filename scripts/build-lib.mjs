// The library build, run by `npm pack` (prepack): the CLI runs TypeScript through tsx, but a package imported by
// another project must be JavaScript with type declarations. esbuild bundles src/lib/index.ts to
// dist-lib/index.mjs (dependencies stay imports, so npm installs them) and the worker-thread body to
// dist-lib/worker.mjs, beside it where the pool looks for it; tsc writes the declarations, whose `.ts` import paths
// become `.js` so any TypeScript project resolves them. (dist/ is the app's build, which empties it.)
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { register } from 'tsx/esm/api';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const dist = join(root, 'dist-lib');
rmSync(dist, { recursive: true, force: true });

// The model fingerprint of the sources being packed, fixed into the library as the Vite build fixes it into the app.
register({ tsconfig: join(root, 'tsconfig.json') });
const { computeModelDigest } = await import('../src/cli/modelSource.ts');

await build({
  absWorkingDir: root,
  define: { __FAIRPACE_MODEL_DIGEST__: JSON.stringify(computeModelDigest(root)) },
  entryPoints: { index: 'src/lib/index.ts', worker: 'src/node/workerMain.ts' },
  outdir: 'dist-lib',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const declarations = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.lib.json')], { stdio: 'inherit' });
if (declarations.status !== 0) process.exit(declarations.status ?? 1);

/** Rewrites relative `.ts` specifiers (`from './x.ts'`, `import('./x.ts')`) to `.js` in every declaration file. */
function rewrite(folder) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const file = join(folder, entry.name);
    if (entry.isDirectory()) rewrite(file);
    else if (entry.name.endsWith('.d.ts')) {
      const text = readFileSync(file, 'utf8');
      writeFileSync(file, text.replace(/(['"])(\.{1,2}\/[^'"]+)\.ts\1/g, '$1$2.js$1'));
    }
  }
}
rewrite(join(dist, 'types'));
console.log('built dist-lib/index.mjs, dist-lib/worker.mjs and dist-lib/types/');
