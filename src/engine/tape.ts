/**
 * The tape of reverse-mode automatic differentiation.
 *
 * Every operation on an *active* value (one that depends on the parameters) appends one node.
 * A node k stores its forward value and, for ordinary scalar operations, at most two parents with
 * the local partial derivatives ∂node/∂parent computed during the forward pass:
 *
 *     value[k]                      the node's value (kept only when `keepValues` is on: see there)
 *     parentA[k], partialA[k]       first parent and ∂k/∂parentA   (−1 when there is none)
 *     parentB[k], partialB[k]       second parent and ∂k/∂parentB  (−1 when there is none)
 *     parentC[k], partialC[k]       third parent and ∂k/∂parentC, only for a *ternary* node, which
 *                                   marks itself by storing its second parent as −3 − parentB
 *
 * An *accumulator* node (parentA[k] = NARY) has any number of parents, kept in side arrays:
 *
 *     sideParent[o … o + n − 1], sidePartial[o … o + n − 1]   with o = parentB[k], n = parentC[k]
 *
 * It is what a loop's `s += w · x` becomes (runner/transformAccumulate.ts): while nothing else has
 * been recorded since, the next iteration appends its leaves to the same node instead of adding a
 * node — s = s₀ + Σᵢ wᵢxᵢ as one node with ∂s/∂s₀ = 1, ∂s/∂wᵢ = xᵢ, ∂s/∂xᵢ = wᵢ. A node may grow
 * only for the loop run that made it (`accToken`), which the transformer allows only where the
 * running sum is read by nothing but that statement inside the loop.
 *
 * Ternary nodes exist for fused expressions with three active leaves — the multiply-accumulate
 * `v += w · a` of a network written with loops is one node instead of a chain of two, which is a
 * third fewer nodes to write and sweep on such a tape. Only those nodes write column C, so it
 * costs nothing elsewhere.
 *
 * The backward pass then needs no closures and no topological sort: nodes are appended in
 * evaluation order, so walking k = size−1 … 0 once visits every node after all its consumers:
 *
 *     adj[root] = 1
 *     adj[parentA[k]] += partialA[k] · adj[k]
 *     adj[parentB[k]] += partialB[k] · adj[k]
 *
 * Struct-of-arrays (preallocated typed arrays, grown by doubling) is why this is fast: no object,
 * closure or sort per node (see docs/ARCHITECTURE.md, "Performance facts").
 *
 * Tensor operations (matmul, softmax cross-entropy, …) cannot be expressed as two-parent scalar
 * nodes without losing all speed, so they are *custom* nodes: one node whose backward is a
 * closure that reads `adj[k]` (or its own tensor gradient buffers) and accumulates into its inputs.
 * Custom nodes are rare (one per tensor op), so a closure each costs nothing measurable.
 */

/** Backward of a custom node: `adjOut` is ∂L/∂(this node's scalar value); tensor ops may ignore it. */
export type CustomBackward = (tape: Tape, adjOut: number) => void;

/** Marks a node whose backward is a closure rather than two scalar partials. */
const CUSTOM = -2;

/** parentB[k] ≤ TERNARY marks a ternary node; its second parent is TERNARY − parentB[k]. */
const TERNARY = -3;

/** parentA[k] = NARY marks an accumulator node (parents in the side arrays). */
const NARY = -3;

/** Thrown when one evaluation records more nodes than memory allows (a runaway loop, usually). */
export class TapeOverflowError extends Error {
  constructor(readonly limit: number) {
    super(`The tape exceeded ${limit} operations in one evaluation.`);
    this.name = 'TapeOverflowError';
  }
}

export class Tape {
  // `declare`d fields, assigned in the constructor: a class-field declaration would first define
  // each as undefined (ES2022 semantics), which costs V8 the field's type and every access to
  // the arrays in push() a map check.
  /**
   * Forward values by node, written only while `keepValues` is true (views that show a tape's
   * values, and tests). Training never reads them — a Var carries its value — and not writing
   * 8 bytes per node was measured at 15% of a large tape's evaluation (W3 as plain-TS loops).
   */
  declare value: Float64Array;
  declare keepValues: boolean;
  declare adj: Float64Array;
  declare parentA: Int32Array;
  declare parentB: Int32Array;
  declare partialA: Float64Array;
  declare partialB: Float64Array;
  declare parentC: Int32Array;
  declare partialC: Float64Array;
  /** Parents and partials of accumulator nodes, each node's pairs contiguous. */
  declare sideParent: Int32Array;
  declare sidePartial: Float64Array;
  declare sideSize: number;
  /** The accumulator node that may still grow (−1: none), and the loop run that made it. */
  declare accNode: number;
  declare accToken: number;
  /** Backward closures of custom nodes, indexed by node id (sparse). */
  declare private readonly customs: Map<number, CustomBackward>;
  /** Number of nodes recorded since the last reset. */
  declare size: number;
  /**
   * Hard cap on nodes per evaluation: 4M recorded operations (≈300 MB with their Vars) is far
   * beyond a learner's loss, and hitting it is the quickest sign of an endless loop.
   */
  declare readonly maxNodes: number;

