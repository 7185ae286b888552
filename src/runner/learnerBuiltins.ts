/**
 * The built-in objects a learner's code shares with the engine (issue 14). A loss file runs in
 * the same JavaScript realm as the engine, the nn library, the optimizers and the teaching code
 * (moduleLoader.ts), so a change to `Object.prototype`, `Array.prototype.map` or `JSON.parse`
 * made by a loss file is a change to all of them: `Object.prototype.learningRate = 50` made SGD
 * run at η = 50 (every options object inherited it), a replaced `Array.prototype.map` made the
 * CLI print empty parameters. Nothing such a change could do is something a loss needs, so, as
 * for Math (learnerMath.ts), a change is refused with a clear error (learnerErrors.builtinPatched)
 * instead of being honoured:
 *
 * Statically, at its line (`builtinPatchSite`, called by the module loader for every file it
 * loads): any write the syntax shows to a built-in — the constructors and their prototypes
 * listed in CONSTRUCTORS, the namespaces JSON, Reflect and Atomics, the global bindings of those
 * names (`globalThis.Array = …`), and the prototype of a literal (`[].__proto__.map = …`,
 * `Object.getPrototypeOf([])`): assignment in every form (`=`, `+=`, `??=`, `++`, destructuring,
 * `for (X.y of …)`), `delete`, `Object.assign/defineProperty/defineProperties/setPrototypeOf/
 * freeze/seal/preventExtensions(X, …)`, the Reflect versions, `X.__defineGetter__(…)`, and the
 * array methods that change their receiver called on a built-in (`Array.prototype.push(1)`).
 * Only globals count: a file's own `const Array = …` is its own object (transformScope.ts).
 *
 * At run time: changes the syntax cannot show (`const P = Object.prototype; P.x = 1`,
 * `globalThis[name]`, a prototype reached through a variable) are found by comparing the own
 * property descriptors, the prototype and the extensibility of every object above (and the
 * iterator prototypes that `for…of` and spreading use, and the Set and Map a loss file gets,
 * identityRuntime.ts) with a snapshot taken when this module loaded, before any learner code.
 * compileLoss compares when it starts (silently: what an earlier file left), after loading the
 * file, after each of its evaluations and when an evaluation throws (a replaced built-in is often
 * why); trainLoss before a run (if anything ran since), during it (at most 0.5% of its time) and
 * at its end (CompiledLoss.checkBuiltins). Every comparison puts the snapshot back (added keys
 * deleted, changed descriptors redefined, the prototype reset), so nothing of a refused file
 * reaches the next one. What cannot be put back (a frozen `Object.prototype`, a member made
 * non-configurable) is reported once and then taken as it is; the worker that ran it runs no other
 * job. One comparison (about 700 members of about 60 objects) takes about 0.085 ms.
 *
 * Two members are the host's settings, not the engine's: `Error.stackTraceLimit` and
 * `Error.prepareStackTrace` (a test runner or a source-map tool sets them). Their baseline is
 * taken again when a compile starts (`adoptHostSettings`), so the host may change them between
 * runs, and a loss file may not change them during one.
 */
import ts from 'typescript';
import { identityRuntime } from './identityRuntime';
import { Scopes } from './transformScope';
import { bare, isValueReference, isAssignment } from './transformSyntax';

// ── what is protected ───────────────────────────────────────────────────

/** Constructors whose own members and `prototype` are protected. */
const CONSTRUCTORS = [
  'Object', 'Function', 'Array', 'Number', 'String', 'Boolean', 'Symbol', 'BigInt',
  'Error', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError', 'AggregateError',
  'Map', 'Set', 'WeakMap', 'WeakSet', 'Promise', 'RegExp', 'Date',
  'ArrayBuffer', 'SharedArrayBuffer', 'DataView',
  'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array',
  'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array',
] as const;

/** Objects that are not constructors: their own members are protected. */
const NAMESPACES = ['JSON', 'Reflect', 'Atomics'] as const;

