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
    legendHint: t('Click: hide or show this run. Double-click or Shift+click: show only this run (again: all runs).'),
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
    lossColorBar: t('Loss (colour on a log scale)'),
    surfaceView: t('Surface view'),
    surfaceMap2d: t('2-D contour map'),
    surface3d: t('3-D surface'),
    surface3dLabel: t(
      '3-D loss surface: height and colour show the loss on a log scale, and the lines are the descent paths from the start ● to the end ■.',
    ),
    surface3dHint: t('Drag or use the arrow keys to turn; wheel or + and − to zoom; 0 resets the view'),
    resetView: t('Reset view'),
    webglUnavailable: t('The 3-D view needs WebGL, which is not available here: the 2-D contour map shows the same surface.'),
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
    graphZoomIn: t('Zoom in'),
    graphZoomOut: t('Zoom out'),
    graphFit: t('Show the whole graph'),
    graphPanHint: t('Drag or use the arrow keys to move; Ctrl+wheel or + and − to zoom; 0 shows the whole graph'),
    decisionBoundary: t('Decision boundary: the network’s prediction over the data'),
    trainingAccuracy: t('training accuracy {0}%'),
    testAccuracy: t('validation accuracy {0}%'),
    testLoss: t('validation loss'),
    testLossNote: t(
      'Dashed curve: the loss on held-out validation samples, which the optimizer never takes gradients from. When it rises while the training loss keeps falling, the model is overfitting.',
    ),
    divergedTag: t('diverged'),
    reasons: stopReasons(),
    trainTitle: t('Gradient descent: {0}'),
    runSettings: t('Run settings'),
    moreSettings: t('More: steps, start point, export'),
    analysisPending: t('Computing on the file’s current text…'),
    captions: {
      empty: t('This panel draws gradient descent at work: the loss at each step, and the path the parameters take over the loss surface.'),
      loss: t('The loss curve shows the loss at each step of the run; with Log scale on, small late changes show too.'),
      curve: t(
        'The loss curve shows the loss at each step; the curve L(w) shows where each step put w, and the slope of the tangent at the step shown is the derivative L′(w) there.',
      ),
      map: t(
        'The loss curve shows the loss at each step; the map shows the loss over the two parameters in colour and contour lines, with the path from the start ● to the end ■ and arrows along −∇L, the direction of steepest descent.',
      ),
      surface3d: t(
        'The loss curve shows the loss at each step; the 3-D surface shows the loss over the two parameters as height and colour, with the path from the start ● down to the end ■ on it. Turn it to see the shape of the valley.',
      ),
      many: t(
        'The loss curve, the gradient norm ‖∇L‖ and up to ten parameters over the steps: with this many parameters no single picture of the loss surface exists.',
      ),
      slice: t(
        'The loss curve, the gradient norm ‖∇L‖ and up to ten parameters over the steps; the map is only a slice of the loss along the first two parameters through one point, not the whole surface.',
      ),
      boundary: t(
        'The decision boundary colours the data’s plane by the network’s prediction, and each data point is drawn in its class’s colour (hollow: held-out validation samples): a point inside the region of its own colour is classified right.',
      ),
      race: t(
        'Every optimizer starts from the same point on the same loss: see in the loss curves and paths which goes down faster, and compare in the table each one’s final loss and the first step at which it came within the tolerance of the lowest loss any of them reached.',
      ),
      restarts: t(
        'Gradient descent from many random starts: see where each run ends and count in the table how many runs reached each minimum (with two parameters, the basin map colours every start by the minimum it leads to).',
      ),
      sweep: t(
        'The same run (same start, optimizer and number of steps) repeated with learning rates from small to large: the chart plots the final loss against η, both on log scales, with diverged rates marked ×; click a point to train with that rate.',
      ),
      curvature: t(
        'The signs of the Hessian’s eigenvalues decide the shape near a point: the map (two parameters) colours every point by them (all positive: locally convex; mixed: saddle-shaped; all negative: locally concave), and the table lists the stationary points (∇L = 0) with their kind and eigenvalues.',
      ),
      whyIterate: t(
        'Three ways to the minimum of a one-parameter loss: Newton’s method takes one step (exact for a convex quadratic), gradient descent many small ones, and brute force evaluates the loss at every point of a grid, a count that grows exponentially with the number of parameters.',
      ),
      batchSizes: t(
        'The same optimizer, learning rate, start and number of steps with different batch sizes: a mini-batch’s per-step loss is measured on a few samples, so its curve is jagged; compare the table’s loss on all training data with the samples processed.',
      ),
      graph: t(
        'One evaluation of the loss as a graph from the parameters to L: each node shows its value and its adjoint ∂L/∂node, each edge the partial derivative along it; ‘{0}’ walks the chain rule back from L one node at a time, and clicking a node selects its expression in the editor.',
      ),
    },
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
