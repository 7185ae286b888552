/**
 * Headless entry: `node dist/cli.js train|grad|surface FILE --json` (contract in DESIGN.md).
 * Learner code runs in the same isolated worker the extension uses, so an infinite loop or a
 * memory bomb ends with a message, not a hung terminal.
 *
 * Exit codes: 0 success, 1 the loss file has a problem (message names the line), 2 usage error.
 */
import type { Finding } from './teaching/diagnosis';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, UsageError, type CliArgs } from './cli/args';
import { runIsolated } from './runner/isolatedRun';
import type { LearnerErrorData, ProgressPoint } from './runner/workerProtocol';
import type { RunResult } from './runner/trainLoss';
import { progressBar, summary } from './cli/report';
import { pick } from './l10n/localize';

function formatError(file: string, e: LearnerErrorData): string {
  const where = e.line ? `${file}:${e.line}${e.column ? `:${e.column}` : ''}` : file;
  return `${where}: ${pick(e)}`;
}

async function main(argv: string[]): Promise<number> {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const file = path.resolve(args.file);
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    process.stderr.write(`${args.file}: 파일을 읽을 수 없습니다 / cannot read the file\n`);
    return 1;
  }
  const job =
    args.command === 'train'
      ? ({ kind: 'train', source, fileName: file, options: args.train } as const)
      : args.command === 'grad'
        ? ({ kind: 'grad', source, fileName: file, at: args.at ?? [] } as const)
        : ({ kind: 'surface', source, fileName: file, grid: args.grid, bounds: args.bounds } as const);

  const showProgress = !args.json && args.command === 'train' && process.stderr.isTTY;
  const steps = args.train.steps;
  let findings: Finding[] = [];
  const run = runIsolated(
    job,
    {
      onProgress: showProgress ? (points: ProgressPoint[]) => process.stderr.write(progressBar(points[points.length - 1], steps)) : undefined,
      onOutput: (text) => process.stderr.write(text),
      onDiagnosis: (f) => (findings = f),
    },
    args.timeout ? { timeoutMs: args.timeout * 1000 } : {},
  );
  process.once('SIGINT', () => run.cancel());
  const outcome = await run.done;
  if (showProgress) process.stderr.write('\n');
  for (const w of outcome.warnings) process.stderr.write(`${formatError(args.file, w)}\n`);
  if (!outcome.ok) {
    process.stderr.write(`${formatError(args.file, outcome.error)}\n`);
    return 1;
  }
  if (args.json) {
    process.stdout.write(`${JSON.stringify(jsonShape(args, outcome.result))}\n`);
  } else if (args.command === 'train') {
    process.stdout.write(`${summary(args.file, outcome.result as RunResult)}\n`);
    // The automatic diagnosis (teaching/diagnosis.ts): what happened and one piece of advice.
    for (const f of findings) process.stdout.write(`진단: ${f.ko}\n`);
  } else {
    process.stdout.write(`${JSON.stringify(outcome.result, null, 2)}\n`);
  }
  return 0;
}

/** Exactly the documented JSON fields (non-finite losses print as null, as JSON must). */
function jsonShape(args: CliArgs, result: unknown): unknown {
  if (args.command !== 'train') return result;
  const r = result as RunResult;
  const out: Record<string, unknown> = { params: r.params, losses: r.losses };
  if (r.stoppedAt !== undefined) {
    out.stoppedAt = r.stoppedAt;
    out.reason = r.reason;
  }
  if (r.steps) out.steps = r.steps;
  // Only when the file holds out a test set (config.testSplit): an extra field, never a changed one.
  if (r.test) out.test = r.test;
  return out;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 70;
  },
);
