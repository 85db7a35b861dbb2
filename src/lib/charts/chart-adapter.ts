/**
 * A plain-TypeScript Chart.js adapter: created on mount, updated in place (no animation, so a
 * slider move redraws at once), destroyed on teardown. Only the controllers used are registered.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
  type ChartConfiguration,
  type ChartDataset,
} from 'chart.js';
import type { ChartModel } from './chart-model.ts';

Chart.register(LineController, BarController, LineElement, BarElement, PointElement, LinearScale, CategoryScale, Legend, Tooltip, Filler);

/** A live chart bound to a canvas. */
export interface TimeSeriesChart {
  update(model: ChartModel): void;
  destroy(): void;
  /** The chart as a PNG data URL (white background). */
  toPng(): string;
}

function datasets(model: ChartModel): ChartDataset<'line' | 'bar', (number | null)[]>[] {
  const main = model.series.map((s) => ({
    type: s.kind ?? 'line',
    label: s.label,
    data: s.data,
    borderColor: s.color,
    backgroundColor: s.kind === 'bar' || s.stack ? `${s.color}cc` : s.color,
    borderDash: s.dashed ? [6, 4] : [],
    borderWidth: 2,
    pointRadius: 0,
    pointHitRadius: 6,
    fill: s.stack && s.kind !== 'bar' ? 'stack' : false,
    stack: s.stack,
    spanGaps: false,
  }));
  const refs = model.referenceLines.map((r) => ({
    type: 'line' as const,
    label: r.label,
    data: model.labels.map(() => r.value),
    borderColor: r.color ?? '#7f7f7f',
    backgroundColor: r.color ?? '#7f7f7f',
    borderDash: [2, 3],
    borderWidth: 1.5,
    pointRadius: 0,
    fill: false,
  }));
  return [...main, ...refs] as ChartDataset<'line' | 'bar', (number | null)[]>[];
}

/** Creates a chart on `canvas`; `formatTick` formats axis and tooltip values. */
export function createTimeSeriesChart(
  canvas: HTMLCanvasElement,
  model: ChartModel,
  formatTick: (v: number) => string,
  onPick?: (seriesIndex: number, pointIndex: number) => void,
): TimeSeriesChart {
  let current = model;
  const background = {
    id: 'white-background',
    beforeDraw(chart: Chart) {
      const ctx = chart.ctx;
      ctx.save();
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, chart.width, chart.height);
      ctx.restore();
    },
  };
  const config: ChartConfiguration<'line' | 'bar', (number | null)[], string> = {
    type: 'line',
    data: { labels: model.labels, datasets: datasets(model) },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      // A click on a point of a model series (not a reference line) opens "explain this number".
      onClick: (event, _active, chart) => {
        if (!onPick) return;
        const [hit] = chart.getElementsAtEventForMode(event as unknown as Event, 'nearest', { intersect: false }, true);
        if (hit && hit.datasetIndex < current.series.length) onPick(hit.datasetIndex, hit.index);
      },
      scales: {
        x: { stacked: model.stacked, ticks: { maxTicksLimit: 12 } },
        y: { stacked: model.stacked, beginAtZero: model.stacked, ticks: { callback: (v) => formatTick(Number(v)) } },
      },
      plugins: {
        legend: { position: 'bottom', labels: { boxWidth: 12 } },
        tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${formatTick(Number(item.parsed.y))}` } },
      },
    },
    plugins: [background],
  };
  const chart = new Chart(canvas, config);
  return {
    update(next) {
      current = next;
      chart.data.labels = next.labels;
      chart.data.datasets = datasets(next);
      const scales = chart.options.scales!;
      scales.x!.stacked = next.stacked;
      (scales.y as { stacked?: boolean }).stacked = next.stacked;
      chart.update('none');
    },
    destroy() {
      chart.destroy();
    },
    toPng() {
      return chart.toBase64Image('image/png', 1);
    },
  };
}
