/**
 * The `Math` a learner's code sees. The transformer rewrites every reference to the global `Math`
 * into the runtime's `__gd.Math` (engine/runtimeMath.ts): one object per process, shared by every
 * file loaded in it. Two things about it are the runner's business:
 *
 * Seeded random numbers. `Math.random()` in learner code is a mulberry32 generator
 * (engine/random.ts), not the host's: compileLoss seeds it with LOAD_SEED before it loads a file
 * (so the file's top-level code, its data made with Math.random, and the evaluations compileLoss
 * makes are the same every time: a dataset, not a function of the run's seed), and trainLoss
 * reseeds it from the run's seed (`--seed`, `config.seed`, default 0) just before the first step,
 * so the same seed gives the same trajectory, whatever ran in between (surface sampling, which is
 * timed, another run). Code that reaches the host's own Math (`globalThis.Math.random()`) is not
 * seeded.
 *
 * No patches. A file that assigns to `Math` or to one of its members (`Math.log = …`,
 * `Object.assign(Math, …)`, `delete Math.exp`, `[Math.sin] = …`) is refused with a clear error at
 * that line (learnerErrors.mathPatched) instead of being honoured, because honouring it cannot be
 * done right here:
 *   - fused expressions (transformFusion.ts) compute Math.f from the rules table, and the
 *     derivative of every Math call comes from that table too: a replaced `Math.log` would be
 *     called by unfused code and ignored by fused code (two different logs in one loss), and even
 *     without fusion its derivative would have to come from the replacement's own body;
 *   - the object is shared by the whole process: a patch would reach the nn library, every later
 *     file, and the next compile of the same file (which would then patch the patched function:
 *     `const log = Math.log; Math.log = (x) => 2 * log(x)` compounds on every load);
 *   - plain JavaScript would patch the host's Math, which the engine's own formulas call.
 * A learner who wants another log writes a function under another name, which is differentiated
 * like any other code. Patches the syntax cannot see (`const M = Math; M.log = …`,
 * `globalThis.Math.exp = …`) are caught after the file has loaded and after its first
 * evaluations (compile.ts): both Math objects are compared with a snapshot taken when this module
 * loaded, restored, and reported with the same error.
 */
import ts from 'typescript';
import { gd } from '../engine/runtime';
import { mulberry32 } from '../engine/random';
import { Scopes } from './transformScope';
import { bare, isAssignment } from './transformSyntax';

// ── seeded random ────────────────────────────────────────────────────────

/**
 * The seed a file is loaded with: a constant of its own, so that random data a file makes at load
 * time does not repeat the numbers its loss draws in a run with the default seed (0).
 */
export const LOAD_SEED = 0x5eed1e55;

/** The generator learner code calls as Math.random now (installed by seedLearnerRandom). */
let installed: () => number = gd.Math.random;

/**
 * Reseeds the learner's `Math.random` (a fresh mulberry32 stream): the same seed gives the same
 * numbers. Called by compileLoss before loading a file and by trainLoss before each run.
 */
export function seedLearnerRandom(seed: number): void {
  installed = mulberry32(seed);
  gd.Math.random = installed;
}

// ── no patches: syntax ───────────────────────────────────────────────────

/** Functions that change the object given as their first argument. */
const MUTATORS: Record<string, Set<string>> = {
  Object: new Set(['assign', 'defineProperty', 'defineProperties', 'setPrototypeOf', 'freeze', 'seal', 'preventExtensions']),
  Reflect: new Set(['set', 'defineProperty', 'deleteProperty', 'setPrototypeOf', 'preventExtensions']),
};

/**
 * The first place where the file changes the global `Math` (or a member, at any depth:
 * `Math.log`, `Math['exp']`, `Math.log.call`), or undefined. Only the global counts: a file's own
 * `const Math = { … }` is its own object.
 */
export function mathPatchSite(file: ts.SourceFile): ts.Node | undefined {
  if (!/\bMath\b/.test(file.text)) return undefined;
  const scopes = new Scopes(file);
  const isMath = (e: ts.Expression): boolean => {
    const x = bare(e);
    return ts.isIdentifier(x) && x.text === 'Math' && scopes.isGlobal(x, 'Math');
  };
  /** `Math`, or a member chain rooted at it. */
  const rootedAtMath = (e: ts.Expression): boolean => {
    let x = bare(e);
    while (ts.isPropertyAccessExpression(x) || ts.isElementAccessExpression(x) || ts.isNonNullExpression(x)) x = bare(x.expression);
    return isMath(x);
  };
  /** An assignment target, destructuring patterns included. */
  const targetChanges = (e: ts.Expression): boolean => {
    const x = bare(e);
    if (ts.isArrayLiteralExpression(x))
      return x.elements.some((el) => !ts.isOmittedExpression(el) && targetChanges(ts.isSpreadElement(el) ? el.expression : el));
    if (ts.isObjectLiteralExpression(x)) {
      return x.properties.some((p) =>
        ts.isPropertyAssignment(p)
          ? targetChanges(p.initializer)
          : ts.isShorthandPropertyAssignment(p)
            ? isMath(p.name)
            : ts.isSpreadAssignment(p)
              ? targetChanges(p.expression)
              : false,
      );
    }
    // `[Math.log = f] = []`: a default inside a pattern.
    if (ts.isBinaryExpression(x) && x.operatorToken.kind === ts.SyntaxKind.EqualsToken) return targetChanges(x.left);
    return rootedAtMath(x);
  };
  let found: ts.Node | undefined;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isBinaryExpression(n) && isAssignment(n.operatorToken.kind) && targetChanges(n.left)) found = n;
    else if (
      (ts.isPrefixUnaryExpression(n) || ts.isPostfixUnaryExpression(n)) &&
      (n.operator === ts.SyntaxKind.PlusPlusToken || n.operator === ts.SyntaxKind.MinusMinusToken) &&
      rootedAtMath(n.operand)
    )
      found = n;
    else if (ts.isDeleteExpression(n) && rootedAtMath(n.expression)) found = n;
    else if (
      (ts.isForInStatement(n) || ts.isForOfStatement(n)) &&
      !ts.isVariableDeclarationList(n.initializer) &&
      targetChanges(n.initializer)
    )
      found = n.initializer;
    else if (ts.isCallExpression(n) && n.arguments.length > 0 && rootedAtMath(n.arguments[0])) {
      const callee = bare(n.expression);
      if (
        ts.isPropertyAccessExpression(callee) &&
        ts.isIdentifier(callee.expression) &&
        scopes.isGlobal(callee.expression, callee.expression.text) &&
        MUTATORS[callee.expression.text]?.has(callee.name.text)
      )
        found = n;
    }
    if (!found) ts.forEachChild(n, visit);
  };
  visit(file);
  return found;
}

