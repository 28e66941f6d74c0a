// The rendered documents, checked: Kubernetes schemas, apiVersions against --kube-version, and the
// declared manifest rules. A finding is moved onto the user's value behind it when one is found.
import type { LoadedValues } from '../renderer/values/load.js';
import { isMap, type ValueMap } from '../renderer/values/maps.js';
import type { SourcedDoc } from '../renderer/serialize.js';
import type { LintIssue, ManifestLocation } from './issue.js';
import { copiedValuePath } from './copied-value.js';
import { checkApiVersion, kubeMinor } from './k8s/api-versions.js';
import { isBuiltinGroup, validateObject } from './k8s/schemas.js';
import { placeOf } from './locate.js';
import { MANIFEST_RULES } from './rules/index.js';
import type { ManifestFinding, ValueHint } from './rules/rule.js';

/** The default helm template targets (DESIGN step 6). */
export const DEFAULT_KUBE_VERSION = 'v1.25.0';

const norm = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');

function keyMatches(hint: ValueHint, key: string): boolean {
  return typeof hint.key === 'string' ? hint.key === key : hint.key.test(key);
}

/** Value paths in the user's values a hint points at. */
function hintPaths(values: ValueMap, hint: ValueHint): string[][] {
  const out: string[][] = [];
  const walk = (m: ValueMap, path: string[]): void => {
    for (const k of Object.keys(m)) {
      const v = m[k];
      if (keyMatches(hint, k) && (!hint.parent || path[path.length - 1] === hint.parent) && hint.test(v)) out.push([...path, k]);
      if (isMap(v)) walk(v, [...path, k]);
    }
  };
  walk(values, []);
  return out;
}

/**
 * The user's value behind a finding, if any: the hints' matches, best first by how well the path
 * names the container or object (`worker.…` for container "prefect-worker"), init containers apart.
 */
export function valueBehind(loaded: LoadedValues, finding: ManifestFinding, resource: string): string[] | undefined {
  const names = [norm(finding.container ?? ''), norm(resource)];
  const init = finding.field.includes('initContainers');
  for (const hint of finding.hints ?? []) {
    let best: string[] | undefined;
    let bestScore = -Infinity;
    for (const path of hintPaths(loaded.values, hint)) {
      let score = 0;
      for (const seg of path.slice(0, -1)) {
        const n = norm(seg);
        if (n.length > 2 && names.some((x) => x.includes(n))) score += 2;
        if (n.startsWith('initcontainer')) score += init ? 3 : -10;
      }
      if (score > bestScore) {
        best = path;
        bestScore = score;
      }
    }
    if (best && bestScore > -10) return best;
  }
  return undefined;
}

export interface ManifestCheckOptions {
  kubeVersion?: string;
}

export async function checkManifests(docs: readonly SourcedDoc[], loaded: LoadedValues, options: ManifestCheckOptions = {}): Promise<LintIssue[]> {
  const minor = kubeMinor(options.kubeVersion ?? DEFAULT_KUBE_VERSION);
  const issues: LintIssue[] = [];
  for (const d of docs) {
    const obj = d.object;
    const apiVersion = String(obj.apiVersion ?? '');
    const kind = String(obj.kind ?? '');
    const name = isMap(obj.metadata) ? String(obj.metadata.name ?? '') : '';
    const manifest = (field?: string): ManifestLocation => ({ template: d.source, resource: `${kind}/${name}`, field });

    const api = minor !== undefined ? checkApiVersion(apiVersion, kind, minor) : undefined;
    if (api) issues.push({ rule: api.rule, severity: api.rule === 'api-deprecated' ? 'warning' : 'error', message: api.message, manifest: manifest('apiVersion') });

    if (api?.rule !== 'api-removed') {
      const schema = await validateObject(obj);
      if (schema) {
        for (const s of schema) {
          // An error inside a part the template copied from the values belongs at that value.
          const path = copiedValuePath(loaded.values, obj, s.segments);
          const place = path ? placeOf(loaded, path) : undefined;
          issues.push({
            rule: 'k8s-schema',
            severity: 'error',
            message: s.message,
            manifest: manifest(s.field || undefined),
            ...(path && place ? { path: path.join('.'), ...place } : {}),
          });
        }
      } else if (isBuiltinGroup(apiVersion) && !api) {
        issues.push({ rule: 'k8s-schema', severity: 'error', message: `Kubernetes has no ${kind} in ${apiVersion}`, manifest: manifest('kind') });
      }
    }

    for (const rule of MANIFEST_RULES) {
      for (const f of rule.check(obj)) {
        const path = valueBehind(loaded, f, `${kind}/${name}`);
        const place = path ? placeOf(loaded, path) : undefined;
        issues.push({
          rule: rule.id,
          severity: rule.severity,
          message: f.message,
          manifest: manifest(f.field),
          ...(path && place ? { path: path.join('.'), ...place } : {}),
        });
      }
    }
  }
  return issues;
}
