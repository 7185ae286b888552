/**
 * CodeLens above the exported `loss` of a TS/JS file: "▶ 학습" trains it, "📈 손실 곡면" opens the
 * panel. Found by a cheap text scan (no parse): the lens only has to sit on the right line.
 */
import * as vscode from 'vscode';
import { t } from '../l10n/localize';
import { findLossLine } from './findLoss';

export class LossCodeLensProvider implements vscode.CodeLensProvider {
  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const line = findLossLine(document.getText());
    if (line < 0) return [];
    const range = document.lineAt(line).range;
    return [
      new vscode.CodeLens(range, {
        title: t('▶ Train'),
        tooltip: t('Train this loss with the current settings'),
        command: 'gdTutor.trainCurrentFile',
        arguments: [document.uri],
      }),
      new vscode.CodeLens(range, { title: t('📈 Loss surface'), tooltip: t('Open the loss panel'), command: 'gdTutor.openLossPanel' }),
    ];
  }
}
