// A progress bar on stderr for long runs: only when stderr is a terminal and not under CI (the caller
// decides). Redrawn at most four times a second; a fraction when the input size is known, else a count.
export class Progress {
  private last = 0;
  private readonly started = performance.now();
  private drawn = false;

  constructor(
    private readonly out: NodeJS.WritableStream,
    private readonly position: () => { bytes: number; total?: number },
    /** What is being done and what is counted, e.g. `reporting` and `clients`. */
    private readonly words: { doing: string; unit: string } = { doing: 'screening', unit: 'rows' },
  ) {}

  tick(rows: number): void {
    const now = performance.now();
    if (now - this.last < 250) return;
    this.last = now;
    const { bytes, total } = this.position();
    const rate = Math.round(rows / ((now - this.started) / 1000));
    const { doing, unit } = this.words;
    const count = `${rows.toLocaleString('en-US')} ${unit}, ${rate.toLocaleString('en-US')} ${unit}/s`;
    let line = `${doing} ${count}`;
    if (total) {
      const share = Math.min(1, bytes / total);
      const width = 30;
      const full = Math.round(share * width);
      line = `${doing} [${'█'.repeat(full)}${'░'.repeat(width - full)}] ${(share * 100).toFixed(0).padStart(3)}%  ${count}`;
    }
    this.out.write(`\r${line}\x1b[K`);
    this.drawn = true;
  }

  clear(): void {
    if (this.drawn) this.out.write('\r\x1b[K');
    this.drawn = false;
  }
}
