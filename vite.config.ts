// The browser workbench. Tests have their own vitest.config.ts.
import { createHash } from 'node:crypto';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { computeModelDigest } from './src/cli/modelSource.ts';

/**
 * In the dev server only, admits React Fast Refresh's inline preamble script by its hash, so `npm start` runs under the
 * same Content-Security-Policy as the build instead of a loosened one.
 */
function devCspAllowsRefreshPreamble(): Plugin {
  const hash = createHash('sha256').update(react.preambleCode.replace('__BASE__', '/')).digest('base64');
  return {
    name: 'fairpace:dev-csp-refresh-preamble',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace("script-src 'self'", `script-src 'self' 'sha256-${hash}'`),
  };
}

export default defineConfig({
  plugins: [react(), devCspAllowsRefreshPreamble()],
  // The model fingerprint of the sources built (src/version.ts); `npm start` computes it when the server starts.
  define: { __FAIRPACE_MODEL_DIGEST__: JSON.stringify(computeModelDigest()) },
  worker: { format: 'es' },
  // One bundle served from the user's own machine: React, Plot and zod together are ~630 kB, which is fine offline.
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 900 },
});
