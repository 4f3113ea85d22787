// Every example spec exports to every target (and to the alternative API versions) without
// errors, and every document passes its schema: Kubernetes objects against the JSON Schemas
// and CRDs, the kind config against kind's strict schema, GKE bodies against the protos.
import { parseAllDocuments } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  EXPORT_TARGETS,
  ISSUE_CODES,
  exportSpec,
  missingSiteInputs,
  requiredSiteInputs,
  type ExportOptions,
  type ExportResult,
  type ExportTarget,
} from '../../../main/export/index.js';
import { kindConfigSchema } from '../../../main/export/kind/schema.js';
import { walkGkeMessage } from './support/gke-proto-walker.js';
import { kubeSchemaErrors, warmKubeSchemas } from './support/kube-schemas.js';
import { exampleSpecs, fullSite } from './support/paths.js';
import { jsonBody } from './support/shapes.js';

const site = fullSite();

beforeAll(warmKubeSchemas, 120_000);
const variants: [ExportTarget, Omit<ExportOptions, 'site'>][] = [
  ...EXPORT_TARGETS.map((target): [ExportTarget, Omit<ExportOptions, 'site'>] => [target, {}]),
  ['capi', { apiVersion: 'v1beta1' }],
  ['vks', { apiVersion: 'v1beta2' }],
  ['vks', { legacyTkc: true }],
];

function documentErrors(result: ExportResult): string[] {
  return result.documents.flatMap((document) => {
    if (document.format !== 'yaml') return [];
    return document.objects.flatMap((object) => {
      if (object.apiVersion === 'kind.x-k8s.io/v1alpha4') {
        const parsed = kindConfigSchema.safeParse(object);
        return parsed.success ? [] : parsed.error.issues.map((problem) => problem.message);
      }
      return kubeSchemaErrors(object);
    });
  });
}

describe.each(exampleSpecs())('example %s', (_file, spec) => {
  it.each(variants)('exports to %s %o with valid documents and no errors', (target, options) => {
    const result = exportSpec(spec, target, { site, ...options });
    expect(result.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(documentErrors(result)).toEqual([]);
    expect(Object.keys(result.files)).toEqual(result.documents.map((document) => document.file));
    if (target === 'gke')
      expect(
        walkGkeMessage('google.container.v1.CreateClusterRequest', jsonBody(result, 'create-cluster-request.json')),
      ).toEqual([]);
    for (const issue of result.issues) {
      expect(Object.keys(ISSUE_CODES)).toContain(issue.code);
      expect(issue.message.length).toBeGreaterThan(10);
      expect(issue.needsInput === undefined || issue.code === 'REQUIRES_SITE_INPUT').toBe(true);
    }
  });

  it.each(EXPORT_TARGETS)('writes %s files that parse back to the documents', (target) => {
    const result = exportSpec(spec, target, { site });
    for (const document of result.documents) {
      const text = result.files[document.file] ?? '';
      if (document.format === 'json') expect(JSON.parse(text)).toEqual(document.body);
      if (document.format === 'yaml')
        expect(parseAllDocuments(text).map((parsed) => parsed.toJS() as unknown)).toEqual(document.objects);
      if (document.format === 'shell') expect(text.startsWith('#!/bin/sh\n')).toBe(true);
    }
  });
});

describe('required site inputs', () => {
  it.each(EXPORT_TARGETS)('%s: the declared list is exactly what an export without a site file misses', (target) => {
    const [, spec] = exampleSpecs()[0] ?? [];
    if (!spec) throw new Error('no examples');
    expect(missingSiteInputs(exportSpec(spec, target, {}))).toEqual(requiredSiteInputs(target));
  });
});
