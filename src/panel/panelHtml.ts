/**
 * The loss panel's HTML document. A pure function of its inputs so that the webview test in
 * headless Chromium loads exactly the document (and CSP) that VS Code shows.
 */

export interface PanelHtmlInput {
  /** `webview.cspSource`: the origin VS Code serves local resources from. */
  cspSource: string;
  /** A fresh random nonce per render (see makeNonce). */
  nonce: string;
  /** URIs (already `asWebviewUri`-converted) of the bundled app and stylesheets. */
  scriptUri: string;
  styleUri: string;
  codiconUri: string;
  /** The UI language tag (`vscode.env.language`), for the document's lang attribute. */
  lang: string;
  title: string;
}

/**
 * Strict CSP: no inline script or style attribute, scripts only with the nonce, styles only from
 * the extension's own files (Lit components use adoptedStyleSheets, which CSP does not block),
 * images from the webview origin and data: (chart PNG export), no network.
 */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data: blob:`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
}

export function panelHtml(i: PanelHtmlInput): string {
  const csp = contentSecurityPolicy(i.cspSource, i.nonce);
  return `<!DOCTYPE html>
<html lang="${escapeAttr(i.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttr(i.codiconUri)}" id="vscode-codicon-stylesheet">
<link rel="stylesheet" href="${escapeAttr(i.styleUri)}">
<title>${escapeText(i.title)}</title>
</head>
<body>
<main id="app" aria-live="polite"></main>
<script nonce="${escapeAttr(i.nonce)}" src="${escapeAttr(i.scriptUri)}"></script>
</body>
</html>`;
}

/** 32 URL-safe random characters from a CSPRNG (the nonce must not be guessable). */
export function makeNonce(randomBytes: (n: number) => Uint8Array): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(randomBytes(32), (b) => alphabet[b % alphabet.length]).join('');
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