/** Names a file may not write as globals (`Array = …`) or as members of the global object (`globalThis.JSON = …`). */
const GLOBAL_NAMES = new Set<string>([...CONSTRUCTORS, ...NAMESPACES]);

/** Global bindings protected at run time: the names above, and Math's (its members are learnerMath.ts's business). */
const BINDING_NAMES = [...GLOBAL_NAMES, 'Math'];

/** Members of Error that are the host's settings: their baseline is taken again at each compile. */
const HOST_SETTINGS = ['stackTraceLimit', 'prepareStackTrace'];

// ── no patches: at run time ──────────────────────────────────────────────

/*
 * The comparison runs while a built-in may be changed (a replaced `Array.prototype.push`, a
 * `get` added to Object.prototype, `globalThis.Object` replaced), so until everything is put back
 * it calls only functions taken here, before any learner code: no method of an array, no
 * iteration protocol, no global looked up, no write that could meet a setter, and saved
 * descriptors without a prototype.
 */
const { defineProperty, deleteProperty, getOwnPropertyDescriptor, getPrototypeOf, setPrototypeOf, isExtensible, ownKeys } = Reflect;
const is = Object.is;
const hasOwn = Object.hasOwn;
const create = Object.create;

type Key = string | symbol;

interface Saved {
  target: object;
  /** How the learner would write it: `Array.prototype`, `globalThis`. */
  label: string;
  prototype: object | null;
  extensible: boolean;
  keys: Key[];
  /** Without a prototype: a `get` or `value` added to Object.prototype must not be read from them. */
  descriptors: PropertyDescriptor[];
  /** Only these keys are watched (the global object has many members that are not ours). */
  partial: boolean;
}

/** A copy of a descriptor without a prototype. */
function bareDescriptor(d: PropertyDescriptor): PropertyDescriptor {
  const out = create(null) as PropertyDescriptor;
  if (hasOwn(d, 'value')) out.value = d.value;
  if (hasOwn(d, 'writable')) out.writable = d.writable;
  if (hasOwn(d, 'get')) out.get = d.get;
  if (hasOwn(d, 'set')) out.set = d.set;
  out.enumerable = d.enumerable;
  out.configurable = d.configurable;
  return out;
}

const realm = globalThis as unknown as Record<string, unknown>;

function save(target: object, label: string, only?: Key[]): Saved {
  const keys = only ? only.filter((k) => hasOwn(target, k)) : ownKeys(target);
  const descriptors = keys.map((k) => bareDescriptor(getOwnPropertyDescriptor(target, k) as PropertyDescriptor));
  return { target, label, prototype: getPrototypeOf(target), extensible: isExtensible(target), keys, descriptors, partial: only !== undefined };
}

/** Every protected object as it is now, before any learner code (this module loads with the compiler). */
function snapshotAll(): Saved[] {
  const out: Saved[] = [];
  const seen = new Set<object>();
  const add = (target: unknown, label: string) => {
    if ((typeof target !== 'object' && typeof target !== 'function') || target === null || seen.has(target)) return;
    seen.add(target);
    out.push(save(target, label));
  };
  // Object.prototype first: every other descriptor read inherits from it.
  add(Object.prototype, 'Object.prototype');
  for (const name of CONSTRUCTORS) {
    const c = realm[name] as { prototype?: unknown } | undefined;
    add(c, name);
    add(c?.prototype, `${name}.prototype`);
  }
  for (const name of NAMESPACES) add(realm[name], name);
  // %TypedArray%, the common constructor and prototype of Float64Array and the others.
  const typedArray = Object.getPrototypeOf(Float64Array) as { prototype: unknown };
  add(typedArray, 'TypedArray');
  add(typedArray.prototype, 'TypedArray.prototype');
  // What `for…of`, spreading and destructuring call.
  const arrayIterator = Object.getPrototypeOf([][Symbol.iterator]()) as object;
  add(arrayIterator, 'Object.getPrototypeOf([][Symbol.iterator]())');
  add(Object.getPrototypeOf(arrayIterator), 'Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()))');
  add(Object.getPrototypeOf(new Map()[Symbol.iterator]()), 'Object.getPrototypeOf(new Map()[Symbol.iterator]())');
  add(Object.getPrototypeOf(new Set()[Symbol.iterator]()), 'Object.getPrototypeOf(new Set()[Symbol.iterator]())');
  add(Object.getPrototypeOf(''[Symbol.iterator]()), "Object.getPrototypeOf(''[Symbol.iterator]())");
  // The Set and Map a loss file constructs (identityRuntime.ts): the learner's `Set.prototype`.
  const runtime = identityRuntime as unknown as Record<string, { prototype?: unknown } | undefined>;
  for (const name of ['Set', 'Map']) {
    add(runtime[name], name);
    add(runtime[name]?.prototype, `${name}.prototype`);
  }
  seen.add(globalThis);
  out.push(save(globalThis, 'globalThis', BINDING_NAMES.filter((n) => n in realm)));
  return out;
}

