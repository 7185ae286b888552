/**
 * A layer's weights as a tensor view of the flat parameter vector `p` the loss receives.
 *
 * When p holds the parameters as Vars (training), the slice's values are read from them and a
 * custom node is recorded *before* the layer uses the tensor; in the reverse sweep it runs after
 * every consumer, and adds the tensor's gradient into the adjoints of those Vars — so the
 * network's gradient arrives in the same place as any scalar loss's. Plain numbers (drawing a
 * prediction) give an untracked tensor and no tape at all — and so do parameters a loss kept from
 * an earlier evaluation (var.ts): they are the constants they were.
 */
import { activeTape, Var } from '../runtime';
import { isLiveVar } from '../var';
import { Tensor } from './tensor';

export function paramTensor(p: ArrayLike<unknown>, offset: number, rows: number, cols: number): Tensor {
  const n = rows * cols;
  if (offset + n > p.length) throw new RangeError(`the network needs ${offset + n} parameters but the loss received ${p.length}`);
  const data = new Float64Array(n);
  const first = p[offset];
  if (!isLiveVar(first)) {
    for (let k = 0; k < n; k++) {
      const v = p[offset + k];
      if (typeof v === 'number') data[k] = v;
      else if (v instanceof Var && !isLiveVar(v)) data[k] = (v as Var).v;
      else
        throw new TypeError(
          v instanceof Var ? 'network parameters must all depend on the parameters, or none' : 'network parameters must be numbers',
        );
    }
    return new Tensor(data, rows, cols);
  }
  const ids = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const v = p[offset + k];
    if (!isLiveVar(v)) throw new TypeError('network parameters must all depend on the parameters, or none');
    data[k] = v.v;
    ids[k] = v.id;
  }
  const t = new Tensor(data, rows, cols, true);
  const g = t.grad as Float64Array;
  activeTape().custom(0, (tape) => {
    const adj = tape.adj;
    for (let k = 0; k < n; k++) adj[ids[k]] += g[k];
  });
  return t;
}
