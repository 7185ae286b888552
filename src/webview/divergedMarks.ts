/**
 * A chart.js plugin for the loss chart: a ✕ where each diverged run's curve ends (its last finite
 * loss), in the run's colour on a halo of the background, kept inside the plot area (at the top
 * edge when that loss is far above the axis, as a blown-up run's is).
 */
import type { Plugin } from 'chart.js';
import { chartTheme } from './theme';

export interface DivergedEnd {
  /** The run's last finite point; undefined when it has none. */
  last: { x: number; y: number } | undefined;
  color: string;
}

/** `ends()` lists the visible diverged runs at each draw. */
export function divergedMarks(ends: () => DivergedEnd[]): Plugin<'line'> {
  return {
    id: 'divergedMarks',
    afterDatasetsDraw: (chart) => {
      const { ctx, chartArea, scales } = chart;
      const theme = chartTheme();
      const r = 6;
      for (const { last, color } of ends()) {
        if (!last) continue;
        const rawX = scales.x.getPixelForValue(last.x);
        const rawY = scales.y.getPixelForValue(last.y);
        const px = Math.min(chartArea.right - r, Math.max(chartArea.left + r, rawX));
        const py = Number.isFinite(rawY) ? Math.min(chartArea.bottom - r, Math.max(chartArea.top + r, rawY)) : chartArea.top + r;
        ctx.save();
        ctx.lineCap = 'round';
        for (const [stroke, width] of [
          [theme.background, 6],
          [color, 3],
        ] as const) {
          ctx.strokeStyle = stroke;
          ctx.lineWidth = width;
          ctx.beginPath();
          ctx.moveTo(px - r, py - r);
          ctx.lineTo(px + r, py + r);
          ctx.moveTo(px + r, py - r);
          ctx.lineTo(px - r, py + r);
          ctx.stroke();
        }
        ctx.restore();
      }
    },
  };
}
