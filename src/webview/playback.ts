/**
 * Playback of a run: play, pause, previous/next step and a scrubber over its recorded points.
 * The views show the chosen step (a marker on the loss curve, the tangent on the 1-D curve, a
 * ring on the contour map). Keyboard: the scrubber takes arrow keys, Home and End; buttons take
 * Enter/Space.
 *
 * With `prefers-reduced-motion: reduce`, Play does not animate: it shows about ten still frames,
 * one per second, so the learner still sees the run unfold without moving pictures.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import type { PanelStrings, StepPoint } from '../protocol/panelProtocol';
import { formatNumber } from './numberFormat';

/** Frames per second of playback; a long run is played in at most ~10 seconds. */
const FPS = 30;
const MAX_FRAMES = 300;
/** Reduced motion: one still frame per second, ten at most. */
const CALM_INTERVAL_MS = 1000;
const CALM_FRAMES = 10;

function reducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

export class Playback {
  readonly element: HTMLElement;
  private points: StepPoint[] = [];
  private index = 0;
  private timer = 0;
  /** Whether the cursor follows the newest point (until the learner moves it elsewhere). */
  private follow = true;
  private readonly slider: HTMLInputElement;
  private readonly label: HTMLOutputElement;
  private readonly playButton: HTMLElement;

  constructor(
    private readonly strings: PanelStrings,
    private readonly onCursor: (p: StepPoint | undefined) => void,
  ) {
    const bar = document.createElement('div');
    bar.className = 'playback';
    bar.setAttribute('role', 'group');
    bar.setAttribute('aria-label', strings.timeline);
    const button = (id: string, icon: string, label: string, action: () => void) => {
      const b = document.createElement('vscode-button');
      b.id = id;
      b.setAttribute('icon', icon);
      b.setAttribute('aria-label', label);
      b.setAttribute('title', label);
      b.setAttribute('secondary', '');
      b.addEventListener('click', action);
      return b;
    };
    this.playButton = button('play', 'play', strings.play, () => this.toggle());
    this.slider = document.createElement('input');
    this.slider.type = 'range';
    this.slider.id = 'timeline';
    this.slider.min = '0';
    this.slider.max = '0';
    this.slider.setAttribute('aria-label', strings.timeline);
    this.slider.addEventListener('input', () => this.show(Number(this.slider.value)));
    this.label = document.createElement('output');
    this.label.className = 'timeline-label';
    // Buttons and scrubber on one line; the label wraps below them in a narrow panel (media/panel.css).
    const buttons = document.createElement('div');
    buttons.className = 'playback-buttons';
    buttons.append(
      button('step-back', 'debug-step-back', strings.stepBack, () => this.show(this.index - 1)),
      this.playButton,
      button('step-forward', 'debug-step-over', strings.stepForward, () => this.show(this.index + 1)),
    );
    bar.append(buttons, this.slider, this.label);
    this.element = bar;
  }

  /** Follows a run as it streams: the cursor stays on the newest point unless the learner moved it. */
  setPoints(points: StepPoint[]): void {
    // The array may be the same one, grown in place: remember "following" explicitly.
    this.points = points;
    this.slider.max = String(Math.max(0, points.length - 1));
    if (this.follow) this.show(points.length - 1, false);
    else this.updateLabel();
  }

  get current(): StepPoint | undefined {
    return this.points[this.index];
  }

  show(i: number, notify = true): void {
    if (this.points.length === 0) return;
    this.index = Math.min(this.points.length - 1, Math.max(0, i));
    if (notify) this.follow = this.index === this.points.length - 1;
    this.slider.value = String(this.index);
    this.updateLabel();
    if (notify || this.timer) this.onCursor(this.points[this.index]);
  }

  toggle(): void {
    if (this.timer) {
      this.pause();
      return;
    }
    if (this.index >= this.points.length - 1) this.show(0);
    // Read when Play is pressed: the learner may change the system setting while the panel is open.
    const calm = reducedMotion();
    const stride = Math.max(1, Math.ceil(this.points.length / (calm ? CALM_FRAMES : MAX_FRAMES)));
    const interval = calm ? CALM_INTERVAL_MS : 1000 / FPS;
    // For tests: how Play moves (an interval in ms and a stride in points).
    this.element.dataset.interval = String(Math.round(interval));
    this.element.dataset.stride = String(stride);
    this.timer = window.setInterval(() => {
      if (this.index >= this.points.length - 1) this.pause();
      else this.show(this.index + stride);
    }, interval);
    this.playButton.setAttribute('icon', 'debug-pause');
    this.playButton.setAttribute('aria-label', this.strings.pause);
  }

  pause(): void {
    window.clearInterval(this.timer);
    this.timer = 0;
    this.playButton.setAttribute('icon', 'play');
    this.playButton.setAttribute('aria-label', this.strings.play);
  }

  private updateLabel(): void {
    const p = this.points[this.index];
    this.label.value = p ? `${this.strings.step} ${p.step} · L = ${formatNumber(p.loss, 5)}` : '';
  }
}
