/** Hovers on operations (#7): the innermost operation under the cursor, its value, local derivatives and adjoint. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { backpropGraph } from '../../../src/teaching/backpropGraph';
import { operationAt, operationNote } from '../../../src/hover/operationNote';

const FILE = path.resolve(__dirname, '../../../examples/rosenbrock.ts');

describe('operation hovers', () => {
  const source = readFileSync(FILE, 'utf8');
  const g = backpropGraph(source, FILE);
  const data = { nodes: g.nodes, edges: g.edges, root: g.root };

  it('finds the innermost operation at an offset', () => {
    const at = (text: string, inside: number) => operationAt(data, source.indexOf(text) + inside);
    assert.equal(at('(1 - x) ** 2', 3)?.label, '−'); // on the − of 1 - x
    assert.equal(at('(1 - x) ** 2', 9)?.label, '^2'); // on the **
    assert.equal(at('100 * (y', 4)?.label, '×');
    assert.equal(operationAt(data, source.indexOf('export')), undefined);
  });

  it('says the value, the local derivatives and the adjoint, in Korean and English', () => {
    const node = operationAt(data, source.indexOf('(1 - x) ** 2') + 9);
    assert.ok(node);
    const ko = operationNote(data, node, 'ko');
    assert.match(ko, /\*\*연산 `\^2`\*\*/);
    assert.match(ko, /- 값: 4\.84/);
    assert.match(ko, /- 국소 도함수: ∂\(\^2\)\/∂\(−\) = 4\.4/);
    assert.match(ko, /- 수반값 ∂L\/∂\(\^2\) = 1/);
    assert.match(operationNote(data, node, 'en'), /- adjoint ∂L\/∂\(\^2\) = 1/);
  });
});
