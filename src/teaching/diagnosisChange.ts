/** One setting a diagnosis tries in a rerun from the same start (a remedy is one or more of these). */
export type Change =
  | { kind: 'learningRate'; value: number }
  | { kind: 'optimizer'; value: string }
  | { kind: 'steps'; value: number }
  | { kind: 'fullBatch'; value: number }
  | { kind: 'init'; value: number[] };
