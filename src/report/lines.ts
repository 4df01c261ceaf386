// Lines of a long text, joined a few thousand at a time. A check on a profile with thousands of incidents
// prints hundreds of thousands of lines; held one string each until the end they took ~50 MB more than
// the text itself. Each batch is joined into one flat string as it fills, and the lines let go.
export class Lines {
  private batch: string[];
  private readonly joined: string[] = [];
  constructor(first: string[] = []) {
    this.batch = first;
  }
  push(...lines: string[]): void {
    for (const line of lines) this.batch.push(line);
    if (this.batch.length >= 4096) this.flush();
  }
  private flush() {
    if (this.batch.length) this.joined.push(this.batch.join('\n'));
    this.batch = [];
  }
  /** The lines joined by line breaks, as `string[].join('\n')` would. */
  join(): string {
    this.flush();
    return this.joined.join('\n');
  }
}
