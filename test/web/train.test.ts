/**
 * Issue 18's bar: training in the browser gives the desktop's numbers. The expected runs are the
 * desktop CLI's (`node dist/cli.js train examples/<name>.ts --json`), computed when the bundle was
 * built. Fails until the browser entry returns the tutor API and trains in the web worker.
 */
import { AssertionError, closeTo } from './check';
import { CLI_RUNS } from './constants';
import { tutorApi, whyNoResult, workspaceFile } from './helpers';

describe('training in the browser gives the desktop CLI’s numbers', function () {
  // Each run parses the sealed room's worker bundle (with the TypeScript compiler) in a fresh
  // Web Worker: seconds on a busy machine.
  this.timeout(60_000);

  for (const name of ['quadratic', 'rosenbrock'] as const) {
    it(`examples/${name}.ts: api.train gives the CLI’s params (and losses) to 1e-12`, async () => {
      const api = await tutorApi();
      const uri = workspaceFile('examples', `${name}.ts`);
      const result = await api.train(uri);
      if (!result) throw new AssertionError(`api.train(examples/${name}.ts) gave no result (${await whyNoResult(api)})`);
      // Reported, not asserted (speed lives in `npm run bench`): what a learner waits for on the web.
      const timing = api.lastTiming?.(uri);
      if (timing)
        console.log(
          `      (first point after ${timing.firstPointMs === undefined ? '–' : Math.round(timing.firstPointMs)} ms, finished after ${Math.round(timing.finishedMs)} ms)`,
        );
      closeTo(result.params, CLI_RUNS[name].params, 1e-12, 'params');
      closeTo(result.losses, CLI_RUNS[name].losses, 1e-12, 'losses');
    });
  }
});
