/**
 * A plain-TypeScript Chart.js adapter: created on mount, updated in place (no animation, so a
 * slider move redraws at once), destroyed on teardown. Only the controllers used are registered.
 * An update with the same series (a slider move) only swaps the data arrays, so Chart.js keeps
 * its datasets and resolved options; a nearly flat chart gets a minimum axis span; the legend
 * draws a line swatch for each line series (dashed when the line is) and a box for each bar.
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
  type LegendItem,
  type Tick,
} from 'chart.js';
import type { ChartModel } from './chart-model.ts';
import { whiteBackground } from './white-background.ts';

Chart.register(LineController, BarController, LineElement, BarElement, PointElement, LinearScale, CategoryScale, Legend, Tooltip, Filler);

/** How large the chart's text is (the presentation view enlarges it); absent: Chart.js defaults. */
export interface ChartStyle {
  fontSize?: number;
}

/** A live chart bound to a canvas. */
export interface TimeSeriesChart {
  update(model: ChartModel, style?: ChartStyle): void;
  destroy(): void;
  /** The chart as a PNG data URL (white background). */
  toPng(): string;
  /** The labels of the value axis as drawn. */
  yTickLabels(): string[];
}

type Dataset = ChartDataset<'line' | 'bar', (number | null)[]>;

const REFERENCE_DASH = [2, 3];
const SERIES_DASH = [6, 4];

function datasets(model: ChartModel): Dataset[] {
  const main = model.series.map((s) => ({
    type: s.kind ?? 'line',
    label: s.label,
    data: s.data,
    borderColor: s.color,
    backgroundColor: s.kind === 'bar' || s.stack ? `${s.color}cc` : s.color,
    borderDash: s.dashed ? SERIES_DASH : [],
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
    borderDash: REFERENCE_DASH,
    borderWidth: 1.5,
    pointRadius: 0,
    fill: false,
  }));
  return [...main, ...refs, ...bandDatasets(model)] as Dataset[];
}

/** Marks the datasets of a band (left out of the legend, the tooltip and "explain"). */
const BAND = '\u0000band';

/**
 * Each band as five datasets after the series and reference lines: P10, then P90 filled down to
 * it (light), P25, then P75 filled down to it (darker), and the median as a thin dotted line.
 */
function bandDatasets(model: ChartModel): Dataset[] {
  const out: Dataset[] = [];
  for (const b of model.bands ?? []) {
    const edge = { type: 'line' as const, borderWidth: 0, pointRadius: 0, pointHitRadius: 0, spanGaps: false, borderColor: 'transparent' };
    out.push({ ...edge, label: `${BAND}p10`, data: b.p10, fill: false, backgroundColor: 'transparent' } as Dataset);
    out.push({ ...edge, label: `${BAND}p90`, data: b.p90, fill: '-1', backgroundColor: `${b.color}22` } as Dataset);
    out.push({ ...edge, label: `${BAND}p25`, data: b.p25, fill: false, backgroundColor: 'transparent' } as Dataset);
    out.push({ ...edge, label: `${BAND}p75`, data: b.p75, fill: '-1', backgroundColor: `${b.color}40` } as Dataset);
    out.push({ ...edge, label: `${BAND}p50`, data: b.p50, fill: false, borderWidth: 1, borderColor: b.color, borderDash: [1, 3], backgroundColor: b.color } as Dataset);
  }
  return out;
}

const isBand = (label: unknown) => typeof label === 'string' && label.startsWith(BAND);

/** What makes two models draw the same datasets (everything but the numbers). */
function shape(model: ChartModel): string {
  return JSON.stringify([
    model.stacked,
    model.series.map((s) => [s.id, s.label, s.color, s.dashed, s.kind, s.stack]),
    model.referenceLines.map((r) => [r.label, r.color]),
    (model.bands ?? []).map((b) => [b.series, b.color]),
  ]);
}

/** Legend swatches as the series are drawn: a (dashed) line for a line, a box for a bar. */
function legendItems(chart: Chart): LegendItem[] {
  const items = Chart.defaults.plugins.legend.labels.generateLabels(chart).filter((item) => !isBand(item.text));
  return items.map((item) => {
    const ds = chart.data.datasets[item.datasetIndex ?? 0] as Dataset | undefined;
    const bar = ds?.type === 'bar';
    const dash = ((ds as { borderDash?: number[] } | undefined)?.borderDash ?? []) as number[];
    return { ...item, pointStyle: bar ? 'rect' : 'line', lineDash: bar ? [] : dash, lineWidth: bar ? 1 : 2 };
  });
}

