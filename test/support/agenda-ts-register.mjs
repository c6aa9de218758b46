// `node --import ./test/support/agenda-ts-register.mjs worker.ts` runs a TypeScript worker.
import { register } from 'node:module';

register('./agenda-ts-hooks.mjs', import.meta.url);
