import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  fallbackStorageClass,
  PATCH_MARKER,
  prepareCniManifest,
  TEMPLATE_MARKER,
} from '../../../main/engine/node-manifests.js';

/** The fields of manifest documents these tests read. */
interface ManifestDoc {
  kind?: string;
  data?: Record<string, string>;
  spec?: { template: { spec: { containers: { env?: unknown }[] } } };
}

const daemonSet = `---
kind: ServiceAccount
apiVersion: v1
metadata: {name: kindnet}
---
kind: DaemonSet
apiVersion: apps/v1
metadata: {name: kindnet}
spec:
  template:
    spec:
      containers:
        - name: kindnet-cni
          env:
            - name: POD_SUBNET
              value: {{ .PodSubnet }}
`;

describe('prepareCniManifest', () => {
  const values = { podSubnet: '10.244.0.0/16', endpoint: 'demo-control-plane:6443' };

  it('leaves a manifest without markers untouched', () => {
    expect(prepareCniManifest('kind: ConfigMap\n', values)).toBe('kind: ConfigMap\n');
  });

  it('fills in the pod subnet when asked to template', () => {
    const out = prepareCniManifest(`# ${TEMPLATE_MARKER}\n${daemonSet}`, values);
    expect(out).toContain('value: 10.244.0.0/16');
    expect(out).not.toContain('{{');
  });

  it('refuses template fields it does not know', () => {
    expect(() => prepareCniManifest(`# ${TEMPLATE_MARKER}\nvalue: {{ .Other }}\n`, values)).toThrow(/template fields/);
  });

  it('adds CONTROL_PLANE_ENDPOINT to the DaemonSet when asked to patch', () => {
    const out = prepareCniManifest(`# ${TEMPLATE_MARKER}\n# ${PATCH_MARKER}\n${daemonSet}`, values);
    const docs = parseAllDocuments(out).map((d) => d.toJS() as ManifestDoc);
    expect(docs.map((d) => d.kind)).toEqual(['ServiceAccount', 'DaemonSet']);
    expect(docs[1]?.spec?.template.spec.containers[0]?.env).toEqual([
      { name: 'POD_SUBNET', value: '10.244.0.0/16' },
      { name: 'CONTROL_PLANE_ENDPOINT', value: 'demo-control-plane:6443' },
    ]);
  });

  it('fails when asked to patch a manifest without a DaemonSet', () => {
    expect(() => prepareCniManifest(`# ${PATCH_MARKER}\nkind: ConfigMap\n`, values)).toThrow(/no DaemonSet/);
  });
});

describe('fallbackStorageClass', () => {
  it('is the default class named standard', () => {
    expect(fallbackStorageClass()).toMatchObject({
      kind: 'StorageClass',
      metadata: { name: 'standard', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
    });
  });
});

describe('the hermetic node image’s CNI manifest', () => {
  it('gets the cluster’s pod subnet for flannel and keeps every object', async () => {
    const shipped = await readFile(
      join(import.meta.dirname, '../../../images/node/manifests/default-cni.yaml'),
      'utf8',
    );
    const values = { podSubnet: '10.244.0.0/16', endpoint: 'x:6443' };
    const docs = parseAllDocuments(prepareCniManifest(shipped, values)).map((d) => d.toJS() as ManifestDoc);
    expect(docs.map((d) => d.kind)).toEqual(
      parseAllDocuments(shipped).map((d) => (d.toJS() as Record<string, unknown>).kind),
    );
    const netConf = JSON.parse(docs.find((d) => d.kind === 'ConfigMap')?.data?.['net-conf.json'] ?? '{}') as {
      Network?: string;
      Backend?: { Type?: string };
    };
    expect(netConf).toEqual({ Network: '10.244.0.0/16', Backend: { Type: 'host-gw' } });
  });
});
