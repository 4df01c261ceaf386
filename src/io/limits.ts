// Input limits, checked before any work is done so that an oversized input is refused at once with a
// message (not after minutes, by an out-of-memory crash). Real profiles are far smaller: a large group's
// incident log runs to hundreds of entries, a company name to a few dozen characters.
export const LIMITS = {
  /** Bytes of a profile file (JSON or YAML). */
  profileBytes: 10 * 1024 * 1024,
  /** Incidents in one profile. */
  incidentsPerProfile: 10_000,
  /** Characters of one text value (a name, an id, a cell of a list). */
  textLength: 1_000,
  /**
   * Levels of nesting in a profile (an object or list inside another). A profile nests 4 deep (incidents,
   * an incident, a list of dates); the parsers and every later walk stay far from the call stack's end.
   */
  nestingDepth: 32,
  /**
   * What an XLSX (a zip) may expand to, checked before it is read (src/batch/xlsx-validate.ts). The shared
   * strings (every text of the workbook) and the styles are kept in memory while reading; a worksheet is
   * streamed. A list of 100,000 enterprises (names and USCCs as texts) has 200,000 texts in ~11 MB.
   * Within these limits `huiqi screen` and `huiqi serve` stay under 200 MB (test/batch/xlsx-limits.test.ts).
   */
  xlsx: {
    /** Texts in the shared-string table, and the bytes it expands to. */
    sharedStrings: 300_000,
    sharedStringsBytes: 16 * 1024 * 1024,
    /** Bytes one worksheet expands to. */
    worksheetBytes: 2 * 1024 * 1024 * 1024 - 1,
    /** Bytes any other part expands to (styles, the workbook, relationships). */
    partBytes: 8 * 1024 * 1024,
    /** Bytes all parts expand to. */
    totalBytes: 3 * 1024 * 1024 * 1024,
    /** How many times a part over `ratioFrom` bytes may expand (spreadsheet XML expands 5 to 30 times). */
    ratio: 200,
    ratioFrom: 1024 * 1024,
    /** Parts of the zip. */
    parts: 10_000,
  },
} as const;

export const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
