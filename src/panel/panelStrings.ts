import type { PanelStrings, StopReason } from '../protocol/panelProtocol';
import { t } from '../l10n/localize';

/** The webview's strings, resolved on the host in the learner's language. */
export function panelStrings(): PanelStrings {
  return {
    title: t('Loss panel'),
    emptyState: t('No run yet. Open a loss file and run "Train current file" to watch the loss descend here.'),
    lossCurve: t('Loss curve'),
    step: t('Step'),
    loss: t('Loss'),
    logScale: t('Log scale'),
    optimizer: t('Optimizer'),
    learningRate: t('Learning rate'),
    steps: t('Steps'),
    stepsAtMost: t('Steps (at most; stops when converged)'),
    atStep: t('at step {0}'),
    rerun: t('Run again'),
    reroll: t('New random start'),
    rerollHint: t('Draws a new random initialisation (a network: its weights with a new seed) and trains again'),
    initSeed: t('seed {0}'),
    stop: t('Stop'),
    startPoint: t('Start point'),
    startPlaceholder: t("e.g. -1.2, 1 (empty: the file's init)"),
    parameter: t('Parameter'),
    lossSurface: t('Loss surface'),
    curve: t('Loss L(w)'),
    tangent: t('Tangent at the current step'),
    clickToStart: t('Click the map to start a new run from that point.'),
    gradNorm: t('Gradient norm ‖∇L‖'),
    parameterTraces: t('Parameters over steps'),
    play: t('Play'),
    pause: t('Pause'),
    stepBack: t('Previous step'),
    stepForward: t('Next step'),
    timeline: t('Step of the run shown'),
    exportCsv: t('Save as CSV'),
    exportJson: t('Save as JSON'),
    exportPng: t('Save charts as PNG'),
    explain: t('Explain this'),
    remedy: t('Train with this remedy (L = {0} expected)'),
    remedyHint: t('Trains this file again with the settings the diagnosis tried from the same start: {0}'),
    batchSize: t('mini-batch {0}'),
    update: t('Update'),
    optimizerState: t('Optimizer state used by this update'),
    graphValue: t('value'),
    graphAdjoint: t('adjoint ∂L/∂node'),
    backwardStep: t('Backward step'),
    backwardRestart: t('Start the backward pass again'),
    decisionBoundary: t('Decision boundary: the network’s prediction over the data'),
    trainingAccuracy: t('training accuracy {0}%'),
    testAccuracy: t('validation accuracy {0}%'),
    testLoss: t('validation loss'),
    testLossNote: t(
      'Dashed curve: the loss on held-out validation samples, which the optimizer never takes gradients from. When it rises while the training loss keeps falling, the model is overfitting.',
    ),
    divergedTag: t('diverged'),
    reasons: stopReasons(),
  };
}

/** Why a run stopped, in the learner's language (panel, status bar, log). */
export function stopReasons(): Record<StopReason, string> {
  return {
    completed: t('Finished all steps'),
    converged: t('Converged'),
    diverged: t('Stopped: the loss became infinite or NaN'),
    cancelled: t('Cancelled'),
    timeout: t('Stopped: time limit reached'),
    error: t('Stopped by an error'),
  };
}
