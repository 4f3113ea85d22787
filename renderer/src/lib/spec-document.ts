// The create wizard keeps one source of truth, the YAML text; the form reads fields from it
// and writes them back through the YAML document API, so comments, order and fields the
// form does not know (labels, taints, port mappings) survive every edit.
import { isMap, isSeq, parseDocument, stringify } from 'yaml';
import { defaultClusterSpec, type ClusterSpecInput } from '../../../main/spec/index.js';

export type SpecPath = (string | number)[];

/** The YAML a new cluster starts from: the embedded default, minus values left to defaults. */
export function initialSpecText(name = 'demo'): string {
  const spec = defaultClusterSpec(name);
  const input: ClusterSpecInput = {
    apiVersion: spec.apiVersion,
    kind: spec.kind,
    metadata: { name },
    spec: {
      controlPlane: { replicas: spec.spec.controlPlane.replicas },
      workers: spec.spec.workers.map((pool) => ({ name: pool.name, replicas: pool.replicas })),
      addons: spec.spec.addons.map((addon) => ({ name: addon.name })),
    },
  };
  return stringify(input);
}

/** The raw value at a path of the YAML (undefined when absent or when the YAML is broken). */
export function readSpecValue(text: string, path: SpecPath): unknown {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return undefined;
  const node: unknown = doc.getIn(path);
  return isMap(node) || isSeq(node) ? node.toJSON() : node;
}

/** Whether the YAML parses, so the form can edit it. */
export function isEditableYaml(text: string): boolean {
  const doc = parseDocument(text);
  return doc.errors.length === 0 && isMap(doc.contents);
}

/** Sets (or, for undefined, removes) the value at a path and returns the new YAML text. */
export function writeSpecValue(text: string, path: SpecPath, value: unknown): string {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return text;
  if (value === undefined) doc.deleteIn(path);
  else doc.setIn(path, value);
  return doc.toString();
}

/** The worker pools as the form lists them (name and replicas). */
export function readPools(text: string): { name: string; replicas: unknown }[] {
  const pools = readSpecValue(text, ['spec', 'workers']);
  if (!Array.isArray(pools)) return [];
  return pools.map((pool: unknown) => {
    const entry = (pool ?? {}) as { name?: unknown; replicas?: unknown };
    return { name: typeof entry.name === 'string' ? entry.name : '', replicas: entry.replicas };
  });
}

/** Adds a worker pool with a name not used yet. */
export function addPool(text: string): string {
  const names = new Set(readPools(text).map((pool) => pool.name));
  let index = 1;
  while (names.has(`pool-${String(index)}`)) index++;
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return text;
  const pools = doc.getIn(['spec', 'workers']);
  const pool = doc.createNode({ name: `pool-${String(index)}`, replicas: 1 });
  if (isSeq(pools)) {
    pools.flow = false;
    pools.add(pool);
  } else doc.setIn(['spec', 'workers'], doc.createNode([{ name: `pool-${String(index)}`, replicas: 1 }]));
  return doc.toString();
}

/** Removes the worker pool at an index. */
export function removePool(text: string, index: number): string {
  return writeSpecValue(text, ['spec', 'workers', index], undefined);
}

/** Enables or disables an add-on in spec.addons. */
export function toggleAddon(text: string, addon: string, enabled: boolean): string {
  const current = readSpecValue(text, ['spec', 'addons']);
  const list = Array.isArray(current) ? (current as { name?: unknown }[]) : [];
  const index = list.findIndex((entry) => entry.name === addon);
  if (enabled && index < 0) {
    const doc = parseDocument(text);
    const addons = doc.getIn(['spec', 'addons']);
    if (isSeq(addons)) {
      // `addons: []` is a flow sequence; items read better as a block list.
      addons.flow = false;
      addons.add(doc.createNode({ name: addon }));
    } else doc.setIn(['spec', 'addons'], doc.createNode([{ name: addon }]));
    return doc.toString();
  }
  if (!enabled && index >= 0) return writeSpecValue(text, ['spec', 'addons', index], undefined);
  return text;
}
