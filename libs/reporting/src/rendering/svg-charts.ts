/** Inline SVG charts for the printed report: no scripts, no fonts or images fetched. */

export interface ChartSeries {
  name: string;
  color: string;
  values: number[];
}

const esc = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A "nice" axis maximum (1, 2 or 5 × 10^n) at or above the largest value, so gridlines fall on round numbers. */
function niceMax(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return ([1, 2, 5, 10].map((m) => m * power).find((m) => m >= value))!;
}

/**
 * The width a label takes at `size` px, estimated without a font: CJK and full-width characters a full em, others
 * about 0.6 em. Generous, so that legend entries never run into each other whichever font the reader has.
 */
export function textWidth(text: string, size: number): number {
  let em = 0;
  for (const ch of text) em += ch.codePointAt(0)! >= 0x2e80 ? 1 : 0.6;
  return em * size;
}

const LEGEND_FONT = 10;
const LEGEND_ROW = 16;

/** Legend entries laid left to right, each as wide as its label, wrapping to a new row when the line is full. */
function legendLayout(series: ChartSeries[], left: number, right: number): { x: number; row: number }[] {
  let x = left;
  let row = 0;
  return series.map((s) => {
    const w = 14 + textWidth(s.name, LEGEND_FONT) + 18;
    if (x > left && x + w > right) {
      x = left;
      row++;
    }
    const at = { x, row };
    x += w;
    return at;
  });
}

/** Grouped bars: one group per category, one bar per series, with a legend and four gridlines. */
export function barChart(title: string, categories: string[], series: ChartSeries[], width = 680, plotHeight = 260): string {
  const layout = legendLayout(series, 56, width - 12);
  const rows = 1 + Math.max(0, ...layout.map((l) => l.row));
  const height = plotHeight + (rows - 1) * LEGEND_ROW;
  const margin = { top: 28, right: 12, bottom: 46 + (rows - 1) * LEGEND_ROW, left: 56 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const max = niceMax(Math.max(0, ...series.flatMap((s) => s.values)));
  const group = categories.length === 0 ? plotW : plotW / categories.length;
  const bar = Math.max(1, (group * 0.8) / Math.max(1, series.length));
  const y = (v: number) => margin.top + plotH - (v / max) * plotH;
  const grid = [0, 0.25, 0.5, 0.75, 1].map((f) => {
    const v = max * f;
    return `<line x1="${margin.left}" x2="${width - margin.right}" y1="${y(v)}" y2="${y(v)}" stroke="#ccc" stroke-width="0.5"/>` +
      `<text x="${margin.left - 6}" y="${y(v) + 3}" text-anchor="end" font-size="9">${(Number.isInteger(v) ? v : Number(v.toFixed(1))).toLocaleString('en')}</text>`;
  });
  const bars = categories.flatMap((category, i) =>
    series.map((s, j) => {
      const v = s.values[i] ?? 0;
      const x = margin.left + i * group + group * 0.1 + j * bar;
      return `<rect x="${x.toFixed(1)}" y="${y(v).toFixed(1)}" width="${bar.toFixed(1)}" height="${(margin.top + plotH - y(v)).toFixed(1)}" fill="${s.color}"><title>${esc(`${category} ${s.name}: ${v.toLocaleString('en')}`)}</title></rect>`;
    }),
  );
  const labels = categories.map(
    (category, i) => `<text x="${(margin.left + i * group + group / 2).toFixed(1)}" y="${height - margin.bottom + 14}" text-anchor="middle" font-size="9">${esc(category)}</text>`,
  );
  // Below the category labels: one row per legend line.
  const legendTop = height - margin.bottom + 30;
  const legend = series.map((s, j) => {
    const { x, row } = layout[j]!;
    const y = legendTop + row * LEGEND_ROW;
    return `<rect x="${x.toFixed(1)}" y="${y}" width="10" height="10" fill="${s.color}"/><text x="${(x + 14).toFixed(1)}" y="${y + 9}" font-size="${LEGEND_FONT}">${esc(s.name)}</text>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${esc(title)}" viewBox="0 0 ${width} ${height}" width="100%" style="max-width:${width}px">` +
    `<text x="${margin.left}" y="16" font-size="11" font-weight="bold">${esc(title)}</text>${grid.join('')}${bars.join('')}${labels.join('')}${legend.join('')}</svg>`;
}
