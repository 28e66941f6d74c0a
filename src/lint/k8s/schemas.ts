// Rendered objects against the Kubernetes OpenAPI schemas, offline: kubernetes-models ships one
// precompiled validator per apiVersion and kind (including removed versions such as
// networking.k8s.io/v1beta1), and @kubernetes-models/prometheus-operator the same for the
// Prometheus Operator's custom resources the charts render (ServiceMonitor, PrometheusRule, …).
// Validators load on first use and are cached.
import { createRequire } from 'node:module';
import type { ErrorObject } from 'ajv';
import { messageFor } from '../../schema/validate.js';
import { valueAt } from '../copied-value.js';

interface ModelClass {
  new (data: unknown): { validate(): void };
}

export interface K8sSchemaIssue {
  /** Dotted field path (`spec.template.spec.containers[0].ports[0].containerPort`). */
  field: string;
  /** The same path as keys and list indexes. */
  segments: Array<string | number>;
  message: string;
}

/** Custom resource groups with schemas here, and the package that has them. */
const CUSTOM_RESOURCE_MODELS: Readonly<Record<string, string>> = {
  'monitoring.coreos.com': '@kubernetes-models/prometheus-operator',
};

/** The module with the model of apiVersion/kind, if one ships here. */
function modelModule(apiVersion: string, kind: string): string | undefined {
  if (!/^[\w.-]+(\/[\w.-]+)?$/.test(apiVersion) || !/^\w+$/.test(kind)) return undefined;
  if (isBuiltinGroup(apiVersion)) return `kubernetes-models/${apiVersion}/${kind}`;
  const pkg = CUSTOM_RESOURCE_MODELS[apiVersion.split('/')[0]];
  return pkg === undefined ? undefined : `${pkg}/${apiVersion}/${kind}`;
}

/** Groups served by Kubernetes itself; any other group is a custom resource. */
export function isBuiltinGroup(apiVersion: string): boolean {
  if (!apiVersion.includes('/')) return true;
  const group = apiVersion.split('/')[0];
  return !group.includes('.') || group.endsWith('.k8s.io');
}

const cache = new Map<string, ModelClass | undefined>();

/**
 * The model class, required (both packages ship CommonJS builds): the CLI runs from a vm.Script,
 * where a dynamic import() has no loader to call and always fails.
 */
function loadModel(apiVersion: string, kind: string): ModelClass | undefined {
  const key = `${apiVersion}/${kind}`;
  if (cache.has(key)) return cache.get(key);
  let model: ModelClass | undefined;
  const spec = modelModule(apiVersion, kind);
  if (spec !== undefined) {
    try {
      model = (createRequire(import.meta.url)(spec) as Record<string, ModelClass | undefined>)[kind];
    } catch (e) {
      // No such kind in the package: no schema. Anything else (a broken install) is not hidden.
      if ((e as { code?: string }).code !== 'MODULE_NOT_FOUND' && (e as { code?: string }).code !== 'ERR_PACKAGE_PATH_NOT_EXPORTED') throw e;
    }
  }
  cache.set(key, model);
  return model;
}

/** A JSON pointer's keys, list indexes as numbers. */
function segmentsOf(pointer: string): Array<string | number> {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((raw) => raw.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** `spec.containers[0].ports[0]`: segments as the field is written in messages. */
function fieldOf(segments: ReadonlyArray<string | number>): string {
  let out = '';
  for (const s of segments) out += typeof s === 'number' ? `[${s}]` : out ? `.${s}` : s;
  return out;
}

/** Manifests as the API server reads them: templates may yield int64 as bigint; JSON has numbers. */
function asJson(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v)) return v.map(asJson);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = asJson(x);
    return out;
  }
  return v;
}

/**
 * Validate one object. `undefined` when there is no schema for its apiVersion and kind (a custom
 * resource of another group, or a kind its group does not have).
 */
export async function validateObject(rendered: Record<string, unknown>): Promise<K8sSchemaIssue[] | undefined> {
  const obj = asJson(rendered) as Record<string, unknown>;
  const apiVersion = String(obj.apiVersion ?? '');
  const kind = String(obj.kind ?? '');
  const Model = loadModel(apiVersion, kind);
  if (!Model) return undefined;
  try {
    new Model(obj).validate();
    return [];
  } catch (e) {
    const errors = (e as { errors?: ErrorObject[] }).errors;
    if (!Array.isArray(errors)) throw e;
    const seen = new Set<string>();
    const out: K8sSchemaIssue[] = [];
    for (const err of errors) {
      const segments = segmentsOf(err.instancePath);
      const field = fieldOf(segments);
      const message =
        err.keyword === 'required'
          ? `missing required field "${String((err.params as { missingProperty?: unknown }).missingProperty)}"`
          : err.keyword === 'format'
            ? `expected format ${String((err.params as { format?: unknown }).format)}, got ${JSON.stringify(valueAt(obj, segments))}`
            : messageFor(err, valueAt(obj, segments));
      const k = `${field}\0${message}`;
      if (seen.has(k)) continue;
      seen.add(k);
      out.push({ field, segments, message });
    }
    return out;
  }
}
