/**
 * A Chart.js plugin that paints the canvas white before each draw, so that a chart saved as PNG
 * (or printed) has a white background, not a transparent one. Shared by every chart adapter.
 */
import type { Chart, Plugin } from 'chart.js';

export const whiteBackground: Plugin = {
  id: 'white-background',
  beforeDraw(chart: Chart) {
    const ctx = chart.ctx;
    ctx.save();
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
};
