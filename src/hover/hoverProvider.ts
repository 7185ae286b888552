/** The hover provider: the line-local matcher, wrapped for VS Code. */
import * as vscode from 'vscode';
import { contextAt, termAt } from './termMatcher';
import { hoverMarkdown, HOVER_COMMANDS } from './hoverMarkdown';
import { language } from '../l10n/localize';
import { liveNote, type LastRun } from './liveValues';

/** TS, JS, Python (files and notebook cells) and Markdown, in any scheme. */
export const HOVER_LANGUAGES: vscode.DocumentSelector = [
  'typescript',
  'javascript',
  'typescriptreact',
  'javascriptreact',
  'python',
  'markdown',
].map((l) => ({ language: l }));

export class GlossaryHoverProvider implements vscode.HoverProvider {
  /** `lastRun` gives this file's last training run, for the live values on loss, η and parameters. */
  constructor(private readonly lastRun: (uri: vscode.Uri) => LastRun | undefined = () => undefined) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): vscode.Hover | undefined {
    const line = document.lineAt(position.line).text;
    const context = contextAt(line, position.character, document.languageId);
    const match = termAt(line, position.character, context, () => token.isCancellationRequested);
    if (token.isCancellationRequested) return undefined;
    const wordRange = document.getWordRangeAtPosition(position, /[A-Za-z_$][A-Za-z0-9_$]*/);
    const word = wordRange ? document.getText(wordRange) : '';
    const live = context === 'code' ? liveNote(match?.entry.id, word, this.lastRun(document.uri), language()) : undefined;
    if (!match && !live) return undefined;
    const parts = [match ? hoverMarkdown(match.entry, language()) : '', live ?? ''].filter(Boolean);
    const md = new vscode.MarkdownString(parts.join('\n\n---\n\n'));
    md.isTrusted = { enabledCommands: HOVER_COMMANDS };
    md.supportThemeIcons = true;
    const range = match ? new vscode.Range(position.line, match.start, position.line, match.end) : wordRange;
    return new vscode.Hover(md, range);
  }
}
