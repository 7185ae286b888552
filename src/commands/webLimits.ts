/**
 * What VS Code for the Web cannot do that the desktop can, said once, when it matters, instead of
 * failing silently. Today one thing: the TypeScript server plugin that types `import … from
 * 'gdtutor'` (ts-plugin/) is a Node module, which the web's TypeScript server does not load, so
 * the import is underlined there although training works.
 */
import * as vscode from 'vscode';
import { t } from '../l10n/localize';

const IMPORTS_GDTUTOR = /\bfrom\s+['"]gdtutor['"]|\brequire\(\s*['"]gdtutor['"]\s*\)/;

export function explainWebLimits(context: vscode.ExtensionContext): vscode.Disposable {
  const shownKey = 'gdTutor.web.gdtutorTypesExplained';
  const check = (document: vscode.TextDocument | undefined) => {
    if (!document || context.globalState.get(shownKey)) return;
    if (document.languageId !== 'typescript' && document.languageId !== 'javascript') return;
    if (!IMPORTS_GDTUTOR.test(document.getText())) return;
    void context.globalState.update(shownKey, true);
    void vscode.window.showInformationMessage(
      t(
        "In VS Code for the Web the editor cannot load the types of 'gdtutor' (its TypeScript plugin needs desktop VS Code), so the import may be underlined. Training, hovers and the panel work as usual.",
      ),
    );
  };
  check(vscode.window.activeTextEditor?.document);
  return vscode.window.onDidChangeActiveTextEditor((e) => check(e?.document));
}