  constructor(capacity = 1 << 12, maxNodes = 1 << 22, keepValues = false) {
    this.keepValues = keepValues;
    this.value = new Float64Array(capacity);
    this.adj = new Float64Array(capacity);
    this.parentA = new Int32Array(capacity);
    this.parentB = new Int32Array(capacity);
    this.partialA = new Float64Array(capacity);
    this.partialB = new Float64Array(capacity);
    this.parentC = new Int32Array(capacity);
    this.partialC = new Float64Array(capacity);
    this.sideParent = new Int32Array(capacity);
    this.sidePartial = new Float64Array(capacity);
    this.sideSize = 0;
    this.accNode = -1;
    this.accToken = -1;
    this.customs = new Map();
    this.size = 0;
    this.maxNodes = maxNodes;
  }

  /** Forgets every node, keeping the allocated arrays for the next evaluation. */
  reset(): void {
    this.size = 0;
    this.sideSize = 0;
    this.accNode = -1;
    if (this.customs.size) this.customs.clear();
  }

  /** A leaf (a parameter, or a constant lifted onto the tape): no parents. */
  leaf(v: number): number {
    return this.push(v, -1, 0, -1, 0);
  }

  /**
   * y = f(a) with local derivative da = ∂y/∂a. A parent −1 is a constant (a value kept from an
   * earlier evaluation: var.ts); then y is a constant too, and nothing is recorded (−1 returned).
   */
  unary(v: number, a: number, da: number): number {
    if (a < 0) return -1;
    return this.push(v, a, da, -1, 0);
  }

  /**
   * y = f(a, b) with local derivatives da = ∂y/∂a and db = ∂y/∂b. A constant parent (−1) is left
   * out: as parent B it already reads as "none", as parent A the node becomes unary in b.
   */
  binary(v: number, a: number, da: number, b: number, db: number): number {
    if (a < 0) return this.unary(v, b, db);
    return this.push(v, a, da, b, db);
  }

  /** y = f(a, b, c) with local derivatives da, db, dc (b stored as −3 − b: see the header); constant parents (−1) left out. */
  ternary(v: number, a: number, da: number, b: number, db: number, c: number, dc: number): number {
    if (a < 0 || b < 0 || c < 0)
      return a < 0 ? this.binary(v, b, db, c, dc) : b < 0 ? this.binary(v, a, da, c, dc) : this.binary(v, a, da, b, db);
    const k = this.push(v, a, da, TERNARY - b, db);
    this.parentC[k] = c;
    this.partialC[k] = dc;
    return k;
  }

  /**
   * A new accumulator node with value v and no parents yet (accAdd gives them), which loop run
   * `token` may grow while it stays the last node.
   */
  accStart(v: number, token: number): number {
    const k = this.push(v, NARY, 0, this.sideSize, 0);
    this.parentC[k] = 0;
    this.accNode = k;
    this.accToken = token;
    return k;
  }

  /** Whether accumulator node k may take more parents for loop run `token` (nothing recorded since); fused code inlines it. */
  canGrow(k: number, token: number): boolean {
    return k === this.accNode && token === this.accToken && k === this.size - 1;
  }

  /** One more parent of the last accumulator node k: ∂k/∂parent = partial (a constant, −1, is left out). */
  accAdd(k: number, parent: number, partial: number): void {
    if (parent < 0) return;
    const j = this.sideSize;
    if (j === this.sideParent.length) this.reserveSide(1);
    this.sideParent[j] = parent;
    this.sidePartial[j] = partial;
    this.sideSize = j + 1;
    this.parentC[k]++;
  }

  /** Node k's value changed as it grew (kept only with keepValues, as push does). */
  accValue(k: number, v: number): void {
    if (this.keepValues) this.value[k] = v;
  }

  /** The parents of node k with their local derivatives (none for leaves and custom nodes). */
  parentsOf(k: number): Array<[parent: number, partial: number]> {
    const a = this.parentA[k];
    if (a === NARY) {
      const o = this.parentB[k];
      const pairs = Array.from(
        { length: this.parentC[k] },
        (_, j) => [this.sideParent[o + j], this.sidePartial[o + j]] as [number, number],
      );
      return pairs.filter(([parent]) => parent >= 0); // fused code writes constants (−1) too
    }
    if (a < 0) return [];
    const out: Array<[number, number]> = [[a, this.partialA[k]]];
    const b = this.parentB[k];
    if (b >= 0) out.push([b, this.partialB[k]]);
    else if (b <= TERNARY) out.push([TERNARY - b, this.partialB[k]], [this.parentC[k], this.partialC[k]]);
    return out;
  }

