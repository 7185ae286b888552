/**
 * The JavaScript of one fused expression (transformFusion.ts decides what fuses; this writes it):
 *
 *   __gdfN(x0 … xn−1)   all leaves plain numbers → the expression in native arithmetic
 *   __gdfNa(x0 … xn−1)  numbers and Vars → forward values, the adjoint of every node of the tree
 *                       (root first: local derivative × adjoint, nothing through a zero adjoint,
 *                       as tape.ts's sweep), then the node(s) written straight onto the tape;
 *                       anything else → the per-operator runtime calls the unfused transform makes
 *
 * Every formula here mirrors the runtime's own (engine/arithmetic.ts, runtimeMathUnary.ts through
 * the rules table `U`), which is why fused values are bit-identical to the per-operator path.
 */

export type BinaryOp = 'add' | 'sub' | 'mul' | 'div';

const SYMBOL: Record<BinaryOp, string> = { add: '+', sub: '-', mul: '*', div: '/' };

/** The expression tree of a fusion candidate. */
export type Tree =
  | { kind: 'leaf'; index: number }
  | { kind: 'const'; value: number }
  | { kind: 'binary'; op: BinaryOp; a: Tree; b: Tree }
  | { kind: 'neg'; a: Tree }
  | { kind: 'pow'; a: Tree; k: number }
  | { kind: 'math'; fn: string; a: Tree };

/** A number as JavaScript source that reads back to the same double (−0 and ∞ included). */
function numberText(v: number): string {
  if (Number.isNaN(v)) return '(0 / 0)';
  if (!Number.isFinite(v)) return v > 0 ? '(1 / 0)' : '(-1 / 0)';
  if (Object.is(v, -0)) return '(-0)';
  return v < 0 ? `(${String(v)})` : String(v);
}

/**
 * Writes the two functions of one fused tree. `rt` is the runtime's name; leaves are x0…xn−1.
 * Returned as JavaScript text, appended to the module by the loader.
 */
