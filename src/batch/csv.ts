// A streaming CSV reader (RFC 4180: fields separated by commas (or tabs, for Excel's "Unicode text"), records by LF or CRLF, fields in double
// quotes may hold commas, quotes written "" and line breaks; a quote inside an unquoted field is taken
// literally). It works on decoded text and cuts fields out with indexOf, which is several times faster
// than csv-parse's byte-by-byte state machine (csv-parse alone took ~40% of a screening run); csv-parse
// remains the reference: test/batch/csv.test.ts checks that both read generated files identically.

export interface CsvRecord {
  /** The line the record starts on (1-based). */
  line: number;
  cells: string[];
}

export class CsvSyntaxError extends Error {}

export class CsvReader {
  /** The text being read (what was left over, then the latest chunk) and where the next record starts in it. */
  private text = '';
  private pos = 0;
  private line = 1;
  private started = false;

  /** `delimiter`: a comma, or a tab for tab-separated text. */
  constructor(private readonly delimiter: ',' | '\t' = ',') {}

  /** Reads the complete records in `chunk` (after what was left over) into `out`; keeps an incomplete one. */
  push(chunk: string, out: CsvRecord[]): void {
    this.feed(chunk);
    this.take(out, Infinity);
  }

  /** Reads what is left at the end of the input. */
  end(out: CsvRecord[]): void {
    this.take(out, Infinity, true);
    this.text = '';
    this.pos = 0;
  }

  /**
   * Adds a chunk of text after what is left unread; its records are then read with `take`, a few at a
   * time, so that a reader never holds a whole chunk's records at once (rows held across a scavenge are
   * promoted, and a site whose objects mostly survive gets its objects allocated in old space from then on).
   */
  feed(chunk: string): void {
    let text = this.pos < this.text.length ? this.text.slice(this.pos) + chunk : chunk;
    if (!this.started && text.length) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    this.text = text;
    this.pos = 0;
  }

  /**
   * Reads up to `max` complete records into `out` and returns how many; fewer than `max` means the text
   * fed so far is read up to an incomplete record (or, when `final`, to its end).
   */
  take(out: CsvRecord[], max: number, final = false): number {
    const before = out.length;
    if (this.pos < this.text.length) this.pos = this.parse(this.text, this.pos, out, final, max);
    return out.length - before;
  }

  /** Parses up to `max` records from `text` at `i`; returns where the next (or first incomplete) record starts. */
  private parse(text: string, i: number, out: CsvRecord[], final: boolean, max: number): number {
    const n = text.length;
    const delimiter = this.delimiter;
    const delimiterCode = delimiter.charCodeAt(0);
    let count = 0;
    while (i < n && count < max) {
      const start = i;
      const startLine = this.line;
      let line = startLine;
      const cells: string[] = [];
      let complete = false;
      let nl = text.indexOf('\n', i); // the line end ahead, found again only after a quoted field
      for (;;) {
        if (text.charCodeAt(i) === 34 /* " */) {
          // Quoted field: up to the closing quote; "" is a quote.
          let value = '';
          let from = i + 1;
          let closed = -1;
          for (;;) {
            const q = text.indexOf('"', from);
            if (q < 0) break;
            if (text.charCodeAt(q + 1) === 34) {
              value += text.slice(from, q + 1);
              from = q + 2;
              continue;
            }
            if (q + 1 >= n && !final) break; // the quote may be followed by "" in the next chunk
            value += text.slice(from, q);
            closed = q;
            break;
          }
          if (closed < 0) {
            if (!final) return start;
            throw new CsvSyntaxError(`line ${startLine}: a quoted field is not closed`);
          }
          for (let k = value.indexOf('\n'); k >= 0; k = value.indexOf('\n', k + 1)) line++;
          cells.push(value);
          i = closed + 1;
          const c = text.charCodeAt(i);
          if (c === delimiterCode) {
            i++;
            nl = text.indexOf('\n', i);
            continue;
          }
          if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
          else if (c === 13 && i + 1 >= n && !final) return start;
          if (i >= n) {
            if (!final) return start;
            complete = true;
            break;
          }
          if (text.charCodeAt(i) === 10) {
            i++;
            line++;
            complete = true;
            break;
          }
          throw new CsvSyntaxError(`line ${line}: unexpected character after a closing quote`);
        }
        // Unquoted field: up to the next delimiter or line end.
        const comma = text.indexOf(delimiter, i);
        if (comma >= 0 && (nl < 0 || comma < nl)) {
          cells.push(text.slice(i, comma));
          i = comma + 1;
          continue;
        }
        if (nl < 0) {
          if (!final) return start;
          cells.push(text.slice(i, text.charCodeAt(n - 1) === 13 ? n - 1 : n));
          i = n;
          complete = true;
          break;
        }
        cells.push(text.slice(i, nl > i && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl));
        i = nl + 1;
        line++;
        complete = true;
        break;
      }
      if (!complete) return start;
      this.line = line;
      out.push({ line: startLine, cells });
      count++;
    }
    return i;
  }
}
