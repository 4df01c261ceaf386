// Lines of a long text, joined a few thousand at a time, or written out as they fill. A check on a
// profile with thousands of incidents prints hundreds of thousands of lines; held one string each until
// the end they took ~50 MB more than the text itself, and the text itself ~20 MB more than writing it
// out batch by batch.
export class Lines {
  private batch: string[];
  private readonly joined: string[] = [];
  private wrote = false;
  /** With `write`, each batch is written as it fills and `text()` returns ''. */
  constructor(
    first: string[] = [],
    private readonly write?: (text: string) => void,
  ) {
    this.batch = first;
  }
  push(...lines: string[]): void {
    for (const line of lines) this.batch.push(line);
    if (this.batch.length >= 4096) this.flush();
  }
  /** Joins (or writes) the batch, holding back empty lines at its end: they may turn out to be trailing. */
  private flush() {
    let end = this.batch.length;
    while (end > 0 && this.batch[end - 1] === '') end--;
    if (end === 0) return;
    const text = this.batch.slice(0, end).join('\n');
    this.batch = this.batch.slice(end);
    if (!this.write) this.joined.push(text);
    else {
      this.write(this.wrote ? `\n${text}` : text);
      this.wrote = true;
    }
  }
  /** The lines without trailing empty ones, ending in one line break (`join('\n').trimEnd() + '\n'` for lines without trailing spaces). */
  text(): string {
    this.flush();
    if (this.write) {
      this.write('\n');
      return '';
    }
    return `${this.joined.join('\n')}\n`;
  }
  /** The lines joined by line breaks, as `string[].join('\n')` would. */
  join(): string {
    this.flush();
    return [...this.joined, ...this.batch].join('\n');
  }
}
