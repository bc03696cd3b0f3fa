// The bundle bin/fairpace.mjs runs (see its comment): src/cli/main.ts and what it imports from this repository in
// one JavaScript file, its packages left as imports, under node_modules/.cache/fairpace/cli-<hash>.mjs, where <hash>
// is that of every file the bundle can be made from (src/ but the app, scenarios/, package.json, the tsconfig files
// and this file) and of the folder they are in. Plain JavaScript, so it runs before anything can compile TypeScript.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Bundles older than this, other than the one in use, are removed when a new one is written. */
const KEEP_MS = 24 * 3600 * 1000;

/** The bundle of the sources as they are now (made if missing), or undefined when none can be made. */
export async function cliBundle() {
  try {
    const key = sourcesHash();
    // Inside node_modules, so the bundle's package imports resolve as the sources' do.
    const dir = join(ROOT, 'node_modules', '.cache', 'fairpace');
    const file = join(dir, `cli-${key}.mjs`);
    if (!existsSync(file)) await make(dir, file, key);
    return pathToFileURL(file);
  } catch (error) {
    if (process.env.FAIRPACE_DEBUG) console.error('fairpace: no CLI bundle, running through tsx:', error);
    return undefined;
  }
}

/** The hash of every file a bundle is made from, with its path, and of where they are. */
function sourcesHash() {
  const hash = createHash('sha256');
  // The bundle names its sources by absolute path (see sourceUrls): another copy of them is another bundle.
  hash.update(ROOT);
  hash.update('\0');
  const add = (path) => {
    hash.update(relative(ROOT, path).split(sep).join('/'));
    hash.update('\0');
    hash.update(readFileSync(path));
    hash.update('\0');
  };
  const walk = (at) => {
    const entries = readdirSync(at, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(at, entry.name);
      if (entry.isDirectory()) {
        if (path !== join(ROOT, 'src', 'app')) walk(path);
      } else if (entry.isFile()) add(path);
    }
  };
  walk(join(ROOT, 'src'));
  walk(join(ROOT, 'scenarios'));
  for (const name of ['package.json', 'tsconfig.json', 'tsconfig.base.json']) add(join(ROOT, name));
  add(fileURLToPath(import.meta.url));
  return hash.digest('hex').slice(0, 16);
}

/**
 * Each module keeps its own `import.meta.url` (the URL of its source file), so what the sources find beside them
 * (the worker thread's entry, the repository's root) they find from the bundle too.
 */
const sourceUrls = {
  name: 'source-urls',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      return {
        contents: text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
        loader: 'ts',
      };
    });
  },
};

/** Makes the bundle: first the model fingerprint of these sources, then the CLI with it fixed in. */
async function make(dir, file, key) {
  const esbuild = createRequire(import.meta.url)('esbuild');
  mkdirSync(dir, { recursive: true });
  const options = {
    absWorkingDir: ROOT,
    bundle: true,
    write: false,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'silent',
    plugins: [sourceUrls],
  };
  // Written under a temporary name, then renamed: a process starting meanwhile never reads half a file.
  const temporary = (name) => join(dir, `${name}.${process.pid}.tmp.mjs`);
  const digestFile = temporary('digest');
  const digestBuild = await esbuild.build({ ...options, entryPoints: [join(ROOT, 'src', 'cli', 'modelSource.ts')] });
  writeFileSync(digestFile, digestBuild.outputFiles[0].text);
  let digest;
  try {
    const { computeModelDigest } = await import(pathToFileURL(digestFile).href);
    digest = computeModelDigest(ROOT);
  } finally {
    rmSync(digestFile, { force: true });
  }
  const cli = await esbuild.build({
    ...options,
    entryPoints: [join(ROOT, 'src', 'cli', 'main.ts')],
    // The sources' hash names the worker threads' bundle too (below; src/node/workerEntry.ts).
    define: { __FAIRPACE_MODEL_DIGEST__: JSON.stringify(digest), __FAIRPACE_SOURCES_HASH__: JSON.stringify(key) },
  });
  // The worker threads' body from the same sources, named by the same hash, for src/node/workerEntry.ts to find.
  const worker = await esbuild.build({ ...options, entryPoints: [join(ROOT, 'src', 'node', 'workerMain.ts')] });
  const workerFile = temporary('worker');
  writeFileSync(workerFile, worker.outputFiles[0].text);
  renameSync(workerFile, join(dir, `worker-src-${key}.mjs`));
  const cliFile = temporary('cli');
  writeFileSync(cliFile, cli.outputFiles[0].text);
  renameSync(cliFile, file);
  removeOld(dir, file);
}

function removeOld(dir, keep) {
  const now = Date.now();
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (path === keep || !/^(cli[-.]|digest\.|worker\.|worker-src-)/.test(name)) continue;
    try {
      if (now - statSync(path).mtimeMs > KEEP_MS) rmSync(path, { force: true });
    } catch {
      // Another process removed it first.
    }
  }
}
