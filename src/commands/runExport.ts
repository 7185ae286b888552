/** A run's numbers as CSV (one row per recorded step) or JSON (the CLI's shape). No `vscode`. */
import type { RunResult } from '../runner/trainLoss';

export function runToCsv(r: RunResult, paramNames: string[]): string {
  const names = r.params[0]?.map((_, i) => paramNames[i] ?? `p${i}`) ?? [];
  const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [['step', 'loss', 'grad_norm', ...names].map(quote).join(',')];
  r.params.forEach((p, k) => {
    lines.push([r.steps?.[k] ?? k, r.losses[k], r.gradNorms[k], ...p].map(String).join(','));
  });
  return `${lines.join('\n')}\n`;
}

export function runToJson(r: RunResult): string {
  const out: Record<string, unknown> = { params: r.params, losses: r.losses };
  if (r.stoppedAt !== undefined) {
    out.stoppedAt = r.stoppedAt;
    out.reason = r.reason;
  }
  if (r.steps) out.steps = r.steps;
  out.options = r.options;
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** Bytes of a `data:image/png;base64,…` URL, or undefined if it is not one. */
export function pngBytes(dataUrl: string): Uint8Array | undefined {
  const prefix = 'data:image/png;base64,';
  if (!dataUrl.startsWith(prefix)) return undefined;
  // atob, not Buffer: the same code runs in VS Code for the Web.
  let bytes: Uint8Array;
  try {
    bytes = Uint8Array.from(atob(dataUrl.slice(prefix.length)), (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
  // The PNG signature: refuse anything else, whatever the URL claims.
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  return signature.every((b, i) => bytes[i] === b) ? bytes : undefined;
}
