// No hidden state in the pure core: src/core and src/rules (and src/api above them) keep no module-level mutable
// state. Caches belong to a lint run or an editor's session, objects the caller owns and drops (src/core/run.ts,
// src/api/session.ts).
//
// What this test rejects, read with the TypeScript compiler's type checker over every module of those folders:
// - a module-level `let` or `var`;
// - a module-level `const` whose type is a mutable collection: Map, Set, WeakMap, WeakSet, a mutable array or tuple
//   (declare it ReadonlyMap, ReadonlySet, `readonly T[]`, or freeze it: then the compiler refuses every mutation and
//   every hand-over to code that could mutate it);
// - a module-level `const` holding a class instance (`new LineIndex(...)`; typed arrays are data, checked as below),
//   a regular expression with the `y` flag, or with the `g` flag when `exec`, `test` or `lastIndex` use it (its
//   `lastIndex` carries over between calls; `matchAll`, `replace` and `split` start afresh), or a function returned by
//   an immediately invoked function (whose locals would live for the whole process);
// - a mutation, anywhere in those folders, of a module-level `const` or of anything reached through it:
//   an assignment, `++`/`--` or `delete` on one of its properties or elements, a call of a mutating method
//   (`set`, `add`, `push`, `sort`...) on it or on a value inside it, or `Object.assign`/`defineProperty` on it;
// - a static class property that is not readonly, or is readonly but of a mutable collection type.
// What it allows: constant lookup tables built once from literals (or computed from other constants) and never mutated
// after the module has loaded, typed readonly where they are collections; functions; primitives; frozen objects.
// What it cannot see: mutation through a type assertion (`as unknown as string[]`), or by code outside those folders
// (the extension's test hook that swaps a rule's `check`, src/extension/lint-engine.ts `breakRule`).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../..');

/** Module-level caches still allowed, as `file: binding`: none. */
const ALLOWED: ReadonlySet<string> = new Set<string>();

/** Typed arrays are plain data: every way to change one (an index, `set`, `fill`...) is a mutation seen below. */
const TYPED_ARRAY = /^(Ui|I)nt(8|16|32)(Clamped)?Array$|^Float(32|64)Array$|^Big(Ui|I)nt64Array$/;

/** Why a regular expression's flag is state. */
const LAST_INDEX = '(its lastIndex carries over between calls)';

const MUTATORS: ReadonlySet<string> = new Set([
  'set',
  'add',
  'delete',
  'clear',
  'push',
  'pop',
  'shift',
  'unshift',
  'splice',
  'sort',
  'reverse',
  'fill',
  'copyWithin',
]);

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(p));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

function program(files: string[]): ts.Program {
  const config = ts.readConfigFile(join(ROOT, 'tsconfig.core.json'), (p) => readFileSync(p, 'utf8'));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  return ts.createProgram(files, { ...parsed.options, noEmit: true });
}

/** Why a value of this type is a mutable collection ("Map", "array"), or undefined when it is not one. */
function mutableCollection(checker: ts.TypeChecker, type: ts.Type): string | undefined {
  if (type.isUnion()) {
    for (const t of type.types) {
      const why = mutableCollection(checker, t);
      if (why) return why;
    }
    return undefined;
  }
  const name = type.getSymbol()?.getName();
  if (name === 'Map' || name === 'Set' || name === 'WeakMap' || name === 'WeakSet') return name;
  if (checker.isTupleType(type)) {
    return ((type as ts.TypeReference).target as ts.TupleType).readonly ? undefined : 'tuple';
  }
  if (checker.isArrayType(type)) return name === 'Array' ? 'array' : undefined;
  return undefined;
}

function unwrap(e: ts.Expression): ts.Expression {
  const wrapped = (x: ts.Expression) =>
    ts.isParenthesizedExpression(x) || ts.isAsExpression(x) || ts.isSatisfiesExpression(x) || ts.isNonNullExpression(x);
  while (wrapped(e)) e = (e as ts.ParenthesizedExpression).expression;
  return e;
}

