// Entry of a CLI worker thread: TypeScript loading is registered per thread, so register tsx before the TS body.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register({ tsconfig: fileURLToPath(new URL('../../tsconfig.json', import.meta.url)) });
await import('./workerMain.ts');
