/**
 * The built-in objects a learner's code shares with the engine (the sealed room). A loss file runs in
 * the same JavaScript realm as the engine, the nn library, the optimizers and the teaching code
 * (moduleLoader.ts), so a change to `Object.prototype`, `Array.prototype.map` or `JSON.parse`
 * made by a loss file is a change to all of them: `Object.prototype.learningRate = 50` made SGD
 * run at η = 50 (every options object inherited it), a replaced `Array.prototype.map` made the
 * CLI print empty parameters. Nothing such a change could do is something a loss needs, so, as
 * for Math (learnerMath.ts), a change is refused with a clear error (learnerErrors.builtinPatched)
 * instead of being honoured:
 *
 * Statically, at its line (learnerBuiltinsSyntax.ts: `builtinPatchSite`, called by the module loader for every file it
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
import { identityRuntime } from './identityRuntime';
import { CONSTRUCTORS, NAMESPACES, BINDING_NAMES, HOST_SETTINGS } from './builtinNames';

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
  return {
    target,
    label,
    prototype: getPrototypeOf(target),
    extensible: isExtensible(target),
    keys,
    descriptors,
    partial: only !== undefined,
  };
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
  out.push(
    save(
      globalThis,
      'globalThis',
      BINDING_NAMES.filter((n) => n in realm),
    ),
  );
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
  a !== undefined &&
  is(a.value, b.value) &&
  a.get === b.get &&
  a.set === b.set &&
  a.writable === b.writable &&
  a.enumerable === b.enumerable &&
  a.configurable === b.configurable;

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
  lastChanged = first?.key !== undefined ? { target: first.saved.target, key: first.key } : undefined;
  // Everything is put back: ordinary code again.
  return first && differenceText(first);
}

/** The member the last comparison found changed (for trapChangedMember), if it was one key. */
let lastChanged: { target: object; key: Key } | undefined;

/** What the trap of trapChangedMember throws: its stack holds the learner's line. */
export class BuiltinWriteTrapped extends Error {}

/**
 * Makes the member the last comparison found changed throw when it is assigned again, so that
 * evaluating the same code once more points at the line that writes it (a write the syntax could
 * not see: `protoOf(o)[k] = 50`). Returns the function that takes the trap away (and puts the
 * member back), or undefined when the change was not one member.
 */
export function trapChangedMember(): (() => void) | undefined {
  const changed = lastChanged;
  if (!changed) return undefined;
  const { target, key } = changed;
  const before = getOwnPropertyDescriptor(target, key);
  const trap = create(null) as PropertyDescriptor;
  trap.configurable = true;
  trap.enumerable = before?.enumerable ?? false;
  trap.get = () => before?.value;
  trap.set = () => {
    throw new BuiltinWriteTrapped(`write to ${keyText(key)}`);
  };
  if (!defineProperty(target, key, trap)) return undefined;
  return () => {
    if (before) defineProperty(target, key, before);
    else deleteProperty(target, key);
  };
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
