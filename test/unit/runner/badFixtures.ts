/**
 * The bad-input corpus (test/fixtures/bad/*.ts): each file's first line says what must happen,
 * and two comment lines at its end what the messages must say (at the end, so that the lines of
 * the code itself stay where other tests expect them):
 *
 *   // expect: CODE [warning] [line=N]
 *   …
 *   // ko: a fragment of the Korean message
 *   // en: a fragment of the English message
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface BadFixture {
  file: string;
  fileName: string;
  source: string;
  code: string;
  warning: boolean;
  line?: number;
  ko: string;
  en: string;
}

export const BAD_DIR = path.resolve(__dirname, '../../fixtures/bad');

/** Codes only a worker can produce (limits) or that would bloat the test process (a 4M-node tape). */
export const WORKER_ONLY = new Set(['timeout', 'outOfMemory', 'tapeOverflow']);

export function badFixtures(): BadFixture[] {
  return readdirSync(BAD_DIR)
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .map((file) => {
      const fileName = path.join(BAD_DIR, file);
      const source = readFileSync(fileName, 'utf8');
      const head = /^\/\/ expect: (\w+)( warning)?(?: line=(\d+))?\n/.exec(source);
      const ko = /^\/\/ ko: (.+)$/m.exec(source);
      const en = /^\/\/ en: (.+)$/m.exec(source);
      if (!head || !ko || !en) throw new Error(`${file}: needs an expect line first and ko/en lines`);
      return {
        file,
        fileName,
        source,
        code: head[1],
        warning: Boolean(head[2]),
        line: head[3] ? Number(head[3]) : undefined,
        ko: ko[1],
        en: en[1],
      };
    });
}
