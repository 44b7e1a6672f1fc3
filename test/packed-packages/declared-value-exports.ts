/**
 * @module
 * The value exports (classes, functions, constants, enums) that a package's declaration files
 * promise, as the consumer's own compiler resolves them. A name declared as a value must exist at
 * run time; a type-only export need not.
 */
import ts from 'typescript';

function isTypeOnlyAlias(symbol: ts.Symbol): boolean {
  return (symbol.declarations ?? []).some(
    (declaration) =>
      ts.isTypeOnlyImportOrExportDeclaration(declaration) ||
      // `export type { A, B }`: the specifiers inherit the clause's `type`.
      (ts.isExportSpecifier(declaration) && declaration.parent.parent.isTypeOnly),
  );
}

function isValue(checker: ts.TypeChecker, exported: ts.Symbol): boolean {
  let symbol = exported;
  while (symbol.flags & ts.SymbolFlags.Alias) {
    if (isTypeOnlyAlias(symbol)) return false;
    const target = checker.getImmediateAliasedSymbol(symbol);
    if (!target) break;
    symbol = target;
  }
  return (symbol.flags & ts.SymbolFlags.Value) !== 0;
}

/**
 * For each module that `file` imports (`import * as x from` or `import x = require(…)`), the
 * names it declares as values, sorted. Throws when a module does not resolve.
 */
export function declaredValueExports(program: ts.Program, file: string): Map<string, string[]> {
  const source = program.getSourceFile(file);
  if (!source) throw new Error(`${file} is not part of the program`);
  const checker = program.getTypeChecker();
  const result = new Map<string, string[]>();
  for (const statement of source.statements) {
    const specifier = ts.isImportDeclaration(statement)
      ? statement.moduleSpecifier
      : ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference)
        ? statement.moduleReference.expression
        : undefined;
    if (!specifier || !ts.isStringLiteral(specifier)) continue;
    const module = checker.getSymbolAtLocation(specifier);
    if (!module) throw new Error(`${file}: '${specifier.text}' does not resolve`);
    const values = checker
      .getExportsOfModule(module)
      .filter((exported) => isValue(checker, exported))
      .map((exported) => exported.name);
    result.set(specifier.text, values.sort());
  }
  return result;
}

/** The program `tsc -p configPath` builds. */
export function programFromConfig(configPath: string): ts.Program {
  const config = ts.getParsedCommandLineOfConfigFile(configPath, undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  });
  if (!config) throw new Error(`cannot read ${configPath}`);
  return ts.createProgram({ rootNames: config.fileNames, options: config.options });
}
