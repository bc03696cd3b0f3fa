/**
 * Reads the model's source to compute its fingerprint: every file under src/sim and the defaults of an empty
 * scenario. Used by vite.config.ts at build time, by vitest.config.ts, and by bin/fairpace.mjs when the CLI starts
 * from source; the result reaches the pure code as the `__FAIRPACE_MODEL_DIGEST__` constant (see src/version.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { modelDigestOf, type ModelSource } from '../evidence/modelDigest.ts';
import { Scenario, SCHEMA_VERSION } from '../scenario/schema.ts';

/** The repository's root (this file is src/cli/modelSource.ts). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Every file below `dir` (names starting with "." skipped, as editors' and the OS's files), sorted by path. */
export function readModelSources(dir: string): ModelSource[] {
  const out: ModelSource[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile())
        out.push({ path: relative(dir, path).split(sep).join('/'), text: readFileSync(path, 'utf8') });
    }
  };
  walk(dir);
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The empty scenario with every default filled in, as the schema gives it. */
export function defaultScenario(): Scenario {
  return Scenario.parse({ schemaVersion: SCHEMA_VERSION });
}

/** The fingerprint of the model in `root` (this repository by default): src/sim and the scenario defaults. */
export function computeModelDigest(root: string = REPO_ROOT): string {
  return modelDigestOf(readModelSources(join(root, 'src', 'sim')), defaultScenario());
}
