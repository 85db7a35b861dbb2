/** A small Chart.js line chart with a fixed y range (one of a set of small multiples), updated in place. */
import { CategoryScale, Chart, LineController, LineElement, LinearScale, PointElement, Tooltip } from 'chart.js';
import { whiteBackground } from './white-background.ts';

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Tooltip);

/** What one small chart draws. */
export interface SmallChartData {
  labels: string[];
  data: (number | null)[];
  city: (number | null)[] | null;
  min: number;
  max: number;
  name: string;
  cityLabel: string;
}

/** A live small chart. */
export interface SmallChart {
  update(d: SmallChartData): void;
  destroy(): void;
  toPng(): string;
}

function datasets(d: SmallChartData) {
  const main = { label: d.name, data: d.data, borderColor: '#0072B2', backgroundColor: '#0072B2', borderWidth: 2, pointRadius: 0, pointHitRadius: 4, spanGaps: false };
  const city = d.city ? [{ label: d.cityLabel, data: d.city, borderColor: '#7f7f7f', backgroundColor: '#7f7f7f', borderDash: [4, 3], borderWidth: 1.2, pointRadius: 0, spanGaps: false }] : [];
  return [main, ...city];
}

/** Creates a small chart on `canvas`; `formatTick` formats axis and tooltip values. */
export function createSmallChart(canvas: HTMLCanvasElement, d: SmallChartData, formatTick: (v: number) => string): SmallChart {
  const chart = new Chart(canvas, {
    type: 'line',
    data: { labels: d.labels, datasets: datasets(d) },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { ticks: { maxTicksLimit: 4, maxRotation: 0 } },
        y: { min: d.min, max: d.max, ticks: { maxTicksLimit: 4, callback: (v) => formatTick(Number(v)) } },
      },
      plugins: { legend: { display: false }, tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${formatTick(Number(item.parsed.y))}` } } },
    },
    plugins: [whiteBackground],
  });
  return {
    update(next) {
      chart.data.labels = next.labels;
      chart.data.datasets = datasets(next);
      const y = chart.options.scales!.y as { min?: number; max?: number };
      y.min = next.min;
      y.max = next.max;
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
