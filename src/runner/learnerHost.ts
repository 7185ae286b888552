/**
 * What loading a learner's module needs from the platform, on Node (the CLI, the desktop
 * extension's sealed room): the learner's helper files from disk, and compiling the transpiled
 * module as a function under the learner's file name (so stack traces name their file and line).
 *
 * The browser's sealed room (a Web Worker, VS Code for the Web) gets learnerHost.web.ts instead:
 * esbuild's browser builds take a `.web.ts` twin wherever one exists (esbuild.js, `webTwins`).
 */
import vm from 'node:vm';
import { existsSync, readFileSync, statSync } from 'node:fs';

/** Whether a loss file may import other files here. */
export const RELATIVE_IMPORTS = true;

export function isFile(p: string): boolean {
  return existsSync(p) && statSync(p).isFile();
}

export function readText(p: string): string {
  return readFileSync(p, 'utf8');
}

/** The module's code as a function of `params`; its stack frames say `fileName` and the code's own lines. */
export function compileModule(code: string, params: readonly string[], fileName: string): (...args: unknown[]) => unknown {
  return vm.compileFunction(code, [...params], { filename: fileName }) as (...args: unknown[]) => unknown;
}
