/** A Chart.js population pyramid (horizontal bars), updated in place when the year changes. */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import type { PyramidModel } from './pyramid-model.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/** Labels the pyramid needs in the current language. */
export interface PyramidLabels {
  male: string;
  female: string;
  base: (year: number) => string;
  format: (v: number) => string;
}

/** A live pyramid chart. */
export interface PyramidChart {
  update(model: PyramidModel, labels: PyramidLabels): void;
  destroy(): void;
  toPng(): string;
}

function data(model: PyramidModel, labels: PyramidLabels) {
  const rev = <T,>(xs: T[]) => [...xs].reverse();
  return {
    labels: rev(model.groups),
    datasets: [
      { label: labels.male, data: rev(model.male.map((v) => -v)), backgroundColor: '#0072B2cc', stack: 'now', barPercentage: 1, categoryPercentage: 0.9 },
      { label: labels.female, data: rev(model.female), backgroundColor: '#D55E00cc', stack: 'now', barPercentage: 1, categoryPercentage: 0.9 },
      { label: labels.base(model.baseYear), data: rev(model.baseMale.map((v) => -v)), backgroundColor: 'transparent', borderColor: '#333', borderWidth: 1, stack: 'base', barPercentage: 1, categoryPercentage: 0.9 },
      { label: `${labels.base(model.baseYear)} `, data: rev(model.baseFemale), backgroundColor: 'transparent', borderColor: '#333', borderWidth: 1, stack: 'base', barPercentage: 1, categoryPercentage: 0.9 },
    ],
  };
}

/** Creates the pyramid on a canvas. */
export function createPyramidChart(canvas: HTMLCanvasElement, model: PyramidModel, labels: PyramidLabels): PyramidChart {
  const chart = new Chart(canvas, {
    type: 'bar',
    data: data(model, labels),
    options: {
      indexAxis: 'y',
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: {
        x: { stacked: false, ticks: { callback: (v) => labels.format(Math.abs(Number(v))) } },
        y: { stacked: true },
      },
      plugins: {
        legend: { position: 'bottom', labels: { boxWidth: 12, filter: (item) => !item.text.endsWith(' ') } },
        tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${labels.format(Math.abs(Number(item.parsed.x)))}` } },
      },
    },
  });
  return {
    update(next, nextLabels) {
      chart.data = data(next, nextLabels);
      chart.update('none');
    },
    destroy: () => chart.destroy(),
    toPng: () => chart.toBase64Image('image/png', 1),
  };
}