export function fusedFunctionSource(name: string, tree: Tree, leafCount: number, rt: string, accumulate = false): string {
  // An accumulating statement (`s += …` in a loop, transformAccumulate.ts) takes its loop run's token first.
  const params = [...(accumulate ? ['t'] : []), ...Array.from({ length: leafCount }, (_, i) => `x${i}`)].join(', ');
  let temps = 0;

  // Forward pass: one const per operator, leaves read through `leafName`.
  const forward = (leafName: (i: number) => string) => {
    const lines: string[] = [];
    const values = new Map<Tree, string>();
    const emit = (t: Tree): string => {
      switch (t.kind) {
        case 'leaf':
          return leafName(t.index);
        case 'const':
          return numberText(t.value);
        case 'binary': {
          const a = emit(t.a);
          const b = emit(t.b);
          const v = `t${temps++}`;
          lines.push(`const ${v} = ${a} ${SYMBOL[t.op]} ${b};`);
          values.set(t, v);
          return v;
        }
        case 'neg': {
          const a = emit(t.a);
          const v = `t${temps++}`;
          lines.push(`const ${v} = -${a};`);
          values.set(t, v);
          return v;
        }
        case 'pow': {
          const a = emit(t.a);
          const v = `t${temps++}`;
          lines.push(t.k === 2 ? `const ${v} = ${a} * ${a};` : `const ${v} = ${a} ** ${numberText(t.k)};`);
          values.set(t, v);
          return v;
        }
        case 'math': {
          const a = emit(t.a);
          const v = `t${temps++}`;
          lines.push(`const ${v} = U.${t.fn}.f(${a});`);
          values.set(t, v);
          return v;
        }
      }
    };
    const result = emit(tree);
    return { lines, result, values };
  };

  // Plain numbers: native arithmetic, nothing recorded.
  const plain = forward((i) => `x${i}`);
  const numbersTest = Array.from({ length: leafCount }, (_, i) => `typeof x${i} === "number"`).join(' && ');

  // Numbers and Vars: value, then the adjoint of every node of the tree (root first), then a node.
  const active = forward((i) => `a${i}`);
  const valueOf = (t: Tree): string =>
    t.kind === 'leaf' ? `a${t.index}` : t.kind === 'const' ? numberText(t.value) : (active.values.get(t) as string);
  const reverse: string[] = [];
  const leafAdjoint = new Map<number, string>();
  let adjoints = 0;
  /** adjoint of a child = local derivative × adjoint of the node, or 0 when that adjoint is 0. */
  const through = (partial: string, g: string): string => {
    // With the root's adjoint 1 the child's adjoint is the local derivative itself (× 1 is exact).
    if (g === '1' && /^[\w.]+$/.test(partial)) return partial;
    const v = `g${adjoints++}`;
    reverse.push(g === '1' ? `const ${v} = ${partial};` : `const ${v} = ${g} === 0 ? 0 : ${partial} * ${g};`);
    return v;
  };
  const negated = (g: string): string => {
    const v = `g${adjoints++}`;
    reverse.push(`const ${v} = -${g};`);
    return v;
  };
  const back = (t: Tree, g: string): void => {
    switch (t.kind) {
      case 'leaf':
        leafAdjoint.set(t.index, g);
        return;
      case 'const':
        return;
      case 'binary': {
        const a = valueOf(t.a);
        const b = valueOf(t.b);
        const y = valueOf(t);
        switch (t.op) {
          case 'add': // y = a + b; ∂y/∂a = 1, ∂y/∂b = 1
            back(t.a, g);
            back(t.b, g);
            return;
          case 'sub': // y = a − b; ∂y/∂a = 1, ∂y/∂b = −1
            back(t.a, g);
            if (t.b.kind !== 'const') back(t.b, negated(g));
            return;
          case 'mul': // y = a·b; ∂y/∂a = b, ∂y/∂b = a
            if (t.a.kind !== 'const') back(t.a, through(b, g));
            if (t.b.kind !== 'const') back(t.b, through(a, g));
            return;
          case 'div': // y = a/b; ∂y/∂a = 1/b, ∂y/∂b = −y/b
            if (t.a.kind !== 'const') back(t.a, through(`(1 / ${b})`, g));
            if (t.b.kind !== 'const') back(t.b, through(`(-${y} / ${b})`, g));
            return;
        }
        return;
      }
      case 'neg': // y = −a; ∂y/∂a = −1
        back(t.a, negated(g));
        return;
      case 'pow': {
        // y = aᵏ; ∂y/∂a = k·aᵏ⁻¹ (2a for k = 2, 0 for k = 0), as arithmetic.ts
        const a = valueOf(t.a);
        const d = t.k === 2 ? `(2 * ${a})` : t.k === 0 ? '0' : `(${numberText(t.k)} * ${a} ** ${numberText(t.k - 1)})`;
        back(t.a, through(d, g));
        return;
      }
      case 'math': // y = f(a); ∂y/∂a from the rules table
        back(t.a, through(`U.${t.fn}.d(${valueOf(t.a)}, ${valueOf(t)})`, g));
        return;
    }
  };
  back(tree, '1');

  // The per-operator runtime calls: what the unfused transform would have run.
  const generic = (t: Tree): string => {
    switch (t.kind) {
      case 'leaf':
        return `x${t.index}`;
      case 'const':
        return numberText(t.value);
      case 'binary':
        return `${rt}.${t.op}(${generic(t.a)}, ${generic(t.b)})`;
      case 'neg':
        return `${rt}.neg(${generic(t.a)})`;
      case 'pow':
        return `${rt}.pow(${generic(t.a)}, ${numberText(t.k)})`;
      case 'math':
        return `${rt}.Math.${t.fn}(${generic(t.a)})`;
    }
  };

  const leafIndices = Array.from({ length: leafCount }, (_, i) => i);
  // The node(s): written straight onto the tape (a scratch array and a loop cost a quarter of a
  // fused call). Which leaves are active is known only at run time, so the first two active ones
  // wait in (p, q) and (r, s); the third makes one ternary node of all three; each later one adds
  // a binary node of the previous node (∂ = 1) and itself. Fewer than three: one binary or unary node.
  const recordLeaf = (i: number) => {
    const d = leafAdjoint.get(i) ?? '0';
    return (
      `  if (typeof x${i} !== "number") { ` +
      `if (k >= 0) k = T.binary(y, k, 1, x${i}.id, ${d}); ` +
      `else if (r >= 0) k = T.ternary(y, p, q, r, s, x${i}.id, ${d}); ` +
      `else if (p >= 0) { r = x${i}.id; s = ${d}; } ` +
      `else { p = x${i}.id; q = ${d}; } }`
    );
  };
  const usesU = /\bU\./;
  const activeBody = [...active.lines, ...reverse].join('\n  ');
  // Accumulating: leaf 0 is the running sum, with ∂y/∂x0 = 1 exactly (y = x0 ± …). While the loop
  // run's accumulator node is still the last one, the new leaves join it; else a new one starts.
  const grows = accumulate && leafAdjoint.get(0) === '1';
  // The new pairs are written straight into the tape's side arrays (as the ternary path writes its
  // node): a call per pair was a third of a multiply-accumulate.
  const pairs = (indent: string) => [
    `${indent}T.reserveSide(${leafCount - 1});`,
    `${indent}const P = T.sideParent, D = T.sidePartial, j0 = T.sideSize;`,
    `${indent}let j = j0;`,
    ...leafIndices
      .slice(1)
      .map((i) => `${indent}if (typeof x${i} !== "number") { P[j] = x${i}.id; D[j++] = ${leafAdjoint.get(i) ?? '0'}; }`),
    `${indent}T.sideSize = j;`,
    `${indent}T.parentC[k] += j - j0;`,
  ];
  const record = grows
    ? [
        `  const T = ${rt}.tape, y = ${valueOf(tree)};`,
        '  if (typeof x0 !== "number" && x0.id === T.accNode && t === T.accToken && x0.id === T.size - 1) {',
        '    const k = x0.id;',
        ...pairs('    '),
        '    T.accValue(k, y);',
        '    x0.v = y;',
        '    return x0;',
        '  }',
        '  const k = T.accStart(y, t);',
        '  if (typeof x0 !== "number") T.accAdd(k, x0.id, 1);',
        ...pairs('  '),
        `  return ${rt}.fusedNode(k, y);`,
      ]
    : [
        `  const T = ${rt}.tape, y = ${valueOf(tree)};`,
        '  let k = -1, p = -1, q = 0, r = -1, s = 0;',
        ...leafIndices.map(recordLeaf),
        '  if (k < 0) k = r >= 0 ? T.binary(y, p, q, r, s) : T.unary(y, p, q);',
        `  return ${rt}.fusedNode(k, y);`,
      ];
  return [
    `function ${name}(${params}) {`,
    usesU.test(plain.lines.join('')) ? `  const U = ${rt}.U;` : '',
    `  if (${numbersTest}) {`,
    ...plain.lines.map((l) => `    ${l}`),
    `    return ${plain.result};`,
    '  }',
    `  return ${name}a(${params});`,
    '}',
    `function ${name}a(${params}) {`,
    `  const V = ${rt}.Var;`,
    `  if (!(${leafIndices.map((i) => `(typeof x${i} === "number" || x${i} instanceof V)`).join(' && ')})) return ${generic(tree)};`,
    usesU.test(activeBody) ? `  const U = ${rt}.U;` : '',
    ...leafIndices.map((i) => `  const a${i} = typeof x${i} === "number" ? x${i} : x${i}.v;`),
    `  ${activeBody}`,
    ...record,
    '}',
  ]
    .filter((l) => l !== '')
    .join('\n');
}