const SAVED = snapshotAll();
const ERROR_SAVED = SAVED.find((s) => s.target === Error) as Saved;

/** The index of `k` among the saved keys, or −1 (a loop: no array method). */
function indexOfKey(s: Saved, k: Key): number {
  const { keys } = s;
  for (let i = 0; i < keys.length; i++) if (keys[i] === k) return i;
  return -1;
}

/** Adds `v` at the end of `list` without a setter a learner may have put on Array.prototype. */
function append<T>(list: T[], v: T): void {
  const d = create(null) as PropertyDescriptor;
  d.value = v;
  d.writable = true;
  d.enumerable = true;
  d.configurable = true;
  defineProperty(list, list.length, d);
}

/** Removes `list[i]` (writes to its own elements and length only). */
function removeAt<T>(list: T[], i: number): void {
  for (let j = i + 1; j < list.length; j++) list[j - 1] = list[j];
  list.length -= 1;
}

/** Takes `k` of a saved object as it is now (or its absence) as the baseline. */
function accept(s: Saved, k: Key): void {
  const now = getOwnPropertyDescriptor(s.target, k);
  const i = indexOfKey(s, k);
  if (now === undefined) {
    if (i >= 0) {
      removeAt(s.keys, i);
      removeAt(s.descriptors, i);
    }
  } else if (i >= 0) s.descriptors[i] = bareDescriptor(now);
  else {
    append(s.keys, k);
    append(s.descriptors, bareDescriptor(now));
  }
}

/** Takes the host's current `Error.stackTraceLimit` and `Error.prepareStackTrace` as their baseline. */
export function adoptHostSettings(): void {
  for (let i = 0; i < HOST_SETTINGS.length; i++) accept(ERROR_SAVED, HOST_SETTINGS[i]);
}

const sameDescriptor = (a: PropertyDescriptor | undefined, b: PropertyDescriptor) =>
  a !== undefined && is(a.value, b.value) && a.get === b.get && a.set === b.set && a.writable === b.writable && a.enumerable === b.enumerable && a.configurable === b.configurable;

/** What differs in a saved object: its prototype, its extensibility, or one key. */
type Difference = { saved: Saved; prototype?: true; extensible?: true; key?: Key };

/** Deletes the keys `target` has and `s` did not save; the first one found, or undefined. */
function deleteAdded(s: Saved, stuck: Key[]): Key | undefined {
  const { target, keys } = s;
  const known = create(null) as Record<Key, boolean>;
  for (let i = 0; i < keys.length; i++) known[keys[i] as string] = true;
  const own = ownKeys(target);
  let first: Key | undefined;
  for (let i = 0; i < own.length; i++) {
    const k = own[i];
    if (known[k as string] === true) continue;
    if (first === undefined) first = k;
    if (!deleteProperty(target, k)) append(stuck, k);
  }
  return first;
}

