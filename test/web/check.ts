/**
 * The few assertions the web suites need. Node's `assert` does not exist in the web-worker host;
 * these stand in for it rather than the npm `assert` port, which would need a `process` shim and
 * a lockfile change for four functions.
 */
export class AssertionError extends Error {
  override name = 'AssertionError';
}

export function ok(value: unknown, message: string): asserts value {
  if (!value) throw new AssertionError(message);
}

export function equal<T>(actual: T, expected: T, message: string): void {
  if (actual !== expected) throw new AssertionError(`${message}: expected ${String(expected)}, got ${String(actual)}`);
}

export function match(text: string, pattern: RegExp, message: string): void {
  if (!pattern.test(text)) throw new AssertionError(`${message}: ${pattern} does not match ${JSON.stringify(text.slice(0, 400))}`);
}

/**
 * Every number of `actual` within `tolerance` of `expected` (relative above 1 in magnitude,
 * absolute below), same shapes; the first difference is named by its index.
 */
export function closeTo(actual: unknown, expected: unknown, tolerance: number, what: string): void {
  if (Array.isArray(expected)) {
    ok(Array.isArray(actual), `${what} is not an array: ${JSON.stringify(actual)?.slice(0, 200)}`);
    equal(actual.length, expected.length, `${what}.length`);
    expected.forEach((e, i) => closeTo(actual[i], e, tolerance, `${what}[${i}]`));
    return;
  }
  ok(typeof actual === 'number' && typeof expected === 'number', `${what}: ${String(actual)} is not a number like ${String(expected)}`);
  const scale = Math.max(1, Math.abs(expected));
  ok(
    actual === expected || Math.abs(actual - expected) <= tolerance * scale,
    `${what} = ${actual}, the desktop CLI gives ${expected} (differs by ${Math.abs(actual - expected)}, more than ${tolerance})`,
  );
}
