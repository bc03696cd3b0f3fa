#!/usr/bin/env node
// The `fairpace` command. tsx compiles the TypeScript sources on the fly, so `npx fairpace` works right after
// `npm ci` without a build step. The project's tsconfig is named explicitly so the result does not depend on the
// directory the command is run from.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
const { runCli } = await import('../src/cli/main.ts');
await runCli(process.argv.slice(2));
