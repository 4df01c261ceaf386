// Where a JSON text first goes wrong, as line and column. V8's JSON.parse messages often give neither
// (and quote the whole text, which may be megabytes), so on a failed parse this small scanner walks the
// grammar (RFC 8259) to the first offending character.

export interface JsonSyntaxProblem {
  line: number;
  column: number;
  message: string;
  /** The text nests deeper than the limit asked for (where the scan stopped). */
  tooDeep?: boolean;
}

export function jsonSyntaxProblem(text: string, maxDepth = 1000): JsonSyntaxProblem | undefined {
  let deep = false;
  let i = 0;
  const fail = (expected: string): never => {
    throw Object.assign(new Error(expected), { at: i });
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail('expected a value');
  };
  const string = () => {
    i++; // the opening quote
    for (;;) {
      if (i >= text.length) fail('a string is not closed');
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return;
      }
      if (c < 0x20) fail('a line break or control character inside a string');
      if (c === 92) {
        const next = text[i + 1] ?? '';
        if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else if ('"\\/bfnrt'.includes(next) && next) i += 2;
        else fail('a bad escape in a string');
      } else i++;
    }
  };
  const value = (depth: number): void => {
    if (depth > maxDepth) {
      deep = true;
      fail('nested too deeply');
    }
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail('expected a "quoted" property name');
        string();
        ws();
        if (text[i] !== ':') fail("expected ':' after a property name");
        i++;
        value(depth + 1);
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail("expected ',' or '}'");
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value(depth + 1);
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail("expected ',' or ']'");
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    const number = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
    number.lastIndex = i;
    if (c !== undefined && /[-\d]/.test(c) && number.test(text)) {
      i = number.lastIndex;
      return;
    }
    fail(c === undefined ? 'the text ends where a value should be' : 'expected a value');
  };
  try {
    value(0);
    ws();
    if (i < text.length) fail('unexpected text after the end of the JSON value');
    return undefined;
  } catch (e) {
    const at = (e as { at: number }).at;
    const before = text.slice(0, at);
    const line = before.split('\n').length;
    const column = at - before.lastIndexOf('\n');
    const got = at < text.length ? ` (got ${JSON.stringify(text.slice(at, at + 10))})` : '';
    return { line, column, message: `${(e as Error).message}${got}`, ...(deep ? { tooDeep: true } : {}) };
  }
}
