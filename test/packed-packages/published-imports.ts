/**
 * @module
 * The packages an installed package's published files import (JavaScript and declarations), so
 * a bundled-in devDependency that leaks into a `.d.ts` is caught even where the consumer happens
 * to have it installed.
 */
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import ts from 'typescript';

/** One import of a package from a published file. */
export interface PackageImport {
  /** The importing file, relative to the package root. */
  readonly file: string;
  readonly specifier: string;
  /** The imported package's name (`@scope/name` or `name`). */
  readonly packageName: string;
}

const SCANNED = /\.(c|m)?js$|\.d\.(c|m)?ts$/;
const BUILTINS = new Set(builtinModules);

function packageNameOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:'))
    return undefined;
  const [first, second] = specifier.split('/');
  const name = first?.startsWith('@') ? `${first}/${second}` : first;
  return name === undefined || BUILTINS.has(name) ? undefined : name;
}

/**
 * Every import of another package by the `.js` and `.d.ts` files among `files` (paths relative
 * to `packageDir`):
 * `import`/`export … from`, `import()`, `require()`, import types and `/// <reference types>`.
 * Node's built-in modules and relative imports are left out; `/// <reference types="node" />`
 * counts as a built-in.
 */
export function packageImports(packageDir: string, files: readonly string[]): PackageImport[] {
  return files
    .filter((file) => SCANNED.test(file))
    .flatMap((file) => {
      const info = ts.preProcessFile(readFileSync(join(packageDir, file), 'utf8'), true, true);
      const specifiers = [
        ...info.importedFiles,
        ...info.typeReferenceDirectives.filter((ref) => ref.fileName !== 'node'),
      ].map((ref) => ref.fileName);
      return specifiers.flatMap((specifier) => {
        const packageName = packageNameOf(specifier);
        return packageName === undefined ? [] : [{ file, specifier, packageName }];
      });
    });
}
