// Renders a bundle for one cluster: parameters, images and cluster facts substituted into the
// parsed manifests and declarations, Slipway's labels added. Pure and deterministic: the same
// bundle, parameters and overrides always give the same objects (golden tests pin this).
import { stringify } from 'yaml';
import type {
  AddonBundleDocument,
  DataCheck,
  HostOperation,
  OutputDeclaration,
  ReadinessCheck,
} from './bundle-schema.js';
import { conditionHolds } from './conditions.js';
import { resolveImage, type ImageOverrides } from './image-overrides.js';
import type { AddonBundle } from './load-bundle.js';
import type { ParameterValues } from './parameters.js';
import { substitutePlaceholders, type PlaceholderScope } from './placeholders.js';

export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
export const ADDON_NAME_LABEL = 'addons.slipway.dev/name';
export const ADDON_VERSION_LABEL = 'addons.slipway.dev/version';

/** A Kubernetes object as rendered: plain data ready for server-side apply. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [field: string]: unknown;
}

export interface RenderedPhase {
  name: string;
  objects: KubeObject[];
}

/** Everything the installer needs, with no placeholder left. */
export interface RenderedAddon {
  name: string;
  version: string;
  params: ParameterValues;
  /** Image key → the reference deployed (override or ref@digest). */
  images: Record<string, string>;
  phases: RenderedPhase[];
  hostOperations: HostOperation[];
  readiness: { timeoutSeconds: number; checks: ReadinessCheck[] };
  outputs: OutputDeclaration[];
  dataChecks: DataCheck[];
  clusterRequirements: AddonBundleDocument['clusterRequirements'];
}

export interface RenderInput {
  bundle: AddonBundle;
  /** Validated parameters with defaults (see resolveParameters). */
  params: ParameterValues;
  clusterName: string;
  /** Container port → host port of the cluster's port mappings (`${cluster.hostPorts.80}`). */
  clusterHostPorts?: Readonly<Record<string, number>>;
  overrides?: ImageOverrides;
  /** Add-ons enabled on the cluster after this operation, for `when: {addonEnabled}`. */
  enabledAddons?: readonly string[];
}

/** Render a bundle; throws SpecInvalid when a placeholder cannot be resolved. */
export function renderBundle(input: RenderInput): RenderedAddon {
  const { bundle, params } = input;
  const { document } = bundle;
  const enabled = input.enabledAddons ?? [bundle.name];
  const images = Object.fromEntries(
    Object.entries(document.images).map(([key, image]) => [key, resolveImage(image, input.overrides ?? {})]),
  );
  const scope: PlaceholderScope = {
    params,
    images,
    cluster: { name: input.clusterName, hostPorts: { ...input.clusterHostPorts } },
    addon: { name: bundle.name, version: document.metadata.version },
  };
  const phases = document.phases
    .filter((phase) => conditionHolds(phase.when, params, enabled))
    .map((phase) => ({
      name: phase.name,
      objects: (bundle.manifests[phase.name] ?? []).map((doc) =>
        withLabels(
          substitutePlaceholders(doc.object, scope, `${doc.file}#${String(doc.index)}`) as KubeObject,
          bundle.name,
          document.metadata.version,
        ),
      ),
    }));
  return {
    name: bundle.name,
    version: document.metadata.version,
    params,
    images,
    phases,
    hostOperations: substitutePlaceholders(document.hostOperations, scope, 'hostOperations'),
    readiness: substitutePlaceholders(document.readiness, scope, 'readiness'),
    outputs: substitutePlaceholders(
      document.outputs.filter((output) => !('when' in output) || conditionHolds(output.when, params, enabled)),
      scope,
      'outputs',
    ),
    dataChecks: document.uninstall.dataChecks,
    clusterRequirements: document.clusterRequirements,
  };
}

function withLabels(object: KubeObject, name: string, version: string): KubeObject {
  const labels = {
    ...stringValues(object.metadata.labels),
    [MANAGED_BY_LABEL]: 'slipway',
    [ADDON_NAME_LABEL]: name,
    [ADDON_VERSION_LABEL]: version,
  };
  const metadata = { ...object.metadata, labels };
  if (object.metadata.annotations) metadata.annotations = stringValues(object.metadata.annotations);
  return { ...object, metadata };
}

/** Labels and annotations are strings in Kubernetes: a typed placeholder (a boolean) becomes text. */
function stringValues(values: Record<string, unknown> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(values ?? {}).map(([key, value]) => [key, String(value)]));
}
/** The rendered objects as one multi-document YAML text (for golden files and previews). */
export function renderedToYaml(rendered: RenderedAddon): string {
  const header = {
    addon: rendered.name,
    version: rendered.version,
    params: rendered.params,
    images: rendered.images,
    hostOperations: rendered.hostOperations,
    readiness: rendered.readiness,
    outputs: rendered.outputs,
  };
  const documents = [header, ...rendered.phases.flatMap((phase) => phase.objects.map((object) => ({ ...object })))];
  return documents.map((doc) => stringify(doc, { sortMapEntries: false, lineWidth: 0 })).join('---\n');
}
