/**
 * The built-ins a loss file shares with the engine and may not change (learnerBuiltins.ts at run
 * time, learnerBuiltinsSyntax.ts at the line).
 */

/** Constructors whose own members and `prototype` are protected. */
export const CONSTRUCTORS = [
  'Object',
  'Function',
  'Array',
  'Number',
  'String',
  'Boolean',
  'Symbol',
  'BigInt',
  'Error',
  'EvalError',
  'RangeError',
  'ReferenceError',
  'SyntaxError',
  'TypeError',
  'URIError',
  'AggregateError',
  'Map',
  'Set',
  'WeakMap',
  'WeakSet',
  'Promise',
  'RegExp',
  'Date',
  'ArrayBuffer',
  'SharedArrayBuffer',
  'DataView',
  'Int8Array',
  'Uint8Array',
  'Uint8ClampedArray',
  'Int16Array',
  'Uint16Array',
  'Int32Array',
  'Uint32Array',
  'Float32Array',
  'Float64Array',
  'BigInt64Array',
  'BigUint64Array',
] as const;

/** Objects that are not constructors: their own members are protected. */
export const NAMESPACES = ['JSON', 'Reflect', 'Atomics'] as const;

/** Names a file may not write as globals (`Array = …`) or as members of the global object (`globalThis.JSON = …`). */
export const GLOBAL_NAMES = new Set<string>([...CONSTRUCTORS, ...NAMESPACES]);

/** Global bindings protected at run time: the names above, and Math's (its members are learnerMath.ts's business). */
export const BINDING_NAMES = [...GLOBAL_NAMES, 'Math'];

/** Members of Error that are the host's settings: their baseline is taken again at each compile. */
export const HOST_SETTINGS = ['stackTraceLimit', 'prepareStackTrace'];
