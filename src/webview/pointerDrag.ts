/**
 * Dragging on an element, told apart from clicking on what is inside it. A press that moves less
 * than DRAG_THRESHOLD pixels stays a click for the element under the pointer; past that it is a
 * drag, reported move by move, and the click the browser sends when it ends is swallowed (a drag
 * that starts on a button must not press it).
 */

/** A press that moves less than this many pixels is a click, more is a drag. */
const DRAG_THRESHOLD = 4;

/**
 * Calls `onMove(dx, dy)` with each move of a primary-button drag on `element`: how far the pointer
 * went since the last call, in screen pixels. The element has the class "dragging" meanwhile.
 */
export function listenForDrag(element: HTMLElement, onMove: (dx: number, dy: number) => void): void {
  let drag: { id: number; startX: number; startY: number; lastX: number; lastY: number; moving: boolean } | undefined;
  // The click that ends a drag must not reach what the drag started on.
  let swallowClick = false;
  element.addEventListener('pointerdown', (e) => {
    swallowClick = false;
    if (e.button !== 0 || !e.isPrimary) return;
    drag = { id: e.pointerId, startX: e.clientX, startY: e.clientY, lastX: e.clientX, lastY: e.clientY, moving: false };
  });
  element.addEventListener('pointermove', (e) => {
    if (!drag || e.pointerId !== drag.id) return;
    if ((e.buttons & 1) === 0) {
      // Released outside the element before the drag began (so before any capture): over.
      drag = undefined;
      return;
    }
    if (!drag.moving) {
      if (Math.hypot(e.clientX - drag.startX, e.clientY - drag.startY) < DRAG_THRESHOLD) return;
      // Captured only once it is a drag: captured from the press, a plain click would land on
      // the element itself instead of the one under the pointer.
      drag.moving = true;
      element.setPointerCapture(e.pointerId);
      element.classList.add('dragging');
    }
    onMove(e.clientX - drag.lastX, e.clientY - drag.lastY);
    drag.lastX = e.clientX;
    drag.lastY = e.clientY;
  });
  const end = (e: PointerEvent) => {
    if (!drag || e.pointerId !== drag.id) return;
    if (drag.moving) {
      // A cancelled pointer sends no click; any other end of a drag is followed by one.
      swallowClick = e.type !== 'pointercancel';
      element.classList.remove('dragging');
    }
    drag = undefined;
  };
  element.addEventListener('pointerup', end);
  element.addEventListener('pointercancel', end);
  element.addEventListener('lostpointercapture', end);
  element.addEventListener(
    'click',
    (e) => {
      if (!swallowClick) return;
      swallowClick = false;
      e.stopPropagation();
      e.preventDefault();
    },
    true,
  );
}
