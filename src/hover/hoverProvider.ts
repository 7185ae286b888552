/** The hover provider: the line-local matcher, wrapped for VS Code. */
import * as vscode from 'vscode';
import { contextAt, termAt } from './termMatcher';
import { hoverMarkdown, HOVER_COMMANDS } from './hoverMarkdown';
import { language } from '../l10n/localize';

/** TS, JS, Python (files and notebook cells) and Markdown, in any scheme. */
export const HOVER_LANGUAGES: vscode.DocumentSelector = ['typescript', 'javascript', 'typescriptreact', 'javascriptreact', 'python', 'markdown'].map((l) => ({ language: l }));

export class GlossaryHoverProvider implements vscode.HoverProvider {
  provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): vscode.Hover | undefined {
    const line = document.lineAt(position.line).text;
    const context = contextAt(line, position.character, document.languageId);
    const match = termAt(line, position.character, context, () => token.isCancellationRequested);
    if (!match || token.isCancellationRequested) return undefined;
    const md = new vscode.MarkdownString(hoverMarkdown(match.entry, language()));
    md.isTrusted = { enabledCommands: HOVER_COMMANDS };
    md.supportThemeIcons = true;
    return new vscode.Hover(md, new vscode.Range(position.line, match.start, position.line, match.end));
  }
}
