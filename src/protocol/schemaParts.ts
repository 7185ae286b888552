/** The small valibot pieces every panel message schema is built from (panelProtocol.ts, teachingViewSchemas.ts). */
import * as v from 'valibot';

/** An object that is not an array (valibot's object() takes arrays, and its record() skips some keys). */
export function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Loss values may legitimately be ±Infinity or NaN (a diverged step), so only the type is checked. */
export const anyNumber = v.custom<number>((x) => typeof x === 'number');
export const finite = v.pipe(v.number(), v.finite());
/** Number.isInteger: no NaN, no ±Infinity, no fraction (and not only the safe integers). */
export const integer = v.pipe(v.number(), v.integer());
/** A non-negative integer (a step, a count). */
export const count = v.pipe(integer, v.minValue(0));
export const numbers = v.array(anyNumber);
export const finiteNumbers = v.array(finite);
export const strings = v.array(v.string());
/** A run's id as the webview sends it back. */
export const runId = v.pipe(v.string(), v.maxLength(64));
