/**
 * Array losses written the natural way — `loss(p: number[])`, no init, bounds or tuple type — run
 * through the CLI as a user would, sized by the point given (`grad --at`, `train --init`), against
 * PyTorch float64 (test/fixtures/torch/sizeless.json, from scripts/torch-reference.py): values and
 * gradients to 1e-9 relative, 60-step torch.optim trajectories (every 5th row) to 1e-7, in 10, 20
 * and 50 dimensions.
 */
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');

interface SizelessCase {
  name: string;
  source: string;
  at: number[];
  value: number;
  gradient: number[];
  runs: Array<{ flags: string[]; torch: string; rows: Record<string, number[]> }>;
}
const fixture = JSON.parse(readFileSync(path.join(root, 'test/fixtures/torch/sizeless.json'), 'utf8')) as {
  meta: { torch: string };
  cases: SizelessCase[];
};

/** One CLI call; a test starts its calls together (each is a process of its own, about 1 s). */
async function cli(...args: string[]): Promise<unknown> {
  const { stdout } = await execFileAsync(process.execPath, [path.join(root, 'dist', 'cli.js'), ...args, '--json'], {
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout);
}

/** |a − b| ≤ rel · max(|a|, |b|, floor): relative, with an absolute floor for components near 0. */
function close(a: number, b: number, rel: number, what: string, floor = 1e-12): void {
  const scale = Math.max(Math.abs(a), Math.abs(b), floor);
  assert.ok(Math.abs(a - b) <= rel * scale, `${what}: ${a} vs torch ${b} (rel ${Math.abs(a - b) / scale})`);
}

const execFileAsync = promisify(execFile);

let tmp = '';
before(() => (tmp = mkdtempSync(path.join(os.tmpdir(), 'gdtutor-sizeless-'))));
after(() => rmSync(tmp, { recursive: true, force: true }));

describe(`CLI on sizeless array losses = PyTorch ${fixture.meta.torch} float64 (the point given sets the size)`, function () {
  this.timeout(120_000);
  fixture.cases.forEach((c, index) => {
    it(`${c.name}, ${c.at.length} parameters: grad --at to 1e-9, ${c.runs.map((r) => r.flags[1]).join('/')} trajectories to 1e-7`, async () => {
      const file = path.join(tmp, `case${index}.ts`);
      writeFileSync(file, c.source);
      const point = c.at.map(String).join(',');
      const [grad, ...trained] = await Promise.all([
        cli('grad', file, '--at', point),
        ...c.runs.map((run) => cli('train', file, '--init', point, ...run.flags)),
      ]);
      const g = grad as { value: number; gradient: number[] };
      close(g.value, c.value, 1e-9, 'value');
      assert.equal(g.gradient.length, c.at.length);
      // A gradient component is compared relative to the gradient's size (a component that cancels
      // to ~0 carries the rounding of the terms that cancelled).
      const scale = Math.max(...c.gradient.map(Math.abs));
      g.gradient.forEach((v, i) => close(v, c.gradient[i], 1e-9, `∂L/∂p[${i}]`, scale));
      for (const [r, run] of c.runs.entries()) {
        const out = trained[r] as { params: number[][] };
        for (const [k, row] of Object.entries(run.rows)) {
          const ours = out.params[Number(k)];
          assert.ok(ours, `${run.torch}: no row ${k}`);
          row.forEach((v, i) => close(ours[i], v, 1e-7, `${run.torch} step ${k} p[${i}]`, 1e-3));
        }
      }
    });
  });
});
