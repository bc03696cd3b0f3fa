import { defineConfig } from 'vitest/config';
import { computeModelDigest } from './src/cli/modelSource.ts';

export default defineConfig({
  // The model fingerprint, as the CLI and the Vite build compute it (src/version.ts).
  define: { __FAIRPACE_MODEL_DIGEST__: JSON.stringify(computeModelDigest()) },
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 60_000,
    // Every test computes its runs: the CLI's run cache (src/cli/runStore.ts) is off unless a test turns it on.
    env: { FAIRPACE_CACHE: 'off' },
    hookTimeout: 120_000,
  },
});
