import { describe, expect, it } from 'vitest';
import { alignColumns } from '../../../rules/report/columns';

describe('alignColumns', () => {
  it('pads every column but the last to its widest cell, two spaces apart', () => {
    expect(alignColumns(['A', 'BB', 'C'], [['xxx', 'y', 'long last cell'], ['z', 'yyyy', '']])).toEqual([
      'A    BB    C',
      'xxx  y     long last cell',
      'z    yyyy  ',
    ]);
  });

  it('handles a very large table (Math.max(...cells) overflowed the stack here)', () => {
    const rows = Array.from({ length: 300_000 }, (_, i) => [`r${i}`, 'x']);
    const lines = alignColumns(['ROW', 'V'], rows);
    expect(lines).toHaveLength(300_001);
    expect(lines.at(-1)).toBe('r299999  x');
  });
});
