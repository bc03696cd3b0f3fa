/**
 * The CLI's run cache (src/analysis/runCache.ts) in a folder: one JSON file per run, named by its key, written with
 * writeFileAtomic (a temporary name, then a rename), so a run stopped half-way never leaves half a file. By default
 * the folder is `$FAIRPACE_CACHE_DIR`, else `$XDG_CACHE_HOME/fairpace/runs`, else `~/.cache/fairpace/runs`;
 * `--cache DIR` picks another, and `--no-cache` or `FAIRPACE_CACHE=off` turns it off (the test suite does, so every
 * test computes).
 */
import { mkdir, readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { cachingExecutor, type CacheCount, type Executor, type RunKeeps, type RunStore } from '../analysis/index.ts';
import type { CliIo } from './cliIo.ts';
import { writeFileAtomic } from './files.ts';

/** Runs as JSON files under `dir`, in sub-folders by the key's first two characters. */
export class DirRunStore implements RunStore {
  constructor(readonly dir: string) {}

  private pathOf(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  async get(key: string): Promise<string | undefined> {
    try {
      return await readFile(this.pathOf(key), 'utf8');
    } catch {
      return undefined; // not cached, or unreadable: run it
    }
  }

  async set(key: string, json: string): Promise<void> {
    const path = this.pathOf(key);
    try {
      await mkdir(join(this.dir, key.slice(0, 2)), { recursive: true });
      await writeFileAtomic(path, json);
    } catch {
      // A cache that cannot be written keeps nothing; the run's result is used all the same.
    }
  }
}

/** The cache folder a command uses: `--cache DIR`; none with `--no-cache`, or FAIRPACE_CACHE=off and no --cache; else the default. */
export function cacheDirFor(cache: string | false | undefined, env: NodeJS.ProcessEnv = process.env): string | null {
  if (cache === false) return null;
  if (typeof cache === 'string') return cache;
  if (env.FAIRPACE_CACHE === 'off') return null;
  if (env.FAIRPACE_CACHE_DIR) return env.FAIRPACE_CACHE_DIR;
  const base = env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'fairpace', 'runs');
}

/**
 * `executor` answering from the command's run cache, if it has one; after the job, `report` says on stderr how
 * many runs came from the cache (nothing when none did, or with --quiet).
 */
export function withRunCache(
  executor: Executor,
  command: { cache?: string | false; quiet?: boolean },
  keeps: RunKeeps,
  io: CliIo,
): { executor: Executor; report: () => void } {
  const dir = cacheDirFor(command.cache);
  if (dir === null) return { executor, report: () => undefined };
  const count: CacheCount = { hits: 0, misses: 0 };
  return {
    executor: cachingExecutor(executor, new DirRunStore(dir), keeps, count),
    report: () => {
      if (command.quiet === true || count.hits === 0) return;
      io.stderr(
        `runs: ${count.misses} made, ${count.hits} reused from the run cache ${dir} (--no-cache to run everything)\n`,
      );
    },
  };
}