/**
 * Puts one object back as saved; the first difference found, or undefined. Keys are compared
 * without regard to order (a key deleted and added again with its old descriptor is no change:
 * key order cannot be put back anyway). What cannot be put back (a member made non-configurable,
 * a frozen object) is reported once, then taken as it is, so that it is not blamed on every later
 * file of this process; the worker that ran such a file runs no other job.
 */
function restoreOne(s: Saved): Difference | undefined {
  const { target, keys, descriptors } = s;
  let changed: Difference | undefined;
  if (getPrototypeOf(target) !== s.prototype) {
    changed = { saved: s, prototype: true };
    if (!setPrototypeOf(target, s.prototype)) s.prototype = getPrototypeOf(target);
  }
  if (s.extensible && !isExtensible(target)) {
    changed ??= { saved: s, extensible: true };
    s.extensible = false;
  }
  const stuck: Key[] = [];
  // Added keys first (a `get` added to Object.prototype is the change to name, not what it upsets).
  if (!s.partial && ownKeys(target).length !== keys.length) {
    const added = deleteAdded(s, stuck);
    if (added !== undefined) changed ??= { saved: s, key: added };
  }
  let deleted = false;
  for (let i = 0; i < keys.length; i++) {
    const now = getOwnPropertyDescriptor(target, keys[i]);
    if (sameDescriptor(now, descriptors[i])) continue;
    changed ??= { saved: s, key: keys[i] };
    if (now === undefined) deleted = true;
    if (!defineProperty(target, keys[i], descriptors[i])) append(stuck, keys[i]);
  }
  // A key deleted and another added: the same count, but an unknown key is there now.
  if (!s.partial && deleted) deleteAdded(s, stuck);
  for (let i = 0; i < stuck.length; i++) accept(s, stuck[i]);
  return changed;
}

