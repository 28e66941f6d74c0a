// bitnami common `_storage.tpl`: common.storage.class, the `storageClassName` line of a PVC spec.
import { runtimeOf, type RenderContext } from '../context.js';
import { dflt, field, isTrue, maybeField } from './go.js';
import { printed } from './yaml-data.js';

export class StorageClassError extends Error {
  readonly code = 'TEMPLATE_EXEC';
}

/**
 * common.storage.class as data: the `storageClassName` value, or undefined when the include prints
 * nothing. `-` asks for the empty class (`storageClassName: ""`).
 *
 * Which class wins depends on the common release: up to 2.12 the persistence's class unless
 * `global.storageClass` is set; from 2.20 `global.storageClass`, then the persistence's class, then
 * `global.defaultStorageClass`.
 */
export function storageClass(ctx: RenderContext, persistence: unknown, global: unknown): unknown {
  let sc: unknown;
  if (runtimeOf(ctx).commonVersion === '2.12.0') {
    sc = field(persistence, 'storageClass', 'persistence');
    if (isTrue(global) && isTrue(field(global, 'storageClass', 'global'))) sc = field(global, 'storageClass', 'global');
  } else {
    // `(.global).storageClass | default .persistence.storageClass | default (.global).defaultStorageClass`
    sc = dflt(
      dflt(maybeField(global, 'defaultStorageClass', 'global'), field(persistence, 'storageClass', 'persistence')),
      maybeField(global, 'storageClass', 'global'),
    );
  }
  if (!isTrue(sc)) return undefined;
  // `eq "-" $storageClass`: Go's eq only compares a string with a string.
  if (typeof sc !== 'string') {
    throw new StorageClassError(
      typeof sc === 'object' ? 'error calling eq: uncomparable type' : 'error calling eq: incompatible types for comparison',
    );
  }
  return sc === '-' ? '' : printed(sc);
}
