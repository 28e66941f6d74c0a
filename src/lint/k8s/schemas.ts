// Rendered objects against the Kubernetes OpenAPI schemas, offline: kubernetes-models ships one
// precompiled validator per apiVersion and kind (including removed versions such as
// networking.k8s.io/v1beta1). Validators load on first use and are cached.
import type { ErrorObject } from 'ajv';
import { messageFor } from '../../schema/validate.js';

interface ModelClass {
  new (data: unknown): { validate(): void };
}

export interface K8sSchemaIssue {
  /** Dotted field path (`spec.template.spec.containers[0].ports[0].containerPort`). */
  field: string;
  message: string;
}

/** Groups served by Kubernetes itself; any other group is a custom resource (no schema here). */
export function isBuiltinGroup(apiVersion: string): boolean {
  if (!apiVersion.includes('/')) return true;
  const group = apiVersion.split('/')[0];
  return !group.includes('.') || group.endsWith('.k8s.io');
}

const cache = new Map<string, Promise<ModelClass | undefined>>();

async function loadModel(apiVersion: string, kind: string): Promise<ModelClass | undefined> {
  const key = `${apiVersion}/${kind}`;
  let hit = cache.get(key);
  if (!hit) {
    hit = (async () => {
      if (!/^[\w.-]+(\/[\w.-]+)?$/.test(apiVersion) || !/^\w+$/.test(kind)) return undefined;
      try {
        const spec = `kubernetes-models/${apiVersion}/${kind}`;
        const mod = (await import(/* @vite-ignore */ spec)) as Record<string, unknown>;
        return mod[kind] as ModelClass | undefined;
      } catch {
        return undefined;
      }
    })();
    cache.set(key, hit);
  }
  return hit;
}

function fieldOf(pointer: string): string {
  if (!pointer) return '';
  let out = '';
  for (const raw of pointer.slice(1).split('/')) {
    const s = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    out += /^\d+$/.test(s) ? `[${s}]` : out ? `.${s}` : s;
  }
  return out;
}

function valueAt(root: unknown, pointer: string): unknown {
  let cur = root;
  for (const raw of pointer ? pointer.slice(1).split('/') : []) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[raw.replaceAll('~1', '/').replaceAll('~0', '~')];
  }
  return cur;
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
 * resource, or a kind Kubernetes does not have).
 */
export async function validateObject(rendered: Record<string, unknown>): Promise<K8sSchemaIssue[] | undefined> {
  const obj = asJson(rendered) as Record<string, unknown>;
  const apiVersion = String(obj.apiVersion ?? '');
  const kind = String(obj.kind ?? '');
  const Model = await loadModel(apiVersion, kind);
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
      const field = fieldOf(err.instancePath);
      const message =
        err.keyword === 'required'
          ? `missing required field "${String((err.params as { missingProperty?: unknown }).missingProperty)}"`
          : err.keyword === 'format'
            ? `expected format ${String((err.params as { format?: unknown }).format)}, got ${JSON.stringify(valueAt(obj, err.instancePath))}`
            : messageFor(err, valueAt(obj, err.instancePath));
      const k = `${field}\0${message}`;
      if (seen.has(k)) continue;
      seen.add(k);
      out.push({ field, message });
    }
    return out;
  }
}
