// Keys for the grid's rows that let a row leaving the screen hand its elements to a row coming on:
// a scroll, even a jump to the other end of 100k users, then updates rows in place instead of
// removing some and building others, and a row that stays on screen keeps its elements untouched.
// Keys are handed on in the order of the rows that left, so a jump moves no element in the page.

export class RowKeys {
  private keys = new Map<number, number>();
  private next = 0;

  /** A key for each of `indices` (the rows on screen, in order), unique among them. */
  of(indices: number[]): number[] {
    const staying = new Set(indices);
    const free = [...this.keys].filter(([index]) => !staying.has(index)).map(([, key]) => key);
    const keys = new Map<number, number>();
    let reused = 0;
    for (const index of indices) keys.set(index, this.keys.get(index) ?? free[reused++] ?? this.next++);
    this.keys = keys;
    return indices.map((index) => keys.get(index)!);
  }
}
