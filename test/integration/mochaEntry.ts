/**
 * Shared body of each suite's `run()` entry: mocha inside the extension host, spec reporter to the
 * console (the launcher forwards it), and one machine-readable line with the counts.
 */
import Mocha from 'mocha';
import { readdirSync } from 'node:fs';
import path from 'node:path';

export function runSuite(dir: string): Promise<void> {
  // GDTUTOR_GREP runs only the tests whose title matches (while working on one feature).
  const grep = process.env.GDTUTOR_GREP;
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec', ...(grep ? { grep } : {}) });
  for (const f of readdirSync(dir)
    .filter((n) => n.endsWith('.test.js'))
    .sort())
    mocha.addFile(path.join(dir, f));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const passed = runner.stats?.passes ?? 0;
      console.log(`GDTUTOR_RESULT ${JSON.stringify({ passed, failed: failures })}`);
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
      else resolve();
    });
  });
}
