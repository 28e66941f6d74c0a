// The `yaml` package, loaded on first use. Most renders never parse YAML (chart defaults are embedded in
// the bundle as data), so the CLI should not pay ~10 ms at start-up for a parser it may not need.
// A static import cannot be deferred in ESM and a dynamic import is async, so this uses a synchronous
// require of yaml's CommonJS build (same API; its node classes are told apart by Symbol.for keys).
import { createRequire } from 'node:module';

export type YamlLib = typeof import('yaml');

let lib: YamlLib | undefined;

export function yamlLib(): YamlLib {
  return (lib ??= createRequire(import.meta.url)('yaml') as YamlLib);
}
