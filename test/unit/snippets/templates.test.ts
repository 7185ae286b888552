import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { LOSS_TEMPLATES, stripTypes, toPlainText } from '../../../src/snippets/lossTemplates';
import { snippetsJson } from '../../../scripts/generate-snippets';
import { compileLoss } from '../../../src/runner/compile';
import { trainLoss } from '../../../src/runner/trainLoss';

const root = path.resolve(__dirname, '../../..');

function syntaxErrors(text: string, fileName: string): string[] {
  const out = ts.transpileModule(text, { fileName, reportDiagnostics: true, compilerOptions: { module: ts.ModuleKind.CommonJS } });
  return (out.diagnostics ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('loss templates and snippets', () => {
  it('committed snippet files are generated from the templates (run scripts/generate-snippets.ts)', () => {
    for (const lang of ['typescript', 'javascript'] as const) {
      assert.equal(readFileSync(path.join(root, 'snippets', `${lang}.json`), 'utf8'), snippetsJson(lang), `snippets/${lang}.json is stale`);
    }
  });

  for (const t of LOSS_TEMPLATES) {
    it(`${t.id}: valid TypeScript, valid JavaScript, Korean description, unique prefix`, () => {
      const tsText = toPlainText(t.body);
      assert.deepEqual(syntaxErrors(tsText, `${t.id}.ts`), []);
      const jsText = toPlainText(t.body.map(stripTypes));
      assert.deepEqual(syntaxErrors(jsText, `${t.id}.js`), [], jsText);
      assert.match(t.ko.description, /[가-힣]/);
      assert.equal(LOSS_TEMPLATES.filter((o) => o.prefix === t.prefix).length, 1);
      assert.doesNotMatch(tsText, /\$\{|\$\d/, 'snippet syntax left in the plain text');
      if (t.id !== 'config') {
        assert.match(tsText, /export function loss/);
        // The file it creates trains as it is (TypeScript and JavaScript alike).
        for (const [text, ext] of [
          [tsText, 'ts'],
          [jsText, 'js'],
        ]) {
          const run = trainLoss(compileLoss(text, path.join(root, 'examples', `${t.id}.${ext}`)), { steps: 3 });
          assert.equal(run.params.length, 4, `${t.id}.${ext} trained 3 steps`);
        }
      }
    });
  }

  it('the snippet syntax becomes plain text', () => {
    assert.equal(toPlainText(['a ${1:3} b ${2|x,y|} $0']), 'a 3 b x\n');
  });
});
