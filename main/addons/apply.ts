// Server-side apply of rendered objects with one field manager per add-on
// (slipway-addon-<name>). Conflicts with other managers are errors, never forced: an add-on
// does not take over fields someone else owns.
import { loadYaml, PatchStrategy } from '@kubernetes/client-node';
import { StepFailed } from '../errors.js';
import type { KubeClients } from './kube-clients.js';
import { isNotFound } from './kube-clients.js';
import type { ObjectRef } from './inventory.js';
import type { KubeObject } from './render.js';

/** The field manager an add-on's objects are applied with. */
export function fieldManagerFor(addon: string): string {
  return `slipway-addon-${addon}`;
}

/** Reference to an object as recorded in the inventory. */
export function refOf(object: KubeObject, phase: string): ObjectRef {
  const ref: ObjectRef = { apiVersion: object.apiVersion, kind: object.kind, name: object.metadata.name, phase };
  if (object.metadata.namespace !== undefined) ref.namespace = object.metadata.namespace;
  return ref;
}

/** Apply objects in order; a failure names the object. */
export async function applyObjects(clients: KubeClients, addon: string, objects: readonly KubeObject[]): Promise<void> {
  for (const object of objects) {
    try {
      await clients.objects.patch(
        toClientModel(object),
        undefined,
        undefined,
        fieldManagerFor(addon),
        false,
        PatchStrategy.ServerSideApply,
      );
    } catch (error) {
      throw new StepFailed(`apply ${describeRef(object)}`, new Error(apiErrorMessage(error)), { cause: error });
    }
  }
}

/**
 * The client's model form of a plain object. KubernetesObjectApi serializes a body by the model
 * of its kind, which reads camelCase properties (`xKubernetesPreserveUnknownFields`, `_default`,
 * `_enum`): a plain manifest's `x-kubernetes-preserve-unknown-fields`, `default` and `enum` keys
 * would be dropped silently and a CRD would prune its own status. Custom kinds pass through.
 */
export function toClientModel(object: KubeObject): KubeObject {
  return loadYaml<KubeObject>(JSON.stringify(object));
}

/** Delete the objects of an inventory, last applied first; already-gone objects are fine. */
export async function deleteObjects(
  clients: KubeClients,
  refs: readonly Pick<ObjectRef, 'apiVersion' | 'kind' | 'name' | 'namespace'>[],
): Promise<void> {
  for (const ref of [...refs].reverse()) {
    const header = {
      apiVersion: ref.apiVersion,
      kind: ref.kind,
      metadata: { name: ref.name, namespace: ref.namespace },
    };
    try {
      await clients.objects.delete(header, undefined, undefined, undefined, undefined, 'Background');
    } catch (error) {
      if (!isNotFound(error))
        throw new StepFailed(`delete ${ref.kind} ${ref.name}`, new Error(apiErrorMessage(error)), { cause: error });
    }
  }
}

/** True while any of the objects still exists (deletion is asynchronous). */
export async function anyExists(clients: KubeClients, refs: readonly ObjectRef[]): Promise<boolean> {
  for (const ref of refs) {
    try {
      await clients.objects.read({
        apiVersion: ref.apiVersion,
        kind: ref.kind,
        metadata: { name: ref.name, namespace: ref.namespace },
      });
      return true;
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
  return false;
}

function describeRef(object: KubeObject): string {
  const namespace = object.metadata.namespace ? `${object.metadata.namespace}/` : '';
  return `${object.kind} ${namespace}${object.metadata.name}`;
}

/** The API server's own message from a client-node error, without the response dump. */
export function apiErrorMessage(error: unknown): string {
  const body = (error as { body?: unknown }).body;
  if (typeof body === 'string') {
    try {
      const parsed = JSON.parse(body) as { message?: string };
      if (parsed.message) return parsed.message;
    } catch {
      // not JSON: fall through
    }
  }
  if (body && typeof body === 'object' && 'message' in body) return String(body.message);
  return error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
}
