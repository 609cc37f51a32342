/**
 * Text columns: every column but the last padded to its widest cell, two spaces apart. Widths
 * are found with a loop: `Math.max(...cells)` overflows the call stack past ~100k rows.
 */
export function alignColumns(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h) => h.length);
  for (const row of rows) for (let i = 0; i < row.length - 1; i++) if (row[i].length > widths[i]) widths[i] = row[i].length;
  const line = (r: readonly string[]) => r.map((cell, i) => (i < r.length - 1 ? cell.padEnd(widths[i]) : cell)).join('  ');
  return [line(header), ...rows.map(line)];
}