/** The flags of a regular expression literal or `new RegExp(source, 'flags')`; undefined for anything else. */
function regexFlags(init: ts.Expression | undefined, sf: ts.SourceFile): string | undefined {
  if (init && ts.isRegularExpressionLiteral(init)) return /\/([a-z]*)$/.exec(init.text)![1];
  if (init && ts.isNewExpression(init) && unwrap(init.expression).getText(sf) === 'RegExp') {
    return init.arguments?.[1]?.getText(sf) ?? '';
  }
  return undefined;
}

function boundNames(name: ts.BindingName): ts.Identifier[] {
  if (ts.isIdentifier(name)) return [name];
  return name.elements.flatMap((el) => (ts.isOmittedExpression(el) ? [] : boundNames(el.name)));
}

interface Finding {
  where: string;
  why: string;
}

/** Every module-level mutable binding in `files`, and every mutation of a module-level constant. */
function findMutableState(files: string[]): Finding[] {
  const prog = program(files);
  const checker = prog.getTypeChecker();
  const findings: Finding[] = [];
  const constants = new Map<ts.Symbol, { label: string; key: string }>();
  /** Module-level regular expressions with the g flag: state only when exec, test or lastIndex use it. */
  const globalRegexes = new Set<ts.Symbol>();
  const sources = files.map((f) => prog.getSourceFile(f)!);
  const at = (sf: ts.SourceFile, node: ts.Node) =>
    `${relative(ROOT, sf.fileName)}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`;
  const bindingKey = (sf: ts.SourceFile, name: string) => `${relative(ROOT, sf.fileName)}: ${name}`;
  for (const sf of sources) {
    for (const st of sf.statements) {
      if (ts.isVariableStatement(st)) {
        const isConst = (st.declarationList.flags & ts.NodeFlags.Const) !== 0;
        for (const decl of st.declarationList.declarations) {
          for (const id of boundNames(decl.name)) {
            const report = (why: string) => {
              if (!ALLOWED.has(bindingKey(sf, id.text))) findings.push({ where: `${at(sf, id)} ${id.text}`, why });
            };
            if (!isConst) {
              report('a module-level let/var');
              continue;
            }
            const symbol = checker.getSymbolAtLocation(id);
            if (symbol) constants.set(symbol, { label: `${at(sf, id)} ${id.text}`, key: bindingKey(sf, id.text) });
            const collection = mutableCollection(checker, checker.getTypeAtLocation(id));
            if (collection) report(`a module-level mutable ${collection} (type it readonly, or freeze it)`);
            const init = decl.initializer && unwrap(decl.initializer);
            if (!init || collection) continue;
            const flags = regexFlags(init, sf);
            if (flags?.includes('y')) report(`a module-level regular expression with the y flag ${LAST_INDEX}`);
            else if (flags?.includes('g') && symbol) globalRegexes.add(symbol);
            if (ts.isNewExpression(init)) {
              const cls = unwrap(init.expression).getText(sf);
              const typeName = checker.typeToString(checker.getTypeAtLocation(id));
              const readonlyCollection = /^(Readonly(Map|Set|Array)|readonly )/.test(typeName);
              const data = cls === 'RegExp' || TYPED_ARRAY.test(cls) || readonlyCollection;
              if (!data) report(`a module-level instance of ${cls}`);
            }
            if (ts.isCallExpression(init)) {
              const callee = unwrap(init.expression);
              const returnsFunction = checker.getTypeAtLocation(id).getCallSignatures().length > 0;
              if ((ts.isFunctionExpression(callee) || ts.isArrowFunction(callee)) && returnsFunction) {
                report('a function made by an immediately invoked function at load time (its locals live on)');
              }
            }
          }
        }
      } else if (ts.isClassDeclaration(st)) {
        for (const m of st.members) {
          if (!ts.isPropertyDeclaration(m)) continue;
          const has = (kind: ts.SyntaxKind) => m.modifiers?.some((x) => x.kind === kind) ?? false;
          if (!has(ts.SyntaxKind.StaticKeyword)) continue;
          const readonly = has(ts.SyntaxKind.ReadonlyKeyword);
          const collection = mutableCollection(checker, checker.getTypeAtLocation(m.name));
          const where = `${at(sf, m)} ${st.name?.text ?? 'class'}.${m.name.getText(sf)}`;
          if (!readonly || collection) findings.push({ where, why: 'a mutable static class property' });
        }
      }
    }
  }
  for (const sf of sources) {
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node)) {
        let symbol = checker.getSymbolAtLocation(node);
        if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
        const constant = symbol && constants.get(symbol);
        const runTime = constant !== undefined && !ALLOWED.has(constant.key) && atRunTime(node);
        const how = runTime ? mutationThrough(node) : undefined;
        if (constant && how) findings.push({ where: `${at(sf, node)} mutates ${constant.label}`, why: how });
        const p = node.parent;
        const use = ts.isPropertyAccessExpression(p) && p.expression === node ? p.name.text : '';
        if (constant && symbol && runTime && globalRegexes.has(symbol) && ['exec', 'test', 'lastIndex'].includes(use)) {
          const why = `.${use} on a module-level regular expression with the g flag ${LAST_INDEX}`;
          findings.push({ where: `${at(sf, node)} uses ${constant.label}`, why });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return findings;
}

/**
 * Whether code runs after the module has loaded: it is inside a function. Statements at a module's top level run
 * once, while it loads (`for (const c of '*_') SPECIAL[c.charCodeAt(0)] = 1;` builds a constant table).
 */
function atRunTime(node: ts.Node): boolean {
  for (let n = node.parent; n; n = n.parent) {
    if (ts.isFunctionLike(n) || ts.isClassStaticBlockDeclaration(n)) return true;
  }
  return false;
}

/** How the expression rooted at `id` mutates what `id` holds, if it does. */
function mutationThrough(id: ts.Identifier): string | undefined {
  let node: ts.Expression = id;
  for (;;) {
    const parent: ts.Node = node.parent;
    if (ts.isPropertyAccessExpression(parent) && parent.expression === node) {
      const called = ts.isCallExpression(parent.parent) && parent.parent.expression === parent;
      if (MUTATORS.has(parent.name.text) && called) return `calls .${parent.name.text}()`;
    } else if (
      !(ts.isElementAccessExpression(parent) && parent.expression === node) &&
      !ts.isNonNullExpression(parent) &&
      !ts.isParenthesizedExpression(parent)
    ) {
      break;
    }
    node = parent;
  }
  const parent = node.parent;
  const assignment = (k: ts.SyntaxKind) => k >= ts.SyntaxKind.FirstAssignment && k <= ts.SyntaxKind.LastAssignment;
  if (node !== id && ts.isBinaryExpression(parent) && parent.left === node && assignment(parent.operatorToken.kind)) {
    return 'assigns to it';
  }
  const unary = ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent);
  const { PlusPlusToken, MinusMinusToken } = ts.SyntaxKind;
  const step = unary && (parent.operator === PlusPlusToken || parent.operator === MinusMinusToken);
  if (node !== id && step) {
    return 'increments or decrements it';
  }
  if (node !== id && ts.isDeleteExpression(parent)) return 'deletes from it';
  const objectMutator = /^Object\.(assign|defineProperty|defineProperties|setPrototypeOf)$/;
  if (ts.isCallExpression(parent) && parent.arguments[0] === node && objectMutator.test(parent.expression.getText())) {
    return `passes it to ${parent.expression.getText()}`;
  }
  return undefined;
}

describe('no hidden state in src/core and src/rules (and src/api, which composes them)', () => {
  const files = ['src/core', 'src/rules', 'src/api'].flatMap((d) => sourceFiles(join(ROOT, d)));

  // Why the long timeout: the type checker reads the whole program (10 s alone, over 60 s under the full suite).
  it('has no module-level mutable binding and mutates no module-level constant', () => {
    expect(findMutableState(files).map((f) => `${f.where}: ${f.why}`)).toEqual([]);
  }, 300_000);

  it('catches each kind of hidden state it is meant to', () => {
    const dir = join(ROOT, 'test/meta/pure-state-cases');
    const shown = (f: Finding) => `${f.where}: ${f.why}`.replaceAll(`${relative(ROOT, dir)}/`, '');
    const found = findMutableState(sourceFiles(dir)).map(shown);
    expect(found).toEqual(readFileSync(join(dir, 'expected.txt'), 'utf8').trim().split('\n'));
  }, 300_000);
});
