/**
 * `gdTutor.newLossFile`: pick a template (Korean first), get a new unsaved TypeScript editor with
 * it inserted as a snippet, so the tab stops walk through what is worth changing.
 */
import * as vscode from 'vscode';
import { LOSS_TEMPLATES } from '../snippets/lossTemplates';
import { language, t } from '../l10n/localize';

export async function newLossFile(): Promise<vscode.TextEditor | undefined> {
  const lang = language();
  const picked = await vscode.window.showQuickPick(
    LOSS_TEMPLATES.filter((tpl) => tpl.id !== 'config').map((tpl) => ({
      label: tpl[lang].name,
      description: tpl.prefix,
      detail: tpl[lang].description,
      tpl,
    })),
    { title: t('New loss file'), placeHolder: t('Choose a loss to start from'), matchOnDetail: true },
  );
  if (!picked) return undefined;
  const document = await vscode.workspace.openTextDocument({ language: 'typescript', content: '' });
  const editor = await vscode.window.showTextDocument(document);
  await editor.insertSnippet(new vscode.SnippetString(picked.tpl.body.join('\n')));
  return editor;
}
