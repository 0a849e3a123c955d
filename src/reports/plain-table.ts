import Table from 'cli-table3';

const noBorders = {
  top: '', 'top-mid': '', 'top-left': '', 'top-right': '', bottom: '', 'bottom-mid': '', 'bottom-left': '',
  'bottom-right': '', left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: '  ',
};

/**
 * Plain aligned columns: no borders, two spaces between columns, units in the headers. Columns
 * before `alignRightFrom` align left (names), the rest right (numbers). Pastes into a memo as it is.
 */
export function plainTable(head: string[], rows: string[][], alignRightFrom = 1): string {
  const t = new Table({
    head,
    chars: noBorders,
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 },
    colAligns: head.map((_, i) => (i >= alignRightFrom ? 'right' : 'left')),
  });
  for (const row of rows) t.push(row);
  return t.toString();
}
