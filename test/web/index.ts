/**
 * The web layer's test entry (extensionTestsPath): bundled for the browser by
 * scripts/vscode-test/buildWebTests.mjs and run by scripts/vscode-test/launchWeb.mjs inside the
 * real VS Code for the Web workbench (code-server), in its web-worker extension host.
 *
 * Import order is run order: hostFacts before anything can add globals, mocha before the suites.
 */
import './hostFacts';
import './setup';
import './activation.test';
import './hover.test';
import './train.test';
import './panel.test';
import './stop.test';
import './limits.test';

export function run(): Promise<void> {
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      // The same machine-readable line as the Node suites (test/integration/mochaEntry.ts).
      console.log(`GDTUTOR_RESULT ${JSON.stringify({ passed: runner.stats?.passes ?? 0, failed: failures })}`);
      if (failures > 0) reject(new Error(`${failures} web test(s) failed`));
      else resolve();
    });
  });
}
