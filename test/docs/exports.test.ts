import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * Every public export (of `pthv` and `pthv/node`) has a doc comment with a summary and an
 * `@example`, as the project's documentation standard asks. Runs the TypeScript compiler over the
 * two entry points and reads the JSDoc of each exported symbol's declarations.
 */
function undocumentedExports(entry: string): { missingComment: string[]; missingExample: string[] } {
  const program = ts.createProgram([entry], { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, target: ts.ScriptTarget.ES2022, strict: true, skipLibCheck: true, types: [] });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry)!;
  const moduleSymbol = checker.getSymbolAtLocation(source)!;
  const missingComment: string[] = [];
  const missingExample: string[] = [];
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declarations = symbol.getDeclarations() ?? [];
    const summary = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
    const tags = declarations.flatMap((d) => ts.getJSDocTags(d).map((t) => t.tagName.text));
    if (!summary) missingComment.push(exported.name);
    if (!tags.includes("example")) missingExample.push(exported.name);
  }
  return { missingComment, missingExample };
}

describe("public API documentation", () => {
  for (const entry of ["src/index.ts", "src/node/index.ts"]) {
    it(`gives every export of ${entry} a doc comment with an @example`, () => {
      const { missingComment, missingExample } = undocumentedExports(entry);
      expect(missingComment).toEqual([]);
      expect(missingExample).toEqual([]);
    });
  }
});
