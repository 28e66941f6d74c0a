// Go's path/filepath.Match, as `--show-only` uses it: `*` and `?` never cross `/`, `[a-z]` and `[^x]`
// classes, `\` escapes.

function classMatches(pattern: string, start: number, ch: string): { end: number; ok: boolean } {
  let i = start + 1;
  const negate = pattern[i] === '^';
  if (negate) i++;
  let ok = false;
  let first = true;
  while (i < pattern.length && (pattern[i] !== ']' || first)) {
    first = false;
    let lo = pattern[i];
    if (lo === '\\') lo = pattern[++i];
    let hi = lo;
    if (pattern[i + 1] === '-' && pattern[i + 2] !== undefined && pattern[i + 2] !== ']') {
      hi = pattern[i + 2] === '\\' ? pattern[i + 3] : pattern[i + 2];
      i += pattern[i + 2] === '\\' ? 3 : 2;
    }
    if (lo <= ch && ch <= hi) ok = true;
    i++;
  }
  return { end: i, ok: ok !== negate };
}

export function globMatch(pattern: string, name: string): boolean {
  const match = (pi: number, ni: number): boolean => {
    while (pi < pattern.length) {
      const p = pattern[pi];
      if (p === '*') {
        for (let k = ni; k <= name.length; k++) {
          if (match(pi + 1, k)) return true;
          if (name[k] === '/') break;
        }
        return false;
      }
      if (ni >= name.length) return false;
      if (p === '?') {
        if (name[ni] === '/') return false;
      } else if (p === '[') {
        if (name[ni] === '/') return false;
        const { end, ok } = classMatches(pattern, pi, name[ni]);
        if (!ok) return false;
        pi = end;
      } else if (p === '\\') {
        pi++;
        if (pattern[pi] !== name[ni]) return false;
      } else if (p !== name[ni]) return false;
      pi++;
      ni++;
    }
    return ni === name.length;
  };
  return match(0, 0);
}
