// Node module hooks that let a plain `node` child process import this package's TypeScript
// (the multi-process tests spawn workers, the bench forks them; there is no build step before
// either). Each .ts file is transpiled on its own, as ts-jest does (isolatedModules).
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath, URL } from 'node:url';
import ts from 'typescript';

const SOURCE = '@instagram-sync/source';

/** `./x.js` imported from a .ts file means `./x.ts` when only the latter exists (NodeNext style). */
export async function resolve(specifier, context, nextResolve) {
  const fromTs = context.parentURL?.endsWith('.ts');
  if (fromTs && specifier.startsWith('.') && specifier.endsWith('.js')) {
    const js = new URL(specifier, context.parentURL);
    const tsUrl = new URL(js.href.replace(/\.js$/, '.ts'));
    if (!existsSync(fileURLToPath(js)) && existsSync(fileURLToPath(tsUrl))) {
      return { url: tsUrl.href, shortCircuit: true };
    }
  }
  // The package (imported by its own name) resolves to its TypeScript sources, as in jest.
  return nextResolve(specifier, { ...context, conditions: [...context.conditions, SOURCE] });
}

export async function load(url, context, nextLoad) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return nextLoad(url, context);
  const fileName = fileURLToPath(url);
  const { outputText } = ts.transpileModule(await readFile(fileName, 'utf8'), {
    fileName,
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
      // As in tsconfig.base.json, which the package's build uses.
      useDefineForClassFields: false,
      inlineSourceMap: true,
    },
  });
  return { format: 'module', source: outputText, shortCircuit: true };
}
