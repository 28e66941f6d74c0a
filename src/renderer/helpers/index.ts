// Everything charts take from bitnami `common`, plus Go/YAML value semantics: one import for templates.
export * from './go.js';
export * from './yaml-data.js';
export * from './names.js';
export * from './labels.js';
export { shared } from './shared-results.js';
export * from './tplvalues.js';
export * from './images.js';
export * from './capabilities.js';
export * from './ingress.js';
export { COMMON_NAMED } from './named.js';
export { fail, required, TemplateExecError } from '../errors.js';
export * from './affinities.js';
export * from './storage.js';
export * from './secrets.js';
export * from './checksum.js';
export * from './warnings.js';
export * from './go-template.js';
export { assignKeys, deepFreeze, isDeeplyFrozen } from '../values/maps.js';
