import { murmur2, partitionOf } from './partition';

describe('murmur2', () => {
  // The vectors of Kafka's own UtilsTest: the same hash means the same partition as on Kafka.
  it.each([
    ['21', -973932308],
    ['foobar', -790332482],
    ['a-little-bit-long-string', -985981536],
    ['a-little-bit-longer-string', -1486304829],
    ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
    ['abc', 479470107],
  ])('hashes %s as Kafka does', (text, expected) => {
    expect(murmur2(Buffer.from(text))).toBe(expected);
  });

  it('puts a key on a partition within the topic, the same each time', () => {
    for (const key of ['person-1', 'person-2', '', 'ñandú']) {
      const partition = partitionOf(key, 3);
      expect(partition).toBeGreaterThanOrEqual(0);
      expect(partition).toBeLessThan(3);
      expect(partitionOf(key, 3)).toBe(partition);
    }
  });
});
