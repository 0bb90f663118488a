import * as echarts from 'echarts';

export interface BarChart {
  title: string;
  categories: string[];
  series: { name: string; values: number[] }[];
  /** The axis' unit, e.g. "days". */
  unit?: string;
}

// Dark enough on white for text and bars alike (WCAG contrast above 4.5:1).
const PALETTE = ['#1f4e8c', '#a24a05', '#1d6b48', '#6b3fa0', '#8a1c3d'];
const TEXT = '#1b1f24';

/**
 * A bar chart drawn by Apache ECharts on the server, as SVG: no script in the browser, the same
 * drawing for the page and for the file a user exports.
 */
export function barChartSvg(
  chart: BarChart,
  options: { width: number; height: number; titled: boolean } = { width: 640, height: 320, titled: false },
): string {
  const { titled, ...size } = options;
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, ...size });
  try {
    instance.setOption({
      animation: false,
      color: PALETTE,
      textStyle: { color: TEXT, fontFamily: 'sans-serif' },
      // On a page the figure's caption names the chart; an exported file names it itself.
      title: titled ? { text: chart.title, left: 'center', textStyle: { fontSize: 14, color: TEXT } } : undefined,
      legend: chart.series.length > 1 ? { bottom: 0, textStyle: { color: TEXT } } : undefined,
      grid: {
        left: 16,
        right: 16,
        top: titled ? 56 : 32,
        bottom: chart.series.length > 1 ? 40 : 16,
        containLabel: true,
      },
      xAxis: {
        type: 'category',
        data: chart.categories,
        axisLabel: { color: TEXT, interval: 0, hideOverlap: true, overflow: 'break', width: 110 },
      },
      yAxis: {
        type: 'value',
        name: chart.unit,
        minInterval: 1,
        axisLabel: { color: TEXT },
        nameTextStyle: { color: TEXT },
      },
      series: chart.series.map((series) => ({
        type: 'bar',
        name: series.name,
        data: series.values,
        label: { show: true, position: 'top', color: TEXT },
        emphasis: { disabled: true },
      })),
    });
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}

/**
 * The SVG made fit to sit inside a page whose policy allows no inline style: the hover rules
 * ECharts adds for pointers are dropped (nothing moves on a server-drawn chart) and each `style`
 * attribute becomes the SVG presentation attributes it names (fonts only, as ECharts writes them).
 */
export function inlineSvg(svg: string, labelledBy: string): string {
  return svg
    .replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, '')
    .replace(/ style="([^"]*)"/g, (_whole, declarations: string) =>
      declarations
        .split(';')
        .map((declaration) => declaration.split(':').map((part) => part.trim()))
        .filter(([name, value]) => name && value && /^font-(size|family|weight|style)$/.test(name))
        .map(([name, value]) => ` ${name}="${value?.replace(/"/g, '&quot;')}"`)
        .join(''),
    )
    .replace(/^<svg /, `<svg role="img" aria-labelledby="${labelledBy}" focusable="false" `);
}
