/**
 * Headless entry: `node dist/cli.js train|grad|surface FILE --json` (contract in docs/cli-contract.md).
 * Learner code runs in the same isolated worker the extension uses, so an infinite loop or a
 * memory bomb ends with a message, not a hung terminal.
 *
 * Every line it prints is in one language: `--lang ko|en`, else the environment's locale
 * (cli/lang.ts: English when LC_ALL, LC_MESSAGES or LANG starts with "en", Korean otherwise).
 *
 * Exit codes: 0 success, 1 the loss file has a problem (message names the line), 2 usage error.
 */
import type { Finding } from './teaching/diagnosis';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { languageArgument, parseArgs, usage, UsageError, type CliArgs } from './runner/cliArgs';
import { languageFromEnvironment } from './cli/lang';
import { runIsolated } from './worker/isolatedRun';
import type { LearnerErrorData } from './protocol/learnerError';
import type { StepPoint } from './protocol/panelProtocol';
import type { RunResult } from './runner/trainLoss';
import { diagnosisLine, progressBar, summary } from './cli/report';
import { language, pick, setLanguage } from './l10n/localize';

function formatError(file: string, e: LearnerErrorData): string {
  const where = e.line ? `${file}:${e.line}${e.column ? `:${e.column}` : ''}` : file;
  return `${where}: ${pick(e)}`;
}

async function main(argv: string[]): Promise<number> {
  setLanguage(languageArgument(argv) ?? languageFromEnvironment(process.env));
  if (argv.some((a) => a === '--help' || a === '-h')) {
    process.stdout.write(`${usage()}\n`);
    return 0;
  }
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`${e.text()}\n`);
      return 2;
    }
    throw e;
  }
  const file = path.resolve(args.file);
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    process.stderr.write(`${args.file}: ${pick({ ko: '파일을 읽을 수 없습니다', en: 'cannot read the file' })}\n`);
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
      onProgress: showProgress ? (points: StepPoint[]) => process.stderr.write(progressBar(points[points.length - 1], steps)) : undefined,
      onOutput: (text) => process.stderr.write(text),
      onDiagnosis: (f) => (findings = f),
    },
    { ...(args.timeout ? { timeoutMs: args.timeout * 1000 } : {}), readRoot: readRootOf(file) },
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
    process.stdout.write(`${JSON.stringify(jsonShape(args, outcome.result, findings))}\n`);
  } else if (args.command === 'train') {
    process.stdout.write(`${summary(args.file, outcome.result as RunResult)}\n`);
    // The automatic diagnosis (teaching/diagnosis.ts): what happened and one piece of advice.
    for (const f of findings) process.stdout.write(`${diagnosisLine(f)}\n`);
  } else {
    process.stdout.write(`${JSON.stringify(outcome.result, null, 2)}\n`);
  }
  return 0;
}

/** Exactly the documented JSON fields (non-finite losses print as null, as JSON must). */
function jsonShape(args: CliArgs, result: unknown, findings: readonly Finding[]): unknown {
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
  // The run's automatic diagnosis, both languages (always present for train; [] when it said nothing).
  out.diagnosis = findings.map(diagnosisJson);
  return out;
}

/** A finding as docs/cli-contract.md documents it: code, ko, en, glossary and, when the advice was tried, remedy. */
function diagnosisJson(f: Finding): unknown {
  const d: Record<string, unknown> = { code: f.code, ko: f.ko, en: f.en, glossary: f.glossary };
  if (f.remedy) d.remedy = { cli: [...f.remedy.cli], outcome: { finalLoss: f.remedy.outcome.finalLoss, steps: f.remedy.outcome.steps } };
  return d;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    const what = language() === 'ko' ? '내부 오류' : 'internal error';
    process.stderr.write(`${what}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 70;
  },
);

/**
 * What the loss file's code may read in the sealed room: the current folder when the file is
 * inside it (a project run from its root may import `../data/points.json`), else the file's folder.
 */
function readRootOf(file: string): string {
  const cwd = process.cwd();
  const relative = path.relative(cwd, path.resolve(file));
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? cwd : path.dirname(path.resolve(file));
}
