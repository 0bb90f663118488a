import { instantToLocalInput, localInputToInstant, zoneOf } from './region-time';

describe("a region's time zone", () => {
  it.each([
    ['3507', 'WIB'],
    ['35', 'WIB'],
    ['3171', 'WIB'],
    ['51', 'WITA'],
    ['5371', 'WITA'],
    ['6371', 'WITA'],
    ['64', 'WITA'],
    ['65', 'WITA'],
    ['66', 'WIB'],
    ['7371', 'WITA'],
    ['76', 'WITA'],
    ['81', 'WIT'],
    ['9471', 'WIT'],
  ])('%s is %s', (region, zone) => {
    expect(zoneOf(region).name).toBe(zone);
  });

  it('is WIB where the region is not known', () => {
    expect(zoneOf(undefined).name).toBe('WIB');
    expect(zoneOf('xx').name).toBe('WIB');
  });

  it("reads a time typed on the region's clock, and shows an instant on it", () => {
    expect(localInputToInstant('2026-03-31T23:30', zoneOf('3507'))).toBe('2026-03-31T23:30:00+07:00');
    expect(localInputToInstant('2026-04-01T00:30:15', zoneOf('7371'))).toBe('2026-04-01T00:30:15+08:00');
    expect(localInputToInstant('yesterday', zoneOf('3507'))).toBeUndefined();
    expect(instantToLocalInput('2026-03-31T16:30:00Z', zoneOf('9471'))).toBe('2026-04-01T01:30:00');
  });
});
