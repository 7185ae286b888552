/**
 * What the web cannot do is said, not failed silently (issue 18): a loss file that imports another
 * file trains on the desktop (helpers are read from the workspace), but the browser's sealed room
 * has no disk — the learner gets the reason at the import's line, in Korean (and English).
 */
import * as vscode from 'vscode';
import { ok } from './check';
import { sleep, tutorApi, within, workspaceFile } from './helpers';

describe('what the browser cannot do, said clearly', function () {
  this.timeout(90_000);

  it('a loss file that imports a helper file: no run, and the reason at the import (Korean, with the way out)', async () => {
    const api = await tutorApi();
    const helper = workspaceFile('web-helper.ts');
    const file = workspaceFile('imports-helper.ts');
    const encode = (text: string) => new TextEncoder().encode(text);
    await vscode.workspace.fs.writeFile(helper, encode('export const target = 3;\n'));
    await vscode.workspace.fs.writeFile(
      file,
      encode("import { target } from './web-helper';\n\nexport function loss(w: number) {\n  return (w - target) ** 2;\n}\n"),
    );
    const result = await within(api.train(file), 60_000, 'api.train(imports-helper.ts)');
    ok(result === undefined, 'a file importing a helper gave a result in the browser');
    // The editor's diagnostic is at the import (line 1), with the reason and what to do instead.
    let found: vscode.Diagnostic | undefined;
    for (let i = 0; i < 50 && !found; i++) {
      found = vscode.languages.getDiagnostics(file).find((d) => d.message.includes('VS Code for the Web'));
      if (!found) await sleep(100);
    }
    ok(found, `no diagnostic about the web: ${JSON.stringify(vscode.languages.getDiagnostics(file).map((d) => d.message))}`);
    ok(found.range.start.line === 0, `the diagnostic is on line ${found.range.start.line + 1}, not at the import (line 1)`);
    ok(/다른 파일\('\.\/web-helper'\)을 가져올 수 없습니다/.test(found.message), found.message);
    ok(/데스크톱 VS Code/.test(found.message), `the way out is missing: ${found.message}`);
  });
});
