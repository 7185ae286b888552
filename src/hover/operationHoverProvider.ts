/** Hovers on operations of a loss file, from the file's last backprop graph (operationNote.ts). */
import * as vscode from 'vscode';
import type { GraphData } from '../protocol/panelProtocol';
import { operationAt, operationNote } from './operationNote';
import { language } from '../l10n/localize';

export class OperationHoverProvider implements vscode.HoverProvider {
  /** `graphOf` gives the file's last graph and the document version it was computed from. */
  constructor(private readonly graphOf: (uri: vscode.Uri) => { graph: GraphData; version: number } | undefined) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const last = this.graphOf(document.uri);
    // An edited file's spans no longer match its text: say nothing rather than something wrong.
    if (!last || last.version !== document.version) return undefined;
    const node = operationAt(last.graph, document.offsetAt(position));
    if (!node?.range) return undefined;
    const md = new vscode.MarkdownString(operationNote(last.graph, node, language()));
    return new vscode.Hover(md, new vscode.Range(document.positionAt(node.range.start), document.positionAt(node.range.end)));
  }
}
