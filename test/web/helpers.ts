/** What the web suites share: the extension, its API, the workspace's files, waiting. */
import * as vscode from 'vscode';
import { ok } from './check';

export const EXTENSION_ID = 'gdtutor.gradient-descent-tutor';

/** The part of the tutor's API (GdTutorApi, src/extension.ts) the web suites use. */
export interface RunResult {
  params: number[][];
  losses: number[];
  stoppedAt?: number;
  reason?: string;
}
export interface PanelSnapshot {
  legend: string[];
  status: string;
  layout?: { lossChartTop: number; lossChartHeight: number; lossChartPoints: number; viewportWidth: number; viewportHeight: number };
}
export interface TutorApi {
  train(file: vscode.Uri, options?: object): Promise<RunResult | undefined>;
  panelState(): Promise<PanelSnapshot | undefined>;
  /** Train → first point, Train → finished (ms), as the editor timed the file's last run. */
  lastTiming?(file: vscode.Uri): { firstPointMs?: number; finishedMs: number } | undefined;
}

export function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  ok(ext, `${EXTENSION_ID} is not installed in this workbench`);
  return ext;
}

/**
 * The API that activate() returns. Asked for by each test (not in a `before` hook), so that while
 * the browser entry lacks it every test fails on its own line instead of one hook hiding the rest.
 */
export async function tutorApi(): Promise<TutorApi> {
  const api = (await extension().activate()) as Partial<TutorApi> | undefined;
  ok(
    api && typeof api.train === 'function' && typeof api.panelState === 'function',
    'activate() in the browser entry did not return the tutor API (GdTutorApi with train and panelState, as src/extension.ts returns)',
  );
  return api as TutorApi;
}

/** Why a run gave no result, as the learner is told: the loss panel's status line. */
export async function whyNoResult(api: TutorApi): Promise<string> {
  const status = await api.panelState().then(
    (s) => s?.status,
    () => undefined,
  );
  return status ? `the panel says: ${status}` : 'no panel status';
}

/** The test workspace: a temporary copy of test/integration/workspace plus examples/, on the server's disk. */
export function workspaceFile(...parts: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  ok(folder, 'the workbench has no workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...parts);
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls `read` until `ready` holds or `timeoutMs` has passed; returns the last value read. */
export async function until<T>(read: () => Promise<T>, ready: (x: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const x = await read();
    if (ready(x) || Date.now() > deadline) return x;
    await sleep(250);
  }
}

/** `promise`'s outcome, or a rejection naming `what` when it has not settled within `ms`. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not settle within ${ms / 1000} s`)), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}
