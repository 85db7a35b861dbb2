/**
 * The trade-off curve on a Chart.js line chart with a linear x-axis (target levels are drawn
 * at their true distances, 55 % to 58 % closer than 50 % to 55 %), a marker at each level, and
 * a gap — never a point — where no mix in range meets the level. The y-axis includes zero.
 */
import { Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import { whiteBackground } from './white-background.ts';

Chart.register(LineController, LineElement, PointElement, LinearScale, Legend, Tooltip);

/** What the chart draws. */
export interface TradeOffChartModel {
  label: string;
  /** One point per level; `y` null where no mix meets it. */
  points: { x: number; y: number | null }[];
  formatX: (x: number) => string;
  formatY: (y: number) => string;
}

/** A live trade-off chart. */
export interface TradeOffChart {
  update(model: TradeOffChartModel): void;
  destroy(): void;
  toPng(): string;
}

const dataset = (m: TradeOffChartModel) => ({
  label: m.label,
  data: m.points.map((p) => ({ x: p.x, y: p.y })),
  borderColor: '#8b1a1a',
  backgroundColor: '#8b1a1a',
  borderWidth: 2,
  pointRadius: 4,
  spanGaps: false,
});

/** Creates the chart on a canvas. */
export function createTradeOffChart(canvas: HTMLCanvasElement, model: TradeOffChartModel): TradeOffChart {
  let current = model;
  const chart = new Chart(canvas, {
    type: 'line',
    data: { datasets: [dataset(model)] },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: {
        x: { type: 'linear', ticks: { callback: (v) => current.formatX(Number(v)) } },
        y: { beginAtZero: true, ticks: { callback: (v) => current.formatY(Number(v)) } },
      },
      plugins: {
        legend: { position: 'bottom', labels: { boxWidth: 12 } },
        tooltip: { callbacks: { title: (items) => current.formatX(Number(items[0]?.parsed.x)), label: (item) => `${item.dataset.label}: ${current.formatY(Number(item.parsed.y))}` } },
      },
    },
    plugins: [whiteBackground],
  });
  return {
    update(next) {
      current = next;
      chart.data.datasets = [dataset(next)];
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
