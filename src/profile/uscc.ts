// 统一社会信用代码 (Unified Social Credit Code), GB 32100-2015.
// 18 characters from a 31-symbol alphabet (no I, O, S, V, Z); the last one is a check character.
export const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character that the first 17 characters call for, or undefined if one is outside the alphabet. */
export function usccCheckCharacter(first17: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17[i] ?? '');
    if (value < 0) return undefined;
    sum += value * WEIGHTS[i]!;
  }
  return ALPHABET[(31 - (sum % 31)) % 31];
}

/** Each character's value in ALPHABET by its char code (ASCII), -1 for a character outside it. */
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;

/** Whether a code is a valid USCC, in one pass without allocating: the common case, before any message is needed. */
export function usccValid(code: string): boolean {
  if (code.length !== 18) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = code.charCodeAt(i);
    const value = c < 128 ? VALUE[c]! : -1;
    if (value < 0) return false;
    sum += value * WEIGHTS[i]!;
  }
  return code.charCodeAt(17) === ALPHABET.charCodeAt((31 - (sum % 31)) % 31);
}

/** Why a code is not a valid USCC, or undefined when it is. */
export function usccProblem(code: string): string | undefined {
  if (usccValid(code)) return undefined;
  if (code.length !== 18) return `must have 18 characters, has ${code.length}`;
  const bad = [...code].find((c) => !ALPHABET.includes(c));
  if (bad !== undefined) return `character "${bad}" is not allowed (digits and A–Y without I, O, S, V, Z)`;
  const expected = usccCheckCharacter(code.slice(0, 17));
  if (expected !== code[17]) return `check character is "${code[17]}" but GB 32100-2015 gives "${expected}"`;
  return undefined;
}
