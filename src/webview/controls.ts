/**
 * The run controls: optimizer, learning rate (a logarithmic slider: 10⁻⁴ … 10), steps, start point,
 * and Run / Stop. Every control has a visible label and works from the keyboard; changing a
 * setting and pressing Run (or Enter in a field) asks the host for a new run at once.
 * "New random start" draws a seed and runs from a fresh random initialisation (a network's weights
 * as model.init(seed)): initialisation is a choice, and rolling it again shows how much it matters.
 *
 * A compact toolbar below the picture: optimizer, η, Run and Stop in one row; steps, start point,
 * New random start (and the panel's export buttons, added to `moreButtons`) behind a disclosure
 * (<details>, closed at first), so the first screen is the chart, not a form.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import { OPTIMIZERS, type OptimizerName, type PanelStrings, type RunSettings } from '../protocol/panelProtocol';

const LR_MIN_EXP = -4;
const LR_MAX_EXP = 1;

type ValueElement = HTMLElement & { value: string };

export interface Controls {
  element: HTMLElement;
  /** The disclosure of the less used settings, and its row of buttons (the panel appends its exports there). */
  more: HTMLDetailsElement;
  moreButtons: HTMLElement;
  settings(): RunSettings;
  set(settings: RunSettings): void;
}

function labelled(id: string, text: string, control: HTMLElement): HTMLElement {
  const wrap = document.createElement('div');
  wrap.className = 'control';
  const label = document.createElement('label');
  label.htmlFor = id;
  label.textContent = text;
  control.id = id;
  control.setAttribute('aria-label', text);
  wrap.append(label, control);
  return wrap;
}

/** Parses "1.5, -2" into numbers; undefined for an empty field, null when malformed. */
export function parseStart(text: string): number[] | undefined | null {
  if (text.trim() === '') return undefined;
  const parts = text.split(',').map((s) => s.trim());
  const values = parts.map(Number);
  return parts.every((p) => p !== '') && values.every(Number.isFinite) ? values : null;
}

