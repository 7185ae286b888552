/** The limits of one job in a sealed room, the same for the desktop's room and the browser's (isolatedRun.ts, isolatedRun.web.ts). */
export interface IsolationLimits {
  /** Wall-clock limit of the whole job (ms). */
  timeoutMs: number;
  /** How long a stop request may take before the worker is terminated (ms). */
  graceMs: number;
  /** V8 old-generation heap of the worker (MB). */
  memoryMb: number;
  /** Stack of the worker's main thread (MB). */
  stackMb: number;
  /** Resident memory of the whole room — heap, array buffers, code (MB). */
  rssMb: number;
  /**
   * The folder the learner's code may read (its helpers, its data files): the editor passes the
   * workspace folder; by default the learner file's own folder.
   */
  readRoot?: string;
}

// 1 GB: a runaway loop must reach the tape's cap (a message at its line) before the heap limit.
export const DEFAULT_LIMITS: IsolationLimits = { timeoutMs: 60_000, graceMs: 1_000, memoryMb: 1024, stackMb: 4, rssMb: 1536 };
