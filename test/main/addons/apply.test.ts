import { dumpYaml } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { toClientModel } from '../../../main/addons/apply.js';
import type { KubeObject } from '../../../main/addons/render.js';

const schema = {
  openAPIV3Schema: {
    type: 'object',
    properties: {
      spec: { type: 'object', properties: { mode: { type: 'string', enum: ['A', 'B'], default: 'A' } } },
      status: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
    },
  },
};

const crd: KubeObject = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'widgets.example.com' },
  spec: {
    group: 'example.com',
    names: { kind: 'Widget', plural: 'widgets' },
    scope: 'Namespaced',
    versions: [
      {
        name: 'v1',
        served: true,
        storage: true,
        schema,
      },
    ],
  },
};

/** The body the client sends for an object: its model serialized back to JSON names. */
function sentBody(object: KubeObject): KubeObject {
  return parse(dumpYaml(object)) as KubeObject;
}

function schemaOf(object: KubeObject): unknown {
  return (object.spec as { versions: { schema: unknown }[] }).versions[0]?.schema;
}

describe('toClientModel', () => {
  it('keeps the JSON-schema keywords the client would otherwise drop from a CRD', () => {
    expect(schemaOf(sentBody(toClientModel(crd)))).toEqual(schema);
  });

  it('is needed: the plain object loses them', () => {
    expect(schemaOf(sentBody(crd))).not.toEqual(schema);
  });

  it('passes custom resources through unchanged', () => {
    const widget: KubeObject = {
      apiVersion: 'example.com/v1',
      kind: 'Widget',
      metadata: { name: 'w', namespace: 'default' },
      spec: { 'odd-key': { default: 1 } },
    };
    expect(sentBody(toClientModel(widget))).toEqual(widget);
  });
});
