import type { IndicatorRow } from '../../domain/indicators/indicators';
import { indicatorsCsv } from './indicators.csv';

const row = (overrides: Partial<IndicatorRow>): IndicatorRow => ({
  indicator: 'persons-returned',
  unit: 'persons',
  regionLevel: 'kabupaten-kota',
  regionCode: '3507',
  period: '2026-03',
  breakdown: null,
  value: 4,
  numerator: null,
  denominator: null,
  observations: null,
  p90: null,
  ...overrides,
});

describe('the indicators as CSV', () => {
  it('writes a header and a line per row, absent values empty, CRLF line ends', () => {
    const csv = indicatorsCsv([
      row({}),
      row({ indicator: 'stage-days', unit: 'days', breakdown: 'intake', value: 12.5, observations: 3, p90: 20.25 }),
      row({ indicator: 'returned-share-of-closed', unit: 'share', value: 0.6667, numerator: 2, denominator: 3 }),
      row({ indicator: 'tracing-days-to-return', unit: 'days', value: 68.31, observations: 1, p90: 68.31 }),
      row({ indicator: 'complaints-overdue', unit: 'complaints', breakdown: 'rsj-lawang', value: 1 }),
    ]);
    expect(csv).toBe(
      [
        'indicator,unit,region_level,region_code,period,breakdown,value,numerator,denominator,observations,p90',
        'persons-returned,persons,kabupaten-kota,3507,2026-03,,4,,,,',
        'stage-days,days,kabupaten-kota,3507,2026-03,intake,12.5,,,3,20.25',
        'returned-share-of-closed,share,kabupaten-kota,3507,2026-03,,0.6667,2,3,,',
        'tracing-days-to-return,days,kabupaten-kota,3507,2026-03,,68.31,,,1,68.31',
        'complaints-overdue,complaints,kabupaten-kota,3507,2026-03,rsj-lawang,1,,,,',
        '',
      ].join('\r\n'),
    );
  });

  it('quotes a field that holds a comma or a quote', () => {
    expect(indicatorsCsv([row({ breakdown: 'panti "a", unit 2' })]).split('\r\n')[1]).toBe(
      'persons-returned,persons,kabupaten-kota,3507,2026-03,"panti ""a"", unit 2",4,,,,',
    );
  });

  it('writes the header alone when nothing was counted', () => {
    expect(indicatorsCsv([])).toBe(
      'indicator,unit,region_level,region_code,period,breakdown,value,numerator,denominator,observations,p90\r\n',
    );
  });
});
