/**
 * Tab-separated text of a rows × cols window, one line a row, for pasting into a spreadsheet or numpy
 * (`np.loadtxt(..., delimiter='\t')` reads `nan` and `inf`). Tabs and newlines inside cells become spaces.
 */
export function toTsv(rows: number, cols: number, cell: (r: number, c: number) => string): string {
  const lines: string[] = []
  for (let r = 0; r < rows; r++) {
    const cells: string[] = []
    for (let c = 0; c < cols; c++) cells.push(cell(r, c).replace(/[\t\r\n]+/g, ' '))
    lines.push(cells.join('\t'))
  }
  return lines.join('\n') + (lines.length ? '\n' : '')
}
