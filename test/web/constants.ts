/**
 * Values fixed when the bundle is built (scripts/vscode-test/buildWebTests.mjs passes them to
 * esbuild's `define`): the web-worker host has no Node to run the desktop CLI or read the repo.
 */
export interface CliRun {
  params: number[][];
  losses: number[];
}

declare const __GDTUTOR_CLI__: Record<'quadratic' | 'rosenbrock', CliRun>;
declare const __GDTUTOR_REPO_ROOT__: string;
declare const __GDTUTOR_GREP__: string;

/** `node dist/cli.js train examples/<name>.ts --json` on the desktop, at build time. */
export const CLI_RUNS = __GDTUTOR_CLI__;
/** The repository on the server's disk (screenshots go under its .artifacts/). */
export const REPO_ROOT = __GDTUTOR_REPO_ROOT__;
/** GDTUTOR_GREP at build time: run only the tests whose title matches. */
export const GREP = __GDTUTOR_GREP__;
