// @ts-check
/**
 * Which Office requirement sets the shipped code needs, read from the code itself.
 *
 * Every property access, method call and destructured member of src/ is resolved with the
 * TypeScript compiler API; where its declaration lies in @types/office-js or
 * @types/custom-functions-runtime, the `[Api set: ExcelApi 1.7]` annotation of that declaration
 * says which requirement set (and version) the member belongs to. A member is fine when the
 * manifest's <Requirements><Sets> declare that set at that version or later, or when the use sits
 * behind an explicit gate: inside `if (…isSetSupported("ExcelApi", "1.13")…) { … }`, the true
 * branch of `isSetSupported(…) ? … : …`, or the right side of `isSetSupported(…) && …`, with the
 * set and version written as literals.
 *
 * Annotations that name several versions ("ExcelApi 1.1 for get, 1.8 for set") count at the
 * highest one: the checker cannot tell which use the code makes, so it asks for the most.
 *
 * One need has no annotation: custom functions may call the Excel JavaScript API (through
 * `new Excel.RequestContext()`) only in a shared runtime, so that construction in the functions'
 * code (src/functions/) counts as a use of SharedRuntime 1.1 ("Call Excel APIs from a custom
 * function", Microsoft's docs). In the task pane a RequestContext needs nothing more.
 *
 *   node build/api-sets.cjs            prints every use and every problem (exit 1 on problems)
 */
"use strict";

const fs = require("fs");
const path = require("path");
const ts = require("typescript");
const { declaredRequirementSets } = require("./manifest.cjs");

/** The typings whose annotations are read. */
const TYPINGS = ["/@types/office-js/", "/@types/custom-functions-runtime/"];

/**
 * @typedef {object} ApiUse
 * @property {string} member     e.g. "Excel.Range.getMergedAreasOrNullObject"
 * @property {string} set        e.g. "ExcelApi"
 * @property {string} version    e.g. "1.13"
 * @property {string} file       relative to the project root
 * @property {number} line       1-based
 * @property {{ set: string, version: string } | null} gate  the isSetSupported gate around the use
 */

/**
 * Compares "1.13" with "1.9" as versions (not as decimals).
 * @param {string} a
 * @param {string} b
 * @returns {number} negative, 0 or positive
 */
function compareVersions(a, b) {
  const x = a.split(".").map(Number);
  const y = b.split(".").map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * The requirement set of an annotation text, at the highest version it names.
 * @param {string} text  a JSDoc tag's text, e.g. "[Api set: ExcelApi 1.1 for get, 1.8 for set]"
 * @returns {{ set: string, version: string } | null}
 * @example apiSetOf("[Api set: ExcelApi 1.7]") // { set: "ExcelApi", version: "1.7" }
 */
function apiSetOf(text) {
  const m = /\[Api set:\s*([A-Za-z]+)\s+(\d+\.\d+)([^\]]*)\]/.exec(text);
  if (!m) return null;
  let version = m[2];
  for (const more of m[3].matchAll(/\b(\d+\.\d+)\b/g)) if (compareVersions(more[1], version) > 0) version = more[1];
  return { set: m[1], version };
}

/**
 * @param {ts.Symbol} symbol
 * @param {ts.TypeChecker} checker
 * @returns {{ set: string, version: string, member: string } | null}
 */
