// How several `-f` files combine: helm/helm pkg/cli/values/options.go (mergeMaps). Maps merge key by
// key, anything else (lists, scalars, null) from the later file replaces the earlier value.
import { isMap, newMap, setKey, type ValueMap } from './maps.js';

export function mergeMaps(a: ValueMap, b: ValueMap): ValueMap {
  const out = newMap();
  for (const k of Object.keys(a)) setKey(out, k, a[k]);
  for (const k of Object.keys(b)) {
    const v = b[k];
    const prev = Object.hasOwn(out, k) ? out[k] : undefined;
    setKey(out, k, isMap(v) && isMap(prev) ? mergeMaps(prev, v) : v);
  }
  return out;
}
