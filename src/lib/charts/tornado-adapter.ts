/**
 * A tornado chart with Chart.js: one row per input, floating bars from the output's base value
 * to its value with the input low (left colour) and high (right colour). Created on mount,
 * updated in place, destroyed on teardown.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { whiteBackground } from './white-background.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/** What the tornado draws: the base value and, per input, the output at its low and high. */
export interface TornadoModel {
  base: number;
  rows: { label: string; low: number; high: number }[];
  lowLabel: string;
  highLabel: string;
}

/** A live tornado chart. */
export interface TornadoChart {
  update(model: TornadoModel): void;
  destroy(): void;
  toPng(): string;
}

const data = (m: TornadoModel) => ({
  labels: m.rows.map((r) => r.label),
  datasets: [
    { label: m.lowLabel, data: m.rows.map((r) => [m.base, r.low] as [number, number]), backgroundColor: '#0072B2cc', borderSkipped: false },
    { label: m.highLabel, data: m.rows.map((r) => [m.base, r.high] as [number, number]), backgroundColor: '#D55E00cc', borderSkipped: false },
  ],
});

/** Creates the chart; `format` formats axis and tooltip values. */
export function createTornadoChart(canvas: HTMLCanvasElement, model: TornadoModel, format: (v: number) => string): TornadoChart {
  const chart = new Chart(canvas, {
    type: 'bar',
    data: data(model),
    options: {
      indexAxis: 'y',
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: {
        x: { ticks: { callback: (v) => format(Number(v)) } },
        y: { stacked: true, ticks: { autoSkip: false } },
      },
      plugins: {
        legend: { position: 'bottom', labels: { boxWidth: 12 } },
        tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${format((item.raw as [number, number])[1])}` } },
      },
    },
    plugins: [whiteBackground],
  });
  return {
    update(next) {
      chart.data = data(next);
      chart.update('none');
    },
    destroy: () => chart.destroy(),
    toPng: () => chart.toBase64Image('image/png', 1),
  };
}
