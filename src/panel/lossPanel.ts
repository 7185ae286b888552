/**
 * The loss panel beside the editor: owns its webview's lifecycle, HTML and messages.
 *
 * One panel per window (re-shown, not duplicated). After a window reload VS Code recreates it
 * through the WebviewPanelSerializer registered in extension.ts, which calls `LossPanel.revive`.
 */
import * as vscode from 'vscode';
import { panelHtml, makeNonce } from './panelHtml';
import { panelStrings } from './panelStrings';
import {
  isPanelState,
  isWebviewMessage,
  type HostMessage,
  type PanelSnapshot,
  type RunSettings,
  type WebviewMessage,
} from '../protocol/panelProtocol';
import { t, language } from '../l10n/localize';

export const DEFAULT_SETTINGS: RunSettings = { optimizer: 'sgd', learningRate: 0.1, steps: 1000 };

export class LossPanel implements vscode.Disposable {
  static readonly viewType = 'gdTutor.lossPanel';
  private static current: LossPanel | undefined;
  private static readonly created = new vscode.EventEmitter<LossPanel>();
  /** Fires for every new or revived panel, so its messages can be wired once. */
  static readonly onDidCreate = LossPanel.created.event;

  private readonly disposables: vscode.Disposable[] = [];
  private readonly received = new vscode.EventEmitter<WebviewMessage>();
  /** Validated messages from the webview (rerun, stop …). */
  readonly onMessage = this.received.event;
  private ready = false;
  private readonly queue: HostMessage[] = [];

  /** Shows the panel beside the active editor, creating it if needed. */
  static show(extensionUri: vscode.Uri): LossPanel {
    if (LossPanel.current) {
      LossPanel.current.panel.reveal(vscode.ViewColumn.Beside, true);
      return LossPanel.current;
    }
    const panel = vscode.window.createWebviewPanel(
      LossPanel.viewType,
      t('Loss panel'),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      LossPanel.webviewOptions(extensionUri),
    );
    LossPanel.current = new LossPanel(panel, extensionUri, DEFAULT_SETTINGS);
    LossPanel.created.fire(LossPanel.current);
    return LossPanel.current;
  }

  /** Recreates a panel VS Code restored after a reload, with the state the webview saved. */
  static revive(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, state: unknown): LossPanel {
    LossPanel.current?.dispose();
    panel.webview.options = LossPanel.webviewOptions(extensionUri);
    const settings = isPanelState(state) ? state.settings : DEFAULT_SETTINGS;
    LossPanel.current = new LossPanel(panel, extensionUri, settings);
    LossPanel.created.fire(LossPanel.current);
    return LossPanel.current;
  }

  static get instance(): LossPanel | undefined {
    return LossPanel.current;
  }

  private static webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      // Keeps the chart and its history when the tab is hidden; the run data is small.
      retainContextWhenHidden: true,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
    };
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    private readonly settings: RunSettings,
  ) {
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'icon.png');
    panel.webview.html = this.html();
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((msg: unknown) => this.receive(msg)),
      this.received,
    );
  }

  /**
   * What the webview shows now (its legend's labels, its controls' settings), asked of the
   * webview itself; undefined when it does not answer within `timeoutMs`.
   */
  requestState(timeoutMs = 5000): Promise<PanelSnapshot | undefined> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        listener.dispose();
        resolve(undefined);
      }, timeoutMs);
      const listener = this.onMessage((m) => {
        if (m.type !== 'state') return;
        clearTimeout(timer);
        listener.dispose();
        resolve(m.state);
      });
      this.post({ type: 'reportState' });
    });
  }

  /** Sends a message, queued until the webview says it is ready (messages sent earlier are lost). */
  post(message: HostMessage): void {
    if (this.ready) void this.panel.webview.postMessage(message);
    else this.queue.push(message);
  }

  private receive(msg: unknown): void {
    if (!isWebviewMessage(msg)) {
      // A malformed message is ignored: the webview is a separate, less trusted context.
      console.warn('[gdTutor] ignored an invalid message from the loss panel');
      return;
    }
    if (msg.type === 'ready') {
      this.ready = true;
      void this.panel.webview.postMessage({ type: 'init', strings: panelStrings(), settings: this.settings } satisfies HostMessage);
      for (const m of this.queue.splice(0)) void this.panel.webview.postMessage(m);
    }
    this.received.fire(msg);
  }

  private html(): string {
    const webview = this.panel.webview;
    const uri = (...p: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, ...p)).toString();
    return panelHtml({
      cspSource: webview.cspSource,
      nonce: makeNonce((n) => crypto.getRandomValues(new Uint8Array(n))),
      scriptUri: uri('dist', 'webview.js'),
      styleUri: uri('media', 'panel.css'),
      codiconUri: uri('dist', 'codicons', 'codicon.css'),
      lang: language(),
      title: t('Loss panel'),
    });
  }

  dispose(): void {
    if (LossPanel.current === this) LossPanel.current = undefined;
    this.panel.dispose();
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }
}
