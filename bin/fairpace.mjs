#!/usr/bin/env node
// The `fairpace` command. It works right after `npm ci`, without a build step, from the TypeScript sources.
//
// Loading them through tsx costs about 0.65 s and 55 MiB at every start (tsx's compiler and its loader thread), so
// the command runs a bundle of its own sources instead (./cliBundle.mjs): made with esbuild (which tsx itself runs
// on) the first time a set of sources is run, kept under node_modules/.cache/fairpace/ by the hash of those sources,
// and found again by that hash at later starts (reading the sources to hash them takes about 20 ms). The model
// fingerprint is fixed into the bundle as the Vite build fixes it into the app. Where no bundle can be made (no
// esbuild, a folder that cannot be written) or FAIRPACE_CLI_TSX=1 is set, the sources run through tsx as before:
// the same results, only a slower start.
import { fileURLToPath } from 'node:url';
import { cliBundle } from './cliBundle.mjs';

const bundle = process.env.FAIRPACE_CLI_TSX === '1' ? undefined : await cliBundle();
if (bundle) {
  const { runCli } = await import(bundle.href);
  await runCli(process.argv.slice(2));
} else {
  // The project's tsconfig is named explicitly so the result does not depend on the directory the command runs in.
  const { register } = await import('tsx/esm/api');
  register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
  // The model fingerprint, from the sources this command runs; src/version.ts reads it when the CLI loads.
  const { computeModelDigest } = await import('../src/cli/modelSource.ts');
  globalThis.__FAIRPACE_MODEL_DIGEST__ = computeModelDigest();
  const { runCli } = await import('../src/cli/main.ts');
  await runCli(process.argv.slice(2));
}
