#!/usr/bin/env node
// The `fairpace` command. tsx compiles the TypeScript sources on the fly, so `npx fairpace` works right after
// `npm ci` without a build step. The project's tsconfig is named explicitly so the result does not depend on the
// directory the command is run from.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
// The model fingerprint, from the sources this command runs; src/version.ts reads it when the CLI loads.
const { computeModelDigest } = await import('../src/cli/modelSource.ts');
globalThis.__FAIRPACE_MODEL_DIGEST__ = computeModelDigest();
const { runCli } = await import('../src/cli/main.ts');
await runCli(process.argv.slice(2));
