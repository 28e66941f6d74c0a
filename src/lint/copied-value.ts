// Which of the user's values a part of a rendered manifest was copied from. Templates often place a
// value as it is (`{{- toYaml .Values.serviceMonitor.relabelings | nindent 8 }}`), so a Kubernetes
// schema error inside such a part is an error in the values file, and belongs at its line.
import { isMap, type ValueMap } from '../renderer/values/maps.js';

type Segment = string | number;

interface UserTree {
  path: Segment[];
  value: object;
}

const treesOf = new WeakMap<ValueMap, UserTree[]>();

/** Every non-empty map and list the user wrote, with its value path (outermost first). */
function userTrees(values: ValueMap): UserTree[] {
  const known = treesOf.get(values);
  if (known) return known;
  const out: UserTree[] = [];
  const walk = (v: unknown, path: Segment[]): void => {
    if (Array.isArray(v)) {
      if (v.length) out.push({ path, value: v });
      v.forEach((x, i) => walk(x, [...path, i]));
    } else if (isMap(v)) {
      const keys = Object.keys(v);
      if (keys.length && path.length) out.push({ path, value: v });
      for (const k of keys) walk(v[k], [...path, k]);
    }
  };
  walk(values, []);
  treesOf.set(values, out);
  return out;
}

/** Equal as data; integers from `--set` (bigint) equal the same number from a file. */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if ((typeof a === 'bigint' || typeof a === 'number') && (typeof b === 'bigint' || typeof b === 'number')) {
    return Number(a) === Number(b);
  }
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameData(x, b[i]));
  if (isMap(a) && isMap(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && sameData(a[k], b[k]));
  }
  return false;
}

/** The value at a path of keys and list indexes; undefined past a scalar or a missing key. */
export function valueAt(root: unknown, segments: readonly Segment[]): unknown {
  let cur = root;
  for (const s of segments) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[s];
  }
  return cur;
}

/**
 * The value path behind `segments` of `manifest`: the deepest map or list enclosing it that equals
 * exactly one map or list among the user's values, with the rest of the path carried over. Undefined
 * when no such copy exists, or when several of the user's values would fit (no guessing).
 */
export function copiedValuePath(values: ValueMap, manifest: unknown, segments: readonly Segment[]): Segment[] | undefined {
  for (let depth = segments.length; depth > 0; depth--) {
    const part = valueAt(manifest, segments.slice(0, depth));
    if (part === null || typeof part !== 'object') continue;
    const matches = userTrees(values).filter((t) => sameData(t.value, part));
    if (matches.length === 1) return [...matches[0].path, ...segments.slice(depth)];
    if (matches.length > 1) return undefined;
  }
  return undefined;
}
