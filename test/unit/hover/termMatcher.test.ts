/**
 * The hover matcher's documented rules (R1–R16 in src/hover/termMatcher.ts), each with a case
 * just inside and just outside it: removing any rule makes a test here fail.
 */
import { strict as assert } from 'node:assert';
import { contextAt, termAt, type Context } from '../../../src/hover/termMatcher';

/** The entry id and range matched at the first `^` of a marked line ("compute^Gradient"). */
function at(marked: string, context: Context, stop?: () => boolean): { id?: string; text?: string } {
  const offset = marked.indexOf('^');
  assert.ok(offset >= 0, 'mark the position with ^');
  const line = marked.slice(0, offset) + marked.slice(offset + 1);
  const m = termAt(line, offset, context, stop);
  return m ? { id: m.entry.id, text: line.slice(m.start, m.end) } : {};
}
const code = (marked: string) => at(marked, 'code');
const prose = (marked: string) => at(marked, 'prose');

describe('hover matcher rules', () => {
  it('R1: identifiers ignore case', () => {
    assert.deepEqual(code('LEARN^ING_RATE = 0.1'), { id: 'learningRate', text: 'LEARNING_RATE' });
    assert.deepEqual(code('Learning^Rate'), { id: 'learningRate', text: 'LearningRate' });
    assert.deepEqual(code('LEARN^ING_RATES'), {}); // one letter more is another word
  });

  it('R2: identifiers ignore separators', () => {
    assert.deepEqual(code('bce_w^ith_logits_loss = 1'), { id: 'bce', text: 'bce_with_logits_loss' });
    assert.deepEqual(code('bce w^ith logits loss'), {}); // spaces are not separators inside code
  });

  it('R3: a word inside a longer identifier matches', () => {
    assert.deepEqual(code('computeGrad^ient(w)'), { id: 'gradient', text: 'Gradient' });
    assert.deepEqual(code('local_min^imum_found'), { id: 'localMinimum', text: 'local_minimum' });
    assert.deepEqual(code('computeGrad^ual(w)'), {});
  });

  it('R4: … only when it is a full spelling of four letters or more', () => {
    assert.deepEqual(code('lo^ssValue'), { id: 'loss', text: 'loss' }); // four letters: in
    assert.deepEqual(code('m^se'), { id: 'mse', text: 'mse' }); // three letters on its own: a term
    assert.deepEqual(code('totalM^se'), {}); // three letters inside an identifier: out
    assert.deepEqual(code('maxE^ps'), {});
  });

  it('R5: … and the part under the cursor must be the matched part', () => {
    assert.deepEqual(code('compute^Gradient'), { id: 'gradient', text: 'Gradient' }); // first letter of the part
    assert.deepEqual(code('comput^eGradient'), {}); // last letter of the other part
    assert.deepEqual(code('co^mputeGradient'), {});
  });

  it('R6: … three- and two-word spans before single words', () => {
    assert.deepEqual(code('defaultWei^ghtDecay'), { id: 'weightDecay', text: 'WeightDecay' });
    assert.deepEqual(code('initialLearn^ingRate'), { id: 'learningRate', text: 'LearningRate' });
    assert.deepEqual(code('defaultWei^ght'), { id: 'weight', text: 'Weight' });
  });

  it('R7: abbreviations only in code, never in prose', () => {
    assert.deepEqual(code('l^r = 0.1'), { id: 'learningRate', text: 'lr' });
    assert.deepEqual(prose('set l^r to 0.1'), {});
    assert.deepEqual(prose('the gra^d of it'), {});
  });

  it('R8: phrases in prose and on code lines with a quote or comment mark, never in plain code', () => {
    assert.deepEqual(prose('local mini^mum'), { id: 'localMinimum', text: 'local minimum' });
    assert.deepEqual(code('local mini^mum'), {});
    const tail = '  the local minimum`;'; // the end of a template string opened on an earlier line
    assert.equal(contextAt(tail, 12, 'typescript'), 'code');
    assert.equal(termAt(tail, 12, contextAt(tail, 12, 'typescript'))?.entry.id, 'localMinimum');
  });

  it('R9: phrases match whole words only, with a plural "s"', () => {
    assert.deepEqual(prose('// learning ra^tes'), { id: 'learningRate', text: 'learning rate' });
    assert.deepEqual(prose('// learning ra^tesx'), {});
    assert.deepEqual(prose('// local mini^mum'), { id: 'localMinimum', text: 'local minimum' });
    assert.deepEqual(prose('// nonlocal mini^mum'), {});
    assert.deepEqual(prose('// a convex func^tion'), { id: 'convex', text: 'convex function' });
    assert.deepEqual(prose('// a convex func^tional'), {});
  });

  it('R10: the longest phrase first', () => {
    assert.deepEqual(prose('// binary cro^ss-entropy'), { id: 'bce', text: 'binary cross-entropy' });
    assert.deepEqual(prose('// the cro^ss-entropy'), { id: 'crossEntropy', text: 'cross-entropy' });
  });

  it('R11: Korean terms with spaces ignored and particles attached, nothing else', () => {
    assert.deepEqual(prose('반^복마다 갱신합니다'), { id: 'iteration', text: '반복' });
    assert.deepEqual(prose('반^복문을 씁니다'), {});
    assert.deepEqual(prose('평균제^곱 오차를 씁니다'), { id: 'mse', text: '평균제곱 오차' });
    assert.deepEqual(prose('기울^기가 작습니다'), { id: 'gradient', text: '기울기' });
    assert.deepEqual(prose('기울^기차'), {});
  });

  it('R12: the longest Korean term first', () => {
    assert.deepEqual(prose('기울^기 초기화를 합니다'), { id: 'zeroGrad', text: '기울기 초기화' });
    assert.deepEqual(prose('기울^기 계산'), { id: 'gradient', text: '기울기' });
  });

  it('R13: a Korean match must cover the cursor', () => {
    assert.deepEqual(prose('경사 하강법^을 씁니다'), { id: 'gradientDescent', text: '경사 하강법' }); // on the particle
    assert.deepEqual(prose('경사 하강법 ^노트'), {});
    assert.deepEqual(prose('^노트 경사 하강법'), {});
  });

  it('R14: Korean terms with digits, Latin letters or marks match as whole phrases', () => {
    assert.deepEqual(prose('1^차 방법으로 풉니다'), { id: 'orders', text: '1차 방법' });
    assert.deepEqual(prose('준-뉴^턴 방법'), { id: 'quasiNewton', text: '준-뉴턴 방법' });
    assert.deepEqual(prose('Leven^berg–Marquardt 방법을 씁니다'), { id: 'levenbergMarquardt', text: 'Levenberg–Marquardt 방법' });
    assert.deepEqual(prose('Levenberg–Marquardt 방법을 ^씁니다'), {});
    assert.deepEqual(prose('x1^차 방법'), {});
    assert.deepEqual(prose('1^차 방법론'), {});
  });

  it('R15: the context: comments, strings (with escapes) and Markdown are prose', () => {
    assert.equal(contextAt('x = 1; // lr', 11, 'typescript'), 'prose');
    assert.equal(contextAt('x = 1; lr', 8, 'typescript'), 'code');
    assert.equal(contextAt(' * the lr', 8, 'typescript'), 'prose');
    assert.equal(contextAt('x = a * lr', 9, 'typescript'), 'code');
    const update = 'w = w - lr * grad';
    assert.equal(termAt(update, 15, contextAt(update, 15, 'typescript'))?.entry.id, 'gradient'); // an abbreviation after a product
    assert.equal(contextAt('x = "lr"', 6, 'typescript'), 'prose');
    assert.equal(contextAt('x = "a\\" b" + lr', 15, 'typescript'), 'code');
    assert.equal(contextAt('x = 1  # lr', 10, 'python'), 'prose');
    assert.equal(contextAt('this.#lr = 1', 7, 'typescript'), 'code');
    assert.equal(contextAt('lr', 1, 'markdown'), 'prose');
  });

  it('R16: a cancelled hover returns nothing, whichever of the four steps it is cancelled after', () => {
    // The identifier below is found only by the last step, so every poll happens before it.
    for (let k = 1; k <= 5; k++) {
      let polls = 0;
      const m = at('learning^Rate', 'code', () => ++polls >= k);
      if (k <= 4) assert.deepEqual(m, {}, `cancelled at poll ${k}`);
      else assert.deepEqual(m, { id: 'learningRate', text: 'learningRate' }, 'never cancelled');
    }
    assert.deepEqual(
      at('learning^Rate', 'code', () => true),
      {},
    );
    assert.deepEqual(
      at('학^습률', 'prose', () => true),
      {},
    );
    assert.deepEqual(
      at('// local mini^mum', 'prose', () => true),
      {},
    );
    assert.deepEqual(
      at('learning^Rate', 'code', () => false),
      { id: 'learningRate', text: 'learningRate' },
    );
  });

  it('never matches words that merely contain a term, nor outside the line', () => {
    for (const word of ['lossless', 'upgradeGuide', 'gradle', 'grader', 'gradeBook'])
      assert.deepEqual(code(`${word[0]}^${word.slice(1)}`), {}, word);
    assert.equal(termAt('lr', -1, 'code'), undefined);
    assert.equal(termAt('lr', 3, 'code'), undefined);
  });
});
