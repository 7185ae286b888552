/**
 * Sizes a loss file may have. The compiler and the transform walk the syntax tree recursively, so
 * a 500 KB one-line expression or a 100,000-line file would take minutes or end in a stack
 * overflow deep inside the compiler; such files are refused at once with a message that says what
 * is too big and how to write it instead (a loop, a data file).
 */
import ts from 'typescript';
import { learnerErrors, type LearnerError } from './learnerErrors';

export const SOURCE_LIMITS = {
  /** Characters in one file. */
  chars: 1_000_000,
  /** Lines in one file (20,000 lines of `s += …` compile and train in about 6 s). */
  lines: 20_000,
  /**
   * Nesting of one expression: `a + b + …` with 500 terms is 500 levels deep. The transform recurses
   * once per level; 700 levels already overflow a main thread's default stack (the library, tests),
   * the worker's 4 MB take about 2,500.
   */
  depth: 500,
} as const;

/** Deepest node by an explicit stack (a recursive walk is what must not overflow here). */
function deepest(file: ts.SourceFile): { depth: number; node: ts.Node } {
  let best = { depth: 0, node: file as ts.Node };
  const stack: Array<[ts.Node, number]> = [[file, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop() as [ts.Node, number];
    if (depth > best.depth) best = { depth, node };
    node.forEachChild((child) => {
      stack.push([child, depth + 1]);
    });
  }
  return best;
}

/** Where brackets nest deepest (strings and comments aside only roughly): the parser's overflow has no position of its own. */
function deepestBracket(source: string): { line: number; column: number } {
  let depth = 0;
  let best = { depth: -1, at: 0 };
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '(' || c === '[' || c === '{') {
      depth++;
      if (depth > best.depth) best = { depth, at: i };
    } else if (c === ')' || c === ']' || c === '}') depth--;
  }
  const before = source.slice(0, best.at);
  const line = before.split('\n').length;
  return { line, column: best.at - before.lastIndexOf('\n') };
}

/** The first limit the file passes, as a learner error (with the line of the deepest expression), or undefined. */
export function sourceLimitError(source: string, fileName: string): LearnerError | undefined {
  if (source.length > SOURCE_LIMITS.chars) return learnerErrors.fileTooLong('chars', source.length, SOURCE_LIMITS.chars, {});
  let lines = 1;
  for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) lines++;
  if (lines > SOURCE_LIMITS.lines) return learnerErrors.fileTooLong('lines', lines, SOURCE_LIMITS.lines, {});
  let file: ts.SourceFile;
  try {
    file = ts.createSourceFile(fileName, source, ts.ScriptTarget.ES2022, true);
  } catch (e) {
    // The parser itself recursed too deep: ((((…)))) thousands of times.
    if (e instanceof RangeError) return learnerErrors.expressionTooDeep(undefined, SOURCE_LIMITS.depth, deepestBracket(source));
    throw e;
  }
  const { depth, node } = deepest(file);
  if (depth <= SOURCE_LIMITS.depth) return undefined;
  const start = file.getLineAndCharacterOfPosition(node.getStart(file));
  return learnerErrors.expressionTooDeep(depth, SOURCE_LIMITS.depth, { line: start.line + 1, column: start.character + 1 });
}