/** `.map`, `[Symbol.iterator]`, `["0"]`: a key as a learner would write it after an object. */
export function keyText(k: Key): string {
  if (typeof k === 'symbol') return `[${k.description ?? 'Symbol()'}]`;
  return /^[A-Za-z_$][\w$]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`;
}

/** A difference as the learner would write the changed place. */
function differenceText({ saved, prototype, extensible, key }: Difference): string {
  if (prototype) return `Object.setPrototypeOf(${saved.label}, …)`;
  if (extensible) return `Object.preventExtensions(${saved.label})`;
  return `${saved.label}${keyText(key as Key)}`;
}

/**
 * Whether learner code changed a built-in since this module loaded (or since the last call): the
 * first change found, as the learner would write the member (`Object.prototype.learningRate`,
 * `globalThis.Array`), or undefined. Every protected object is put back as it was, whatever is
 * found, so nothing of a change outlives this call (but a frozen object stays frozen).
 */
export function restoreBuiltins(): string | undefined {
  ranSinceCheck = false;
  let first: Difference | undefined;
  for (let i = 0; i < SAVED.length; i++) {
    const changed = restoreOne(SAVED[i]);
    first ??= changed;
  }
  // Everything is put back: ordinary code again.
  return first && differenceText(first);
}

/** Whether learner code may have run since the last comparison (compile.ts says when it runs some). */
let ranSinceCheck = true;

/** Learner code is about to run (an evaluation of a compiled loss): the next comparison must look. */
export function learnerCodeRuns(): void {
  ranSinceCheck = true;
}

/** restoreBuiltins, skipped (undefined) when no learner code has run since the last comparison. */
export function restoreBuiltinsIfRan(): string | undefined {
  return ranSinceCheck ? restoreBuiltins() : undefined;
}

/** How many own members the run-time check compares (for the measurement in the tests). */
export const watchedMembers = (): number => SAVED.reduce((n, s) => n + s.keys.length, 0);

// ── no patches: syntax ───────────────────────────────────────────────────

/** `Object.f(target, …)` / `Reflect.f(target, …)` that change their first argument. */
const MUTATORS: Record<string, Set<string>> = {
  Object: new Set(['assign', 'defineProperty', 'defineProperties', 'setPrototypeOf', 'freeze', 'seal', 'preventExtensions']),
  Reflect: new Set(['set', 'defineProperty', 'deleteProperty', 'setPrototypeOf', 'preventExtensions']),
};

/** Methods that change their receiver: on a built-in (`Array.prototype.push(1)`) they change the built-in. */
const RECEIVER_MUTATORS = new Set(['__defineGetter__', '__defineSetter__', 'push', 'pop', 'shift', 'unshift', 'splice', 'sort', 'reverse', 'fill', 'copyWithin']);

/** Names of the global object a file can write through. */
const GLOBAL_OBJECTS = new Set(['globalThis', 'global']);


/** The name of a member access written with a name or a string literal (`a.b`, `a['b']`), else undefined. */
function memberName(x: ts.Expression): string | undefined {
  if (ts.isPropertyAccessExpression(x)) return ts.isIdentifier(x.name) ? x.name.text : undefined;
  if (ts.isElementAccessExpression(x)) {
    const a = bare(x.argumentExpression);
    return ts.isStringLiteral(a) || ts.isNoSubstitutionTemplateLiteral(a) ? a.text : undefined;
  }
  return undefined;
}

const isAccess = (x: ts.Node): x is ts.PropertyAccessExpression | ts.ElementAccessExpression => ts.isPropertyAccessExpression(x) || ts.isElementAccessExpression(x);

/** A value written in the source whose prototype is a built-in one: `[]`, `{}`, `0`, `''`, `/x/`, `() => 0`, `new Array()`. */
function isLiteral(x: ts.Expression): boolean {
  switch (x.kind) {
    case ts.SyntaxKind.ArrayLiteralExpression:
    case ts.SyntaxKind.ObjectLiteralExpression:
    case ts.SyntaxKind.NumericLiteral:
    case ts.SyntaxKind.BigIntLiteral:
    case ts.SyntaxKind.StringLiteral:
    case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
    case ts.SyntaxKind.TemplateExpression:
    case ts.SyntaxKind.RegularExpressionLiteral:
    case ts.SyntaxKind.TrueKeyword:
    case ts.SyntaxKind.FalseKeyword:
    case ts.SyntaxKind.FunctionExpression:
    case ts.SyntaxKind.ArrowFunction:
    case ts.SyntaxKind.ClassExpression:
      return true;
    default:
      return false;
  }
}

/** A short text of an expression as the learner wrote it, without type assertions: `Array.prototype.map`. */
export function targetText(e: ts.Expression, file: ts.SourceFile): string {
  const x = bare(e);
  let text: string;
  if (ts.isPropertyAccessExpression(x)) text = `${targetText(x.expression, file)}.${x.name.text}`;
  else if (ts.isElementAccessExpression(x)) text = `${targetText(x.expression, file)}[${x.argumentExpression.getText(file)}]`;
  else text = x.getText(file).replace(/\s+/g, ' ');
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

class BuiltinSyntax {
  private readonly scopes: Scopes;

  constructor(private readonly file: ts.SourceFile) {
    this.scopes = new Scopes(file);
  }

  private isGlobalName(x: ts.Expression, names: ReadonlySet<string>): x is ts.Identifier {
    return ts.isIdentifier(x) && names.has(x.text) && isValueReference(x) && this.scopes.isGlobal(x, x.text);
  }

  /** `Object.assign(x, …)`, `Reflect.set(x, …)` and the other calls that change their first argument: that argument. */
  private mutated(n: ts.CallExpression): ts.Expression | undefined {
    const callee = bare(n.expression);
    if (!ts.isPropertyAccessExpression(callee) || n.arguments.length === 0) return undefined;
    const owner = bare(callee.expression);
    return ts.isIdentifier(owner) && MUTATORS[owner.text]?.has(callee.name.text) && this.scopes.isGlobal(owner, owner.text) ? n.arguments[0] : undefined;
  }

  /** `globalThis` or Node's `global`, unless the file declares the name. */
  isGlobalObject(e: ts.Expression): boolean {
    return this.isGlobalName(bare(e), GLOBAL_OBJECTS);
  }

  /**
   * The expression denotes a protected built-in object itself: `Array`, `globalThis.JSON`,
   * `Array.prototype`, `Float64Array.prototype.__proto__`, `[].__proto__`, `(0).constructor`,
   * `Object.getPrototypeOf([])`.
   */
  isBuiltin(e: ts.Expression): boolean {
    const x = bare(e);
    if (this.isGlobalName(x, GLOBAL_NAMES)) return true;
    if (isAccess(x)) {
      const name = memberName(x);
      const base = bare(x.expression);
      if (name === 'prototype') return this.isBuiltin(base);
      if (name === '__proto__' || name === 'constructor') return isLiteral(base) || (ts.isNewExpression(base) && this.isGlobalName(bare(base.expression), GLOBAL_NAMES)) || this.isBuiltin(base);
      return name !== undefined && GLOBAL_NAMES.has(name) && this.isGlobalObject(base);
    }
    if (ts.isCallExpression(x) && x.arguments.length > 0 && memberName(bare(x.expression)) === 'getPrototypeOf') {
      const callee = bare(x.expression) as ts.PropertyAccessExpression;
      const arg = bare(x.arguments[0]);
      return this.isGlobalName(bare(callee.expression), new Set(['Object', 'Reflect'])) && (isLiteral(arg) || this.isBuiltin(arg));
    }
    return false;
  }

  /** A built-in, or a member of one at any depth (`Array.prototype.map.call`): writing it changes the built-in. */
  rootedAtBuiltin(e: ts.Expression): boolean {
    let x = bare(e);
    for (;;) {
      if (this.isBuiltin(x)) return true;
      if (!isAccess(x)) return false;
      x = bare(x.expression);
    }
  }

  /** Writing to `e` changes a built-in (`e` an assignment target, a `delete` operand). */
  writes(e: ts.Expression): boolean {
    const x = bare(e);
    if (isAccess(x)) {
      const name = memberName(x);
      // `o.__proto__ = p` sets o's prototype: a change to a built-in only when o is (part of) one.
      if (name === '__proto__') return this.rootedAtBuiltin(x.expression);
      // The global binding of Math (what Math's members are is learnerMath.ts's business).
      if (name === 'Math' && this.isGlobalObject(x.expression)) return true;
    }
    return this.rootedAtBuiltin(x);
  }

  /** An assignment target, destructuring patterns included: the first written place that is a built-in. */
  target(e: ts.Expression): ts.Expression | undefined {
    const x = bare(e);
    if (ts.isArrayLiteralExpression(x)) {
      for (const el of x.elements) {
        const t = ts.isOmittedExpression(el) ? undefined : this.target(ts.isSpreadElement(el) ? el.expression : el);
        if (t) return t;
      }
      return undefined;
    }
    if (ts.isObjectLiteralExpression(x)) {
      for (const p of x.properties) {
        const t = ts.isPropertyAssignment(p) ? this.target(p.initializer) : ts.isShorthandPropertyAssignment(p) ? (GLOBAL_NAMES.has(p.name.text) && this.scopes.isGlobal(p.name, p.name.text) ? p.name : undefined) : ts.isSpreadAssignment(p) ? this.target(p.expression) : undefined;
        if (t) return t;
      }
      return undefined;
    }
    // `[Array.prototype.map = f] = []`: a default inside a pattern.
    if (ts.isBinaryExpression(x) && x.operatorToken.kind === ts.SyntaxKind.EqualsToken) return this.target(x.left);
    return this.writes(x) ? x : undefined;
  }

  /** What a call changes when it changes a built-in: `Object.assign(Array.prototype, …)` → `Array.prototype`. */
  callTarget(n: ts.CallExpression): ts.Expression | undefined {
    const callee = bare(n.expression);
    if (!isAccess(callee)) return undefined;
    const method = memberName(callee);
    if (method === undefined) return undefined;
    const owner = bare(callee.expression);
    if (RECEIVER_MUTATORS.has(method) && this.isBuiltin(owner)) return owner;
    const first = this.mutated(n);
    if (!first) return undefined;
    if (this.writes(first)) return first;
    if (!this.isGlobalObject(first)) return undefined;
    // `Object.defineProperty(globalThis, 'Array', …)`, `Reflect.set(globalThis, 'JSON', …)`.
    const key = n.arguments[1] && bare(n.arguments[1]);
    if (key && (ts.isStringLiteral(key) || ts.isNoSubstitutionTemplateLiteral(key)) && (GLOBAL_NAMES.has(key.text) || key.text === 'Math')) return n;
    // `Object.assign(globalThis, { Array: … })`, `Object.defineProperties(globalThis, { JSON: … })`.
    const named = (p: ts.ObjectLiteralElementLike) => p.name !== undefined && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && (GLOBAL_NAMES.has(p.name.text) || p.name.text === 'Math');
    if (n.arguments.slice(1).some((a) => ts.isObjectLiteralExpression(bare(a)) && (bare(a) as ts.ObjectLiteralExpression).properties.some(named))) return n;
    return undefined;
  }

  /** The first change to a built-in the syntax shows: the node to mark, and the changed place's text. */
  firstPatch(): { node: ts.Node; what: string } | undefined {
    let found: { node: ts.Node; what: string } | undefined;
    const hit = (node: ts.Node, target: ts.Expression) => {
      found = { node, what: targetText(ts.isCallExpression(target) ? (target.arguments[0] ?? target) : target, this.file) };
    };
    const visit = (n: ts.Node): void => {
      if (found) return;
      if (ts.isBinaryExpression(n) && isAssignment(n.operatorToken.kind)) {
        const t = this.target(n.left);
        if (t) hit(n, t);
      } else if ((ts.isPrefixUnaryExpression(n) || ts.isPostfixUnaryExpression(n)) && (n.operator === ts.SyntaxKind.PlusPlusToken || n.operator === ts.SyntaxKind.MinusMinusToken)) {
        if (this.writes(n.operand)) hit(n, n.operand);
      } else if (ts.isDeleteExpression(n)) {
        if (this.writes(n.expression)) hit(n, n.expression);
      } else if ((ts.isForInStatement(n) || ts.isForOfStatement(n)) && !ts.isVariableDeclarationList(n.initializer)) {
        const t = this.target(n.initializer);
        if (t) hit(n.initializer, t);
      } else if (ts.isCallExpression(n)) {
        const t = this.callTarget(n);
        if (t) {
          const key = t === n ? bare(n.arguments[1]) : undefined;
          // `Object.defineProperty(globalThis, 'Array', …)`: the binding's name, not the global object.
          found = { node: n, what: key && (ts.isStringLiteral(key) || ts.isNoSubstitutionTemplateLiteral(key)) ? `${targetText(n.arguments[0], this.file)}.${key.text}` : targetText(t === n ? n.arguments[0] : t, this.file) };
        }
      }
      if (!found) ts.forEachChild(n, visit);
    };
    visit(this.file);
    return found;
  }

  /**
   * Where a change found only at run time was probably made: the first write through a prototype
   * (`x.__proto__.y = …`, `Object.getPrototypeOf(x).y = …`, `x.constructor.prototype.y = …`) or
   * through the global object with a computed name (`globalThis[name] = …`), or the first use of a
   * built-in object as a value of its own (`const P = Object.prototype`, `f(Array.prototype)`);
   * whichever comes first. Constructors passed as callbacks (`xs.map(Number)`) do not count.
   */
  aliasSite(): ts.Node | undefined {
    let found: ts.Node | undefined;
    const throughPrototype = (e: ts.Expression): boolean => {
      let x = bare(e);
      for (;;) {
        if (ts.isCallExpression(x) && memberName(bare(x.expression)) === 'getPrototypeOf') return true;
        if (!isAccess(x)) return false;
        const name = memberName(x);
        if (name === '__proto__' || name === 'prototype' || name === 'constructor') return true;
        if (this.isGlobalObject(x.expression) && (name === undefined || GLOBAL_NAMES.has(name))) return true;
        x = bare(x.expression);
      }
    };
    const writtenThrough = (e: ts.Expression): boolean => {
      const x = bare(e);
      if (ts.isArrayLiteralExpression(x)) return x.elements.some((el) => !ts.isOmittedExpression(el) && writtenThrough(ts.isSpreadElement(el) ? el.expression : el));
      if (ts.isObjectLiteralExpression(x)) return x.properties.some((p) => (ts.isPropertyAssignment(p) ? writtenThrough(p.initializer) : ts.isSpreadAssignment(p) ? writtenThrough(p.expression) : false));
      if (ts.isBinaryExpression(x) && x.operatorToken.kind === ts.SyntaxKind.EqualsToken) return writtenThrough(x.left);
      return isAccess(x) && throughPrototype(x);
    };
    const usedAsValue = (x: ts.Expression): boolean => {
      const p = x.parent;
      if (isAccess(p) && p.expression === x) return false;
      if (ts.isPropertyAccessExpression(p) && p.name === x) return false;
      if ((ts.isCallExpression(p) || ts.isNewExpression(p)) && p.expression === x) return false;
      if (ts.isBinaryExpression(p) && p.right === x && (p.operatorToken.kind === ts.SyntaxKind.InstanceOfKeyword || p.operatorToken.kind === ts.SyntaxKind.InKeyword)) return false;
      if (ts.isTypeOfExpression(p) || ts.isHeritageClause(p) || ts.isExpressionWithTypeArguments(p)) return false;
      // `xs.map(Number)`, `xs.filter(Boolean)`: a constructor as a callback.
      if ((ts.isCallExpression(p) || ts.isNewExpression(p)) && ts.isIdentifier(x)) return false;
      // Inside a parenthesis or an assertion: the outer expression decides.
      if (ts.isParenthesizedExpression(p) || ts.isAsExpression(p) || ts.isNonNullExpression(p) || ts.isTypeAssertionExpression(p) || ts.isSatisfiesExpression(p)) return usedAsValue(p);
      return true;
    };
    const visit = (n: ts.Node): void => {
      if (found) return;
      if (ts.isBinaryExpression(n) && isAssignment(n.operatorToken.kind) && writtenThrough(n.left)) found = n;
      else if (ts.isDeleteExpression(n) && writtenThrough(n.expression)) found = n;
      else if (ts.isCallExpression(n) && this.mutated(n) && throughPrototype(this.mutated(n) as ts.Expression)) found = n;
      else if (ts.isExpression(n) && this.isBuiltin(n) && usedAsValue(n)) found = n;
      if (!found) ts.forEachChild(n, visit);
    };
    visit(this.file);
    return found;
  }
}

/**
 * The first place where the file changes a built-in the engine shares with it, and that place as
 * the learner would write it (`Array.prototype.map`), or undefined. Only globals count: a file's
 * own `const Array = …` is its own object.
 */
export function builtinPatchSite(file: ts.SourceFile): { node: ts.Node; what: string } | undefined {
  return new BuiltinSyntax(file).firstPatch();
}

/** Where the file probably changed a built-in without the syntax showing it (see BuiltinSyntax.aliasSite), else undefined. */
export function builtinAliasSite(file: ts.SourceFile): ts.Node | undefined {
  return new BuiltinSyntax(file).aliasSite();
}
