// Cross-checks of a bundle that a schema cannot express: every placeholder points at something
// declared, images only come from the declared list, and the manifests ask for no more
// privilege (host paths, privileged containers, namespaces) than the bundle declares.
import type { Problem } from '../errors.js';
import type { AddonBundle } from './load-bundle.js';
import type { ManifestDocument } from './manifest-files.js';
import { parameterProblems } from './parameters.js';
import { findPlaceholders } from './placeholders.js';
import { podSpecOf } from './pod-spec.js';

const CLUSTER_SCOPED = new Set([
  'Namespace',
  'CustomResourceDefinition',
  'ClusterRole',
  'ClusterRoleBinding',
  'StorageClass',
  'CSIDriver',
  'IngressClass',
  'GatewayClass',
  'VolumeSnapshotClass',
  'APIService',
  'PriorityClass',
  'ValidatingWebhookConfiguration',
  'MutatingWebhookConfiguration',
]);

/** Every problem found across addon.yaml and the manifests of a bundle. */
export function checkBundle(bundle: AddonBundle): Problem[] {
  return [
    ...checkPlaceholders(bundle),
    ...checkDefaults(bundle),
    ...checkWhens(bundle),
    ...checkDocuments(bundle),
    ...checkNames(bundle),
  ];
}

function checkPlaceholders(bundle: AddonBundle): Problem[] {
  const { document } = bundle;
  const known = {
    params: new Set(Object.keys(document.parameters.properties)),
    images: new Set(Object.keys(document.images)),
    cluster: new Set(['name', 'hostPorts']),
    addon: new Set(['name', 'version']),
  };
  const sections: [string, unknown][] = [
    ['hostOperations', document.hostOperations],
    ['readiness', document.readiness],
    ['outputs', document.outputs],
    ...allDocuments(bundle).map((doc): [string, unknown] => [where(doc), doc.object]),
  ];
  const problems: Problem[] = [];
  for (const [path, value] of sections) {
    for (const reference of findPlaceholders(value)) {
      const [scope = '', key = ''] = reference.split('.');
      const names = known[scope as keyof typeof known] as Set<string> | undefined;
      if (!names?.has(key))
        problems.push({ path, message: `\${${reference}} refers to nothing declared in addon.yaml` });
    }
  }
  for (const [index, operation] of document.hostOperations.entries()) {
    if ('registryContainer' in operation && !(operation.registryContainer.image in document.images)) {
      problems.push({
        path: `hostOperations[${String(index)}].registryContainer.image`,
        message: `"${operation.registryContainer.image}" is not a key of images`,
      });
    }
  }
  return problems;
}

function checkDefaults(bundle: AddonBundle): Problem[] {
  const problems: Problem[] = [];
  for (const [key, schema] of Object.entries(bundle.document.parameters.properties)) {
    const { default: value, ...withoutDefault } = schema;
    if (value === undefined) continue;
    for (const problem of parameterProblems(withoutDefault, value)) {
      problems.push({ path: `parameters.properties.${key}.default`, message: problem.message });
    }
  }
  return problems;
}

function checkWhens(bundle: AddonBundle): Problem[] {
  const params = bundle.document.parameters.properties;
  const problems: Problem[] = [];
  const check = (when: { param?: string } | undefined, path: string) => {
    if (when?.param !== undefined && !(when.param in params))
      problems.push({ path: `${path}.when.param`, message: `"${when.param}" is not a declared parameter` });
  };
  bundle.document.phases.forEach((phase, index) => {
    check(phase.when, `phases[${String(index)}]`);
  });
  bundle.document.outputs.forEach((output, index) => {
    check('when' in output ? output.when : undefined, `outputs[${String(index)}]`);
  });
  return problems;
}

function checkDocuments(bundle: AddonBundle): Problem[] {
  const { permissions } = bundle.document;
  const problems: Problem[] = [];
  for (const doc of allDocuments(bundle)) {
    const path = where(doc);
    const namespace = namespaceOf(doc);
    if (namespace === undefined && !CLUSTER_SCOPED.has(String(doc.object.kind))) {
      problems.push({ path, message: `${String(doc.object.kind)} is namespaced: set metadata.namespace` });
    }
    if (namespace !== undefined && !permissions.namespaces.includes(namespace)) {
      problems.push({ path, message: `namespace "${namespace}" is not listed in permissions.namespaces` });
    }
    const pod = podSpecOf(doc.object);
    if (!pod) continue;
    for (const container of [...pod.containers, ...pod.initContainers]) {
      if (!/^\$\{images\.[a-z][a-z0-9-]*\}$/.test(String(container.image))) {
        problems.push({
          path: `${path}.${container.name}`,
          message: `image must be a declared image such as \${images.name}, got ${JSON.stringify(container.image)}`,
        });
      }
      if (container.privileged && !permissions.privileged)
        problems.push({
          path: `${path}.${container.name}`,
          message: 'runs privileged but permissions.privileged is not set',
        });
    }
    for (const hostPath of pod.hostPaths) {
      if (!permissions.hostPaths.includes(hostPath))
        problems.push({ path, message: `hostPath ${hostPath} is not listed in permissions.hostPaths` });
    }
  }
  return problems;
}

function checkNames(bundle: AddonBundle): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, string>();
  for (const doc of allDocuments(bundle)) {
    const metadata = doc.object.metadata as { name: string };
    const id = `${String(doc.object.kind)}/${namespaceOf(doc) ?? ''}/${metadata.name}`;
    const first = seen.get(id);
    if (first) problems.push({ path: where(doc), message: `${id} is also defined at ${first}` });
    else seen.set(id, where(doc));
  }
  const phases = bundle.document.phases.map((phase) => phase.name);
  phases.forEach((phase, index) => {
    if (phases.indexOf(phase) !== index)
      problems.push({ path: `phases[${String(index)}].name`, message: `phase "${phase}" is defined twice` });
  });
  return problems;
}

function allDocuments(bundle: AddonBundle): ManifestDocument[] {
  return Object.values(bundle.manifests).flat();
}

function where(doc: ManifestDocument): string {
  return `${doc.file}#${String(doc.index)}`;
}

/** The namespace an object lives in (a Namespace object counts as its own), or undefined. */
function namespaceOf(doc: ManifestDocument): string | undefined {
  const metadata = doc.object.metadata as { name: string; namespace?: string };
  if (doc.object.kind === 'Namespace') return metadata.name;
  if (CLUSTER_SCOPED.has(String(doc.object.kind))) return undefined;
  return metadata.namespace;
}