function annotationOf(symbol, checker) {
  const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  const declarations = target.getDeclarations() ?? [];
  // The compiler names files with "/" on every platform.
  if (!declarations.some((d) => TYPINGS.some((t) => d.getSourceFile().fileName.includes(t)))) return null;
  for (const tag of target.getJsDocTags(checker)) {
    const text = (tag.text ?? []).map((p) => p.text).join("");
    const found = apiSetOf(text);
    if (found) return { ...found, member: checker.getFullyQualifiedName(target).replace(/^"[^"]*"\./, "") };
  }
  return null;
}

/**
 * True when an expression names the class Excel.RequestContext of the Office typings.
 * @param {ts.Expression} expression
 * @param {ts.TypeChecker} checker
 * @returns {boolean}
 */
function isExcelRequestContext(expression, checker) {
  const symbol = checker.getSymbolAtLocation(ts.isPropertyAccessExpression(expression) ? expression.name : expression);
  if (!symbol) return false;
  const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  const inTypings = (target.getDeclarations() ?? []).some((d) => d.getSourceFile().fileName.includes(TYPINGS[0]));
  return inTypings && checker.getFullyQualifiedName(target) === "Excel.RequestContext";
}

/**
 * The isSetSupported("Set", "1.x") call in an expression, if any.
 * @param {ts.Node} node
 * @returns {{ set: string, version: string } | null}
 */
function gateIn(node) {
  /** @type {{ set: string, version: string } | null} */
  let found = null;
  const visit = (/** @type {ts.Node} */ n) => {
    if (found) return;
    if (ts.isCallExpression(n)) {
      const callee = n.expression;
      const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : "";
      const [set, version] = n.arguments;
      if (name === "isSetSupported" && set && ts.isStringLiteralLike(set) && version && ts.isStringLiteralLike(version)) {
        found = { set: set.text, version: version.text };
        return;
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

/**
 * The gate a use sits behind: the nearest enclosing if/conditional/&& whose condition checks a set.
 * @param {ts.Node} node
 * @returns {{ set: string, version: string } | null}
 */
function gateAround(node) {
  let child = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (ts.isIfStatement(parent) && child === parent.thenStatement) {
      const gate = gateIn(parent.expression);
      if (gate) return gate;
    } else if (ts.isConditionalExpression(parent) && child === parent.whenTrue) {
      const gate = gateIn(parent.condition);
      if (gate) return gate;
    } else if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && child === parent.right) {
      const gate = gateIn(parent.left);
      if (gate) return gate;
    }
  }
  return null;
}

/** Where the custom functions' code lies: there, an Excel.RequestContext needs a shared runtime. */
const FUNCTIONS_CODE = (/** @type {string} */ fileName) => /[\\/]src[\\/]functions[\\/]/.test(fileName);

/**
 * Every use of an annotated Office API member in a program's source files.
 * @param {ts.Program} program
 * @param {(fileName: string) => boolean} include  which source files to read
 * @param {string} root  paths are reported relative to it
 * @param {(fileName: string) => boolean} [functionsCode]  which files are the custom functions' code
 * @returns {ApiUse[]}
 */
function apiUses(program, include, root, functionsCode = FUNCTIONS_CODE) {
  const checker = program.getTypeChecker();
  /** @type {ApiUse[]} */
  const uses = [];
  for (const file of program.getSourceFiles()) {
    if (file.isDeclarationFile || !include(file.fileName)) continue;
    const note = (/** @type {ts.Node} */ at, /** @type {ts.Symbol | undefined} */ symbol) => {
      if (!symbol) return;
      const found = annotationOf(symbol, checker);
      if (!found) return;
      const { line } = file.getLineAndCharacterOfPosition(at.getStart(file));
      uses.push({ member: found.member, set: found.set, version: found.version, file: path.relative(root, file.fileName).split(path.sep).join("/"), line: line + 1, gate: gateAround(at) });
    };
    const inFunctions = functionsCode(file.fileName);
    const visit = (/** @type {ts.Node} */ node) => {
      if (inFunctions && ts.isNewExpression(node) && isExcelRequestContext(node.expression, checker)) {
        const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
        uses.push({ member: "Excel.RequestContext", set: "SharedRuntime", version: "1.1", file: path.relative(root, file.fileName).split(path.sep).join("/"), line: line + 1, gate: gateAround(node) });
      }
      if (ts.isPropertyAccessExpression(node)) note(node, checker.getSymbolAtLocation(node.name));
      else if (ts.isBindingElement(node) && ts.isObjectBindingPattern(node.parent)) {
        const key = node.propertyName ?? node.name;
        if (ts.isIdentifier(key)) {
          const type = checker.getTypeAtLocation(node.parent);
          note(node, type.getProperty(key.text));
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return uses;
}

/**
 * The uses the manifest does not cover: a set it does not declare, or a lower version, and no gate
 * for at least that version.
 * @param {ApiUse[]} uses
 * @param {Record<string, string>} declared  set name → MinVersion
 * @returns {string[]} one sentence per use, "file:line member needs Set x.y; …"
 */
function uncovered(uses, declared) {
  const problems = [];
  for (const use of uses) {
    const have = declared[use.set];
    if (have !== undefined && compareVersions(have, use.version) >= 0) continue;
    if (use.gate && use.gate.set === use.set && compareVersions(use.gate.version, use.version) >= 0) continue;
    const why = have === undefined ? `the manifest does not declare ${use.set}` : `the manifest declares ${use.set} ${have}`;
    const gate = use.gate ? `; the gate around it checks ${use.gate.set} ${use.gate.version}` : "";
    problems.push(`${use.file}:${use.line} ${use.member} needs ${use.set} ${use.version}: ${why}${gate}`);
  }
  return problems;
}

/**
 * The highest version of each set the ungated uses need.
 * @param {ApiUse[]} uses
 * @returns {Record<string, string>}
 */
function versionsNeeded(uses) {
  /** @type {Record<string, string>} */
  const needed = {};
  for (const use of uses) {
    if (use.gate && use.gate.set === use.set && compareVersions(use.gate.version, use.version) >= 0) continue;
    if (needed[use.set] === undefined || compareVersions(use.version, needed[use.set]) > 0) needed[use.set] = use.version;
  }
  return needed;
}

/**
 * A program over the shipped code (src/), with the project's compiler options.
 * @param {string} root  the project root (holding tsconfig.json and src/)
 * @returns {ts.Program}
 */
function shippedProgram(root) {
  const configFile = path.join(root, "tsconfig.json");
  const config = ts.readConfigFile(configFile, ts.sys.readFile);
  if (config.error) throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, "\n"));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const src = path.join(root, "src") + path.sep;
  // Only the typings the shipped code runs against (not jest's or node's): quicker, and a use of
  // anything else shows up as a type error in `npm run typecheck` anyway.
  const options = { ...parsed.options, noEmit: true, types: ["office-js", "custom-functions-runtime"] };
  return ts.createProgram({ rootNames: parsed.fileNames.filter((f) => path.resolve(f).startsWith(src)), options });
}

/**
 * Checks the shipped code against the manifest.
 * @param {string} root  the project root
 * @returns {{ uses: ApiUse[], declared: Record<string, string>, needed: Record<string, string>, problems: string[] }}
 */
function checkApiSets(root) {
  const program = shippedProgram(root);
  const src = path.join(root, "src") + path.sep;
  const uses = apiUses(program, (f) => path.resolve(f).startsWith(src), root);
  const declared = declaredRequirementSets(fs.readFileSync(path.join(root, "manifest.xml"), "utf8"));
  return { uses, declared, needed: versionsNeeded(uses), problems: uncovered(uses, declared) };
}

module.exports = { apiSetOf, apiUses, checkApiSets, compareVersions, uncovered, versionsNeeded };

if (require.main === module) {
  const result = checkApiSets(path.resolve(__dirname, ".."));
  for (const use of result.uses) console.log(`${use.file}:${use.line} ${use.member} ${use.set} ${use.version}${use.gate ? ` (gated ${use.gate.set} ${use.gate.version})` : ""}`);
  console.log(`needed: ${JSON.stringify(result.needed)}; declared: ${JSON.stringify(result.declared)}`);
  for (const p of result.problems) console.error(p);
  process.exit(result.problems.length > 0 ? 1 : 0);
}
