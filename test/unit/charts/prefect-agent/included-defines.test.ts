// A templated value that includes a bitnami common define with a `.` that is not the chart context: helm
// v3.10.1 reads the define's first field from what it was given and stops (the message is Go's last
// clause of helm template's error on the upstream chart).
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../golden-harness.js';

describe('prefect-agent: common defines included with something other than the context', () => {
  it.each<[string, string]>([
    ['"common.names.name" (dict "context" $)', 'nil pointer evaluating interface {}.Name'],
    ['"common.names.fullname" (dict "x" 1)', 'nil pointer evaluating interface {}.fullnameOverride'],
    ['"common.names.namespace" (dict)', 'nil pointer evaluating interface {}.Namespace'],
    ['"common.names.chart" "str"', "can't evaluate field Chart in type string"],
    ['"common.names.name" nil', 'invalid value; expected string'],
    ['"common.capabilities.kubeVersion" (dict)', 'nil pointer evaluating interface {}.KubeVersion'],
    ['"common.capabilities.deployment.apiVersion" (dict)', 'nil pointer evaluating interface {}.KubeVersion'],
    ['"common.capabilities.hpa.apiVersion" .', 'error calling semverCompare: Invalid Semantic Version'],
    ['"common.capabilities.hpa.apiVersion" (dict "context" (dict))', 'nil pointer evaluating interface {}.KubeVersion'],
    ['"common.compatibility.isOpenshift" (dict)', 'nil pointer evaluating interface {}.APIVersions'],
  ])('include %s', async (include, message) => {
    const r = await runCli(['render', 'prefect-agent', '--set-json', `commonAnnotations={"a":${JSON.stringify(`{{ include ${include} }}`)}}`], process.cwd());
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(message);
  });

  it('renders with the context, $ or a dict that carries it where the define wants one', async () => {
    const a = '{{ include "common.names.fullname" . }}|{{ include "common.names.name" $ }}|{{ include "common.capabilities.hpa.apiVersion" (dict "context" $) }}';
    const r = await runCli(['render', 'prefect-agent', '--set-json', `commonAnnotations={"a":${JSON.stringify(a)}}`], process.cwd());
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('a: prefect-agent|prefect-agent|autoscaling/v2');
  });
});
