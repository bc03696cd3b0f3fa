/**
 * The file a CLI worker thread starts from. Run from the sources, a thread that loads the TypeScript through tsx
 * (./worker.mjs) takes about 0.3 s longer to be ready and holds about 30 MiB more than one that loads plain
 * JavaScript (two threads on this 2-core machine: ready after 0.66–0.86 s against 0.18 s; 155 against 97 MiB for
 * the process). So once per process the worker's body (./workerMain.ts and what it imports; its packages stay
 * imports) is bundled with esbuild, which tsx itself runs on (about 70 ms), into `node_modules/.cache/fairpace/`
 * under the name of its own hash: always the sources as they are now, never an earlier build, and the same file
 * for every process that runs the same sources. When the CLI runs from its own bundle (bin/cliBundle.mjs), that
 * script has made the worker's bundle as well, under the sources' hash, and it is found by that name. Built as a
 * library (dist-lib), the pool uses the bundled worker beside it. Where bundling is not possible (no esbuild, a
 * folder that cannot be written), threads load the sources through tsx as before: the runs are the same, only
 * slower to start.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * The hash of the sources, when this code runs from the CLI's own bundle (bin/cliBundle.mjs fixes it in, and makes
 * the worker's bundle of the same sources under that name).
 */
declare const __FAIRPACE_SOURCES_HASH__: string | undefined;
const SOURCES_HASH = typeof __FAIRPACE_SOURCES_HASH__ === 'string' ? __FAIRPACE_SOURCES_HASH__ : undefined;

/** The tsx entry, for when there is no bundle (see the file's comment). */
const TSX_ENTRY = new URL('./worker.mjs', import.meta.url);

/** Bundles older than this, other than the one in use, are removed when a new one is written. */
const KEEP_MS = 24 * 3600 * 1000;

let entry: URL | undefined;

/** Where a worker thread starts (see the file's comment); computed once per process. */
export function workerEntry(): URL {
  entry ??= import.meta.url.endsWith('.ts') ? (bundledEntry() ?? TSX_ENTRY) : TSX_ENTRY;
  return entry;
}

interface EsbuildApi {
  buildSync(options: Record<string, unknown>): { outputFiles?: { text: string }[] };
}

function bundledEntry(): URL | undefined {
  if (process.env.FAIRPACE_WORKER_TSX === '1') return undefined;
  try {
    const here = fileURLToPath(import.meta.url);
    const root = dirname(dirname(dirname(here)));
    // Inside node_modules, so the bundle's package imports resolve as the sources' do.
    const dir = join(root, 'node_modules', '.cache', 'fairpace');
    const known = SOURCES_HASH === undefined ? undefined : join(dir, `worker-src-${SOURCES_HASH}.mjs`);
    if (known !== undefined && existsSync(known)) return pathToFileURL(known);
    const esbuild = createRequire(import.meta.url)('esbuild') as EsbuildApi;
    const out = esbuild.buildSync({
      absWorkingDir: root,
      entryPoints: [join(dirname(here), 'workerMain.ts')],
      bundle: true,
      write: false,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      logLevel: 'silent',
    });
    const text = out.outputFiles?.[0]?.text;
    if (text === undefined) return undefined;
    const hash = createHash('sha256').update(text).digest('hex').slice(0, 16);
    const file = join(dir, `worker-${hash}.mjs`);
    if (!existsSync(file)) {
      mkdirSync(dir, { recursive: true });
      // Written under a temporary name, then renamed: a process starting meanwhile never reads half a file.
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, text);
      renameSync(temporary, file);
      removeOld(dir, file);
    }
    return pathToFileURL(file);
  } catch {
    return undefined;
  }
}

function removeOld(dir: string, keep: string): void {
  const now = Date.now();
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (path === keep || !name.startsWith('worker-')) continue;
    try {
      if (now - statSync(path).mtimeMs > KEEP_MS) rmSync(path, { force: true });
    } catch {
      // Another process removed it first.
    }
  }
}