/**
 * Where the file probably changed Math without the syntax showing it: the first use of the global
 * `Math` as a value of its own (`const M = Math`, `f(Math)`), not a member read; else undefined.
 */
export function mathAliasSite(file: ts.SourceFile): ts.Node | undefined {
  const scopes = new Scopes(file);
  let found: ts.Node | undefined;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(n) && n.text === 'Math' && scopes.isGlobal(n, 'Math')) {
      const p = n.parent;
      const member = (ts.isPropertyAccessExpression(p) || ts.isElementAccessExpression(p)) && p.expression === n;
      const name = ts.isPropertyAccessExpression(p) && p.name === n;
      if (!member && !name && !ts.isTypeReferenceNode(p) && !ts.isQualifiedName(p)) found = n;
    }
    if (!found) ts.forEachChild(n, visit);
  };
  visit(file);
  return found;
}

// ── no patches: at run time ──────────────────────────────────────────────

/** The runtime Math and the host's Math as they were before any learner code ran. */
const RUNTIME_MATH = gd.Math;
const snapshot = (o: object) => new Map(Reflect.ownKeys(o).map((k) => [k, Object.getOwnPropertyDescriptor(o, k) as PropertyDescriptor]));
const RUNTIME_SNAPSHOT = snapshot(RUNTIME_MATH);
const HOST_MATH = Math;
const HOST_SNAPSHOT = snapshot(HOST_MATH);
const RUNTIME_PROTOTYPE = Object.getPrototypeOf(RUNTIME_MATH) as object | null;
const HOST_PROTOTYPE = Object.getPrototypeOf(HOST_MATH) as object | null;

/**
 * Puts `o` back as `saved` describes it (`value` overrides the saved value of some members):
 * prototype, no added members, every member with its saved descriptor. True if anything differed
 * (also what cannot be put back: a frozen or sealed Math stays so, and is reported all the same).
 */
function restore(
  o: object,
  saved: Map<string | symbol, PropertyDescriptor>,
  prototype: object | null,
  value: (k: string | symbol) => unknown,
): boolean {
  let changed = !Object.isExtensible(o);
  if (Object.getPrototypeOf(o) !== prototype) {
    changed = true;
    Reflect.setPrototypeOf(o, prototype);
  }
  for (const k of Reflect.ownKeys(o)) {
    if (saved.has(k)) continue;
    changed = true;
    Reflect.deleteProperty(o, k);
  }
  for (const [k, d] of saved) {
    const want = 'value' in d ? { ...d, value: value(k) } : d;
    const now = Object.getOwnPropertyDescriptor(o, k);
    const same =
      now !== undefined &&
      now.value === want.value &&
      now.get === want.get &&
      now.set === want.set &&
      now.writable === want.writable &&
      now.enumerable === want.enumerable &&
      now.configurable === want.configurable;
    if (same) continue;
    changed = true;
    Reflect.defineProperty(o, k, want);
  }
  return changed;
}

/**
 * Whether learner code changed Math: the runtime's (a member, `random` included unless it is the
 * seeded one installed here; the object itself, `__gd.Math` replaced) or the host's. Both are put
 * back as they were, so nothing of a patch outlives this call.
 */
export function restoreMath(): boolean {
  let changed = false;
  if (gd.Math !== RUNTIME_MATH) {
    (gd as { Math: typeof RUNTIME_MATH }).Math = RUNTIME_MATH;
    changed = true;
  }
  changed =
    restore(RUNTIME_MATH, RUNTIME_SNAPSHOT, RUNTIME_PROTOTYPE, (k) => (k === 'random' ? installed : RUNTIME_SNAPSHOT.get(k)?.value)) ||
    changed;
  changed = restore(HOST_MATH, HOST_SNAPSHOT, HOST_PROTOTYPE, (k) => HOST_SNAPSHOT.get(k)?.value) || changed;
  return changed;
}
