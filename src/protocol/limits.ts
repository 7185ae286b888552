/** Bounds the panel may ask for: a run the host starts on the webview's word must stay sane. */
export const LIMITS = {
  maxSteps: 1_000_000,
  minLearningRate: 1e-8,
  maxLearningRate: 1e3,
  maxDimension: 10_000,
  maxPngDataUrl: 20_000_000,
} as const;
