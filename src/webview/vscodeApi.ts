/** The typed handle VS Code injects into webviews (callable once per page). */
import type { PanelState, WebviewMessage } from '../protocol/panelProtocol';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: PanelState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

export const vscode: VsCodeApi = acquireVsCodeApi();