/** Creates a chart on `canvas`; `formatTicks` labels all ticks of the value axis together, `formatValue` one value (tooltips). */
export function createTimeSeriesChart(
  canvas: HTMLCanvasElement,
  model: ChartModel,
  formatTicks: (values: number[]) => string[],
  formatValue: (v: number) => string,
  onPick?: (seriesIndex: number, pointIndex: number) => void,
  style: ChartStyle = {},
): TimeSeriesChart {
  let current = model;
  let currentShape = shape(model);
  const font = (st: ChartStyle) => (st.fontSize ? { size: st.fontSize } : undefined);
  // One label style per axis: the labels of a set of ticks are made together, once.
  const labelCache = new WeakMap<Tick[], string[]>();
  const tickLabel = (index: number, ticks: Tick[]) => {
    let labels = labelCache.get(ticks);
    if (!labels) labelCache.set(ticks, (labels = formatTicks(ticks.map((t) => t.value))));
    return labels[index];
  };
  const config: ChartConfiguration<'line' | 'bar', (number | null)[], string> = {
    type: 'line',
    data: { labels: model.labels, datasets: datasets(model) },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      normalized: true,
      interaction: { mode: 'index', intersect: false },
      // A click on a point of a model series (not a reference line) opens "explain this number".
      onClick: (event, _active, chart) => {
        if (!onPick) return;
        const [hit] = chart.getElementsAtEventForMode(event as unknown as Event, 'nearest', { intersect: false }, true);
        if (hit && hit.datasetIndex < current.series.length) onPick(hit.datasetIndex, hit.index);
      },
      scales: {
        // Years stay upright in every chart (bar charts rotated them): one label style.
        x: { stacked: model.stacked, ticks: { maxTicksLimit: 12, maxRotation: 0, font: font(style) } },
        y: { stacked: model.stacked, beginAtZero: model.stacked, ...model.yRange, ticks: { callback: (_v, index, ticks) => tickLabel(index, ticks), font: font(style) } },
      },
      plugins: {
        legend: { position: 'bottom', labels: { usePointStyle: true, pointStyleWidth: 26, boxHeight: 8, generateLabels: legendItems, font: font(style) } },
        tooltip: { filter: (item) => !isBand(item.dataset.label), callbacks: { label: (item) => `${item.dataset.label}: ${formatValue(Number(item.parsed.y))}` }, bodyFont: font(style), titleFont: font(style) },
      },
    },
    plugins: [whiteBackground],
  };
  const chart = new Chart(canvas, config);
  return {
    update(next, nextStyle) {
      if (nextStyle && nextStyle.fontSize !== style.fontSize) {
        style = nextStyle;
        const f = font(nextStyle);
        const scales = chart.options.scales as Record<string, { ticks?: { font?: unknown } }>;
        for (const axis of ['x', 'y']) if (scales[axis]?.ticks) scales[axis].ticks!.font = f;
        const legend = chart.options.plugins?.legend?.labels;
        if (legend) legend.font = f;
        const tooltip = chart.options.plugins?.tooltip;
        if (tooltip) {
          tooltip.bodyFont = f;
          tooltip.titleFont = f;
        }
      }
      const nextShape = shape(next);
      if (nextShape === currentShape && next.labels.length === current.labels.length) {
        // Same series: swap the numbers only.
        const ds = chart.data.datasets;
        next.series.forEach((s, i) => (ds[i].data = s.data));
        next.referenceLines.forEach((r, i) => (ds[next.series.length + i].data = next.labels.map(() => r.value)));
        const firstBand = next.series.length + next.referenceLines.length;
        (next.bands ?? []).forEach((b, i) => {
          const k = firstBand + i * 5;
          ds[k].data = b.p10;
          ds[k + 1].data = b.p90;
          ds[k + 2].data = b.p25;
          ds[k + 3].data = b.p75;
          ds[k + 4].data = b.p50;
        });
      } else {
        chart.data.datasets = datasets(next);
      }
      chart.data.labels = next.labels;
      current = next;
      currentShape = nextShape;
      // Options are written only when they change: a write makes Chart.js resolve them all again.
      const scales = chart.options.scales!;
      const set = <K extends string>(target: Record<K, unknown>, key: K, value: unknown) => {
        if (target[key] !== value) target[key] = value;
      };
      set(scales.x as Record<string, unknown>, 'stacked', next.stacked);
      const y = scales.y as Record<string, unknown>;
      set(y, 'stacked', next.stacked);
      set(y, 'beginAtZero', next.stacked);
      set(y, 'suggestedMin', next.yRange?.suggestedMin);
      set(y, 'suggestedMax', next.yRange?.suggestedMax);
      chart.update('none');
    },
    destroy() {
      chart.destroy();
    },
    toPng() {
      return chart.toBase64Image('image/png', 1);
    },
    yTickLabels() {
      const ticks = chart.scales.y?.ticks ?? [];
      return ticks.map((_t, i) => tickLabel(i, ticks));
    },
  };
}
