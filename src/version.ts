/** The Fairpace version and the model fingerprint written into every result and evidence file. */
import pkg from '../package.json';

export const FAIRPACE_VERSION: string = pkg.version;

/**
 * Set at build time by Vite's `define` (vite.config.ts, vitest.config.ts), or on `globalThis` by bin/fairpace.mjs
 * before the CLI loads; computed by src/cli/modelSource.ts. The pure code cannot compute it: it reads no files.
 */
declare const __FAIRPACE_MODEL_DIGEST__: string | undefined;

/** What MODEL_DIGEST is when nothing injected it (e.g. a script run through tsx directly); never a valid digest. */
export const MODEL_DIGEST_UNKNOWN = 'unknown';

/**
 * The model fingerprint of this build: SHA-256 over src/sim and the scenario defaults (see src/evidence/modelDigest.ts),
 * or MODEL_DIGEST_UNKNOWN when it was not injected.
 */
export const MODEL_DIGEST: string =
  typeof __FAIRPACE_MODEL_DIGEST__ === 'string' ? __FAIRPACE_MODEL_DIGEST__ : MODEL_DIGEST_UNKNOWN;