  /** A custom node with scalar value v whose backward is a closure (tensor ops). */
  custom(v: number, backward: CustomBackward): number {
    const k = this.push(v, CUSTOM, 0, -1, 0);
    this.customs.set(k, backward);
    return k;
  }

  /** Adds g to the adjoint of node k (for custom backward closures). */
  accumulate(k: number, g: number): void {
    this.adj[k] += g;
  }

  /**
   * One reverse sweep from `root`: afterwards adj[k] = ∂root/∂node k for every node.
   * Returns the adjoint array (valid for indices < size until the next reset).
   *
   * The sweep is latency-bound, not work-bound: almost every node is consumed by the very next
   * one (`t = p − c; u = t²; …`), so adj[k − 1] is read right after node k wrote it, and each
   * step waits for a store to be forwarded to the next load. `carry` keeps the contribution to
   * node k − 1 in a register instead (≈25% faster on learner loops); contributions to any other
   * node go through memory as before.
   */
  backward(root: number): Float64Array {
    const { adj, parentA, parentB, partialA, partialB, parentC, partialC, sideParent, sidePartial } = this;
    adj.fill(0, 0, this.size);
    let carry = 1; // pending contribution to adj[k]: seeds ∂root/∂root = 1
    for (let k = root; k >= 0; k--) {
      const g = adj[k] + carry;
      adj[k] = g;
      carry = 0;
      const a = parentA[k];
      if (a === CUSTOM) {
        (this.customs.get(k) as CustomBackward)(this, g);
        continue;
      }
      // Skipping zero adjoints also keeps 0·∞ (an infinite local partial nobody needs) out.
      if (g === 0) continue;
      if (a < 0) {
        if (a === NARY) {
          // An accumulator: every pair through memory (the carry of k − 1 is added on top). Fused
          // code writes its pairs itself, constants (−1: values kept from an earlier evaluation)
          // included, which have no adjoint to receive.
          const o = parentB[k];
          const end = o + parentC[k];
          for (let j = o; j < end; j++) {
            const p = sideParent[j];
            if (p >= 0) adj[p] += sidePartial[j] * g;
          }
        }
        continue;
      }
      const previous = k - 1;
      if (a === previous) carry = partialA[k] * g;
      else adj[a] += partialA[k] * g;
      const b = parentB[k];
      if (b === previous) carry += partialB[k] * g;
      else if (b >= 0) adj[b] += partialB[k] * g;
      else if (b <= TERNARY) {
        // Parents B and C of a ternary node, through memory even if one is k − 1 (carry adds on top).
        adj[TERNARY - b] += partialB[k] * g;
        adj[parentC[k]] += partialC[k] * g;
      }
    }
    return adj;
  }

  private push(v: number, a: number, da: number, b: number, db: number): number {
    const k = this.size;
    if (k === this.adj.length) this.grow();
    if (this.keepValues) this.value[k] = v;
    this.parentA[k] = a;
    this.partialA[k] = da;
    this.parentB[k] = b;
    this.partialB[k] = db;
    this.size = k + 1;
    return k;
  }

  /**
   * Room for `more` pairs in the side arrays (fused accumulating code writes them directly). They
   * hold at most twice as many pairs as the tape may hold nodes: an endless accumulating loop ends
   * with TapeOverflowError, as an endless recording one does.
   */
  reserveSide(more: number): void {
    while (this.sideSize + more > this.sideParent.length) {
      if (this.sideParent.length >= 2 * this.maxNodes) throw new TapeOverflowError(this.maxNodes);
      const n = this.sideParent.length * 2;
      const p = new Int32Array(n);
      p.set(this.sideParent);
      const q = new Float64Array(n);
      q.set(this.sidePartial);
      this.sideParent = p;
      this.sidePartial = q;
    }
  }

  private grow(): void {
    const n = this.adj.length * 2;
    if (this.adj.length >= this.maxNodes) throw new TapeOverflowError(this.maxNodes);
    const growF = (old: Float64Array) => {
      const a = new Float64Array(n);
      a.set(old);
      return a;
    };
    const growI = (old: Int32Array) => {
      const a = new Int32Array(n);
      a.set(old);
      return a;
    };
    this.value = growF(this.value);
    this.adj = growF(this.adj);
    this.partialA = growF(this.partialA);
    this.partialB = growF(this.partialB);
    this.parentA = growI(this.parentA);
    this.parentB = growI(this.parentB);
    this.parentC = growI(this.parentC);
    this.partialC = growF(this.partialC);
  }
}
