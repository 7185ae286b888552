/**
 * Maps a position in the transpiled JavaScript back to the learner's TypeScript, from the source
 * map `ts.transpileModule` emits. Only what error messages need: decode the "mappings" (base64
 * VLQ) once, then find the closest mapped column at or before a generated position.
 */
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Per generated line: [generatedColumn, sourceLine, sourceColumn] triples, sorted by column (0-based). */
export type LineMappings = Array<Array<[number, number, number]>>;

export function decodeMappings(mappings: string): LineMappings {
  const lines: LineMappings = [];
  let srcLine = 0;
  let srcCol = 0;
  let srcIndex = 0;
  for (const lineText of mappings.split(';')) {
    const line: Array<[number, number, number]> = [];
    let genCol = 0;
    for (const segment of lineText.split(',')) {
      if (!segment) continue;
      const v = decodeVlq(segment);
      genCol += v[0];
      if (v.length >= 4) {
        srcIndex += v[1];
        srcLine += v[2];
        srcCol += v[3];
        line.push([genCol, srcLine, srcCol]);
      }
    }
    lines.push(line);
  }
  void srcIndex;
  return lines;
}

function decodeVlq(segment: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const digit = BASE64.indexOf(ch);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/** 1-based generated line/column → 1-based source line/column, or undefined if unmapped. */
export function originalPosition(map: LineMappings, line: number, column: number): { line: number; column: number } | undefined {
  const segments = map[line - 1];
  if (!segments || segments.length === 0) return undefined;
  let best = segments[0];
  for (const s of segments) {
    if (s[0] <= column - 1) best = s;
    else break;
  }
  return { line: best[1] + 1, column: best[2] + 1 };
}
