/** Where the exported `loss` is declared, by a cheap line scan (no parse: a lens needs only a line). */
const EXPORTED_LOSS = /^\s*export\s+(?:async\s+)?(?:function\s*\*?\s*loss\b|(?:const|let|var)\s+loss\b)/;

/** 0-based line of `export function loss` / `export const loss = …`, or −1. */
export function findLossLine(text: string): number {
  const lines = text.split(/\r?\n/);
  return lines.findIndex((l) => EXPORTED_LOSS.test(l));
}
