/**
 * What several integration suites need (not a suite: mochaEntry runs only *.test.js): the test
 * workspace's folder, and the tutor's diagnostics on a file once they appear.
 */
import * as vscode from 'vscode';

/** The test workspace (a temporary copy of test/integration/workspace, see runTest.ts). */
export const workspaceFolder = (): vscode.Uri => (vscode.workspace.workspaceFolders as readonly vscode.WorkspaceFolder[])[0].uri;

/** The tutor's diagnostics on `uri`, waiting until there are some or `timeoutMs` has passed. */
export async function tutorDiagnostics(uri: vscode.Uri, timeoutMs: number): Promise<vscode.Diagnostic[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const d = vscode.languages.getDiagnostics(uri).filter((x) => x.source === 'gdTutor');
    if (d.length || Date.now() > deadline) return d;
    await new Promise((r) => setTimeout(r, 200));
  }
}
