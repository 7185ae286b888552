/**
 * learnerHost.ts for the browser's sealed room (a Web Worker in VS Code for the Web): there is no
 * disk to read helper files from, and no `vm`. The module is compiled with an indirect eval whose
 * wrapper opens on the code's first line, so line numbers in stack traces are the code's own
 * (as with vm.compileFunction); `//# sourceURL` makes the frames name the learner's file.
 */

/** A loss file cannot import other files on the web: moduleLoader says so at the import. */
export const RELATIVE_IMPORTS = false;

export function isFile(_p: string): boolean {
  return false;
}

export function readText(p: string): string {
  throw new Error(`no file system in the browser's sealed room: ${p}`);
}

export function compileModule(code: string, params: readonly string[], fileName: string): (...args: unknown[]) => unknown {
  const indirectEval = eval;
  // No newline between the wrapper and the code: line 1 of the code is line 1 of the frame.
  return indirectEval(`(function (${params.join(', ')}) {${code}\n})\n//# sourceURL=${fileName}`) as (...args: unknown[]) => unknown;
}