export function createControls(strings: PanelStrings, initial: RunSettings, onRun: (s: RunSettings) => void, onStop: () => void): Controls {
  const root = document.createElement('form');
  root.className = 'controls';
  root.setAttribute('aria-label', strings.runSettings);

  const optimizer = document.createElement('vscode-single-select') as ValueElement;
  for (const name of OPTIMIZERS) {
    const option = document.createElement('vscode-option');
    option.setAttribute('value', name);
    option.textContent = name;
    optimizer.append(option);
  }

  const lr = document.createElement('input');
  lr.type = 'range';
  lr.min = String(LR_MIN_EXP);
  lr.max = String(LR_MAX_EXP);
  lr.step = '0.05';
  const lrValue = document.createElement('output');
  lrValue.htmlFor.add('lr');
  lrValue.className = 'lr-value';

  const steps = document.createElement('vscode-textfield') as ValueElement;
  steps.setAttribute('type', 'number');
  steps.setAttribute('min', '1');
  // A run nobody gave a length stops at convergence; `steps` is then its upper bound, and the next
  // run keeps that until the learner types a count of their own (which then runs exactly).
  let tolerance: number | undefined;

  const start = document.createElement('vscode-textfield') as ValueElement;
  start.setAttribute('placeholder', strings.startPlaceholder);

  const run = document.createElement('vscode-button');
  run.id = 'run';
  run.textContent = strings.rerun;
  run.setAttribute('icon', 'play');
  const reroll = document.createElement('vscode-button');
  reroll.id = 'reroll';
  reroll.textContent = strings.reroll;
  reroll.title = strings.rerollHint;
  reroll.setAttribute('icon', 'refresh');
  reroll.setAttribute('secondary', '');
  const stop = document.createElement('vscode-button');
  stop.id = 'stop';
  stop.textContent = strings.stop;
  stop.setAttribute('icon', 'debug-stop');
  stop.setAttribute('secondary', '');

  const stepsField = labelled('steps', strings.steps, steps);
  const stepsLabel = stepsField.querySelector('label') as HTMLLabelElement;
  const showStepsMeaning = () => {
    const text = tolerance === undefined ? strings.steps : strings.stepsAtMost;
    stepsLabel.textContent = text;
    steps.setAttribute('aria-label', text);
  };
  steps.addEventListener('input', () => {
    tolerance = undefined;
    showStepsMeaning();
  });
  const lrWrap = labelled('lr', strings.learningRate, lr);
  lrWrap.classList.add('lr-control');
  lrWrap.append(lrValue);
  const optimizerField = labelled('optimizer', strings.optimizer, optimizer);
  optimizerField.classList.add('optimizer-control');
  const buttons = document.createElement('div');
  buttons.className = 'run-buttons';
  buttons.append(run, stop);
  const main = document.createElement('div');
  main.className = 'controls-main';
  main.append(optimizerField, lrWrap, buttons);

  const more = document.createElement('details');
  more.className = 'more-settings';
  more.id = 'more-settings';
  const summary = document.createElement('summary');
  summary.textContent = strings.moreSettings;
  const moreBody = document.createElement('div');
  moreBody.className = 'more-body';
  const startField = labelled('start', strings.startPoint, start);
  startField.classList.add('start-control');
  const rerollBox = document.createElement('div');
  rerollBox.className = 'more-buttons';
  rerollBox.append(reroll);
  moreBody.append(stepsField, startField, rerollBox);
  more.append(summary, moreBody);
  root.append(main, more);

  // The rate a run used is shown exactly (the slider's 0.05-decade grid would round 0.05 to 0.0501)
  // until the learner moves the slider; then the slider's value counts.
  let exactLr: number | undefined;
  // Settings the controls do not edit but carry over to the next run (a file's or a remedy's batch size).
  let batchSize: number | undefined;
  const learningRate = () => exactLr ?? Number((10 ** Number(lr.value)).toPrecision(2));
  const showLr = () => (lrValue.value = `η = ${learningRate()}`);
  lr.addEventListener('input', () => {
    exactLr = undefined;
    showLr();
  });

  const controls: Controls = {
    element: root,
    more,
    moreButtons: rerollBox,
    settings() {
      const parsedSteps = Math.round(Number(steps.value));
      const init = parseStart(start.value);
      start.toggleAttribute('invalid', init === null);
      return {
        optimizer: (OPTIMIZERS as readonly string[]).includes(optimizer.value) ? (optimizer.value as OptimizerName) : 'sgd',
        learningRate: learningRate(),
        steps: Number.isFinite(parsedSteps) && parsedSteps >= 1 ? parsedSteps : initial.steps,
        init: init ?? undefined,
        ...(batchSize === undefined ? {} : { batchSize }),
        ...(tolerance === undefined ? {} : { tolerance }),
      };
    },
    set(s) {
      optimizer.value = s.optimizer;
      exactLr = s.learningRate;
      batchSize = s.batchSize;
      tolerance = s.tolerance;
      showStepsMeaning();
      lr.value = String(Math.min(LR_MAX_EXP, Math.max(LR_MIN_EXP, Math.log10(s.learningRate))));
      steps.value = String(s.steps);
      start.value = s.init ? s.init.map((v) => Number(v.toPrecision(4))).join(', ') : '';
      showLr();
    },
  };
  controls.set(initial);

  const submit = () => onRun(controls.settings());
  run.addEventListener('click', submit);
  reroll.addEventListener('click', () => {
    // A readable seed (six digits) the learner can copy into model.init(seed) to keep this start.
    const seed = crypto.getRandomValues(new Uint32Array(1))[0] % 1_000_000;
    start.value = '';
    onRun({ ...controls.settings(), init: undefined, initSeed: seed });
  });
  stop.addEventListener('click', onStop);
  root.addEventListener('submit', (e) => {
    e.preventDefault();
    submit();
  });
  for (const field of [steps, start]) {
    field.addEventListener('keydown', (e) => {
      if ((e as KeyboardEvent).key === 'Enter') submit();
    });
  }
  return controls;
}
