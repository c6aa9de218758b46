// `node --import ./test/support/ts-register.mjs worker.ts` runs a TypeScript worker.
import { register } from 'node:module';

register('./ts-hooks.mjs', import.meta.url);
