import { barChartSvg, inlineSvg } from './charts';

describe('charts drawn on the server', () => {
  const chart = {
    title: 'Returned <b>',
    categories: ['2026-01', '<script>'],
    series: [{ name: 'Persons', values: [3, 5] }],
  };

  it('draws an SVG with the data, texts escaped', () => {
    const svg = barChartSvg(chart, { width: 600, height: 300, titled: true });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('>5</text>');
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('<b>');
  });

  it('fits a page that allows no inline style: no style element or attribute, named by its caption', () => {
    const svg = inlineSvg(barChartSvg(chart), 'caption-id');
    expect(svg).not.toMatch(/<style|style="/);
    expect(svg).toContain('font-size="12px"');
    expect(svg).toMatch(/^<svg role="img" aria-labelledby="caption-id" focusable="false" /);
  });
});
