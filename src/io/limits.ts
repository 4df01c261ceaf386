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
} as const;

export const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
