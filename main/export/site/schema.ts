// Site inputs: what a production platform needs that a local spec cannot know (`--site FILE`,
// `--set section.key=value`). Every key is optional here; each exporter names the keys it
// requires and reports the missing ones together.
import { z } from 'zod';
import type { ExportTarget } from '../../lib/export-targets.js';
import { DNS1123_LABEL, DNS1123_SUBDOMAIN } from '../../lib/dns-names.js';
import { MEMORY_QUANTITY_PATTERN } from '../../lib/quantity.js';
import { VKS_CLASS_NAMES } from '../vks/class-names.js';

const dnsSubdomain = DNS1123_SUBDOMAIN;
const dnsLabel = DNS1123_LABEL;

const kubeName = (what: string) =>
  z
    .string({ error: `${what} must be a string` })
    .min(1, `${what} must not be empty`)
    .max(253, `${what} must be at most 253 characters`)
    .regex(dnsSubdomain, `${what} must be a Kubernetes name: lower-case letters, digits, '-' and '.'`);

const namespaceName = z
  .string({ error: 'a namespace must be a string' })
  .max(63, 'a namespace must be at most 63 characters')
  .regex(dnsLabel, "a namespace must be a DNS-1123 label: lower-case letters, digits and '-'");

const nonEmpty = (what: string) => z.string({ error: `${what} must be a string` }).min(1, `${what} must not be empty`);

/** One row of a size table: a VM class or machine type and its shape. */
const sizeEntry = z.strictObject({
  name: nonEmpty('name'),
  cpus: z.number({ error: 'cpus must be a number such as 4' }).positive('cpus must be positive'),
  memory: z
    .string({ error: 'memory must be a quantity string such as 16Gi' })
    .regex(MEMORY_QUANTITY_PATTERN, 'memory must be a quantity such as 512Mi or 16Gi'),
});

const sizeTable = (what: string) =>
  z
    .array(sizeEntry, { error: `${what} must be a list of sizes such as - {name: small, cpus: 2, memory: 4Gi}` })
    .min(1, `${what} must list at least one size`);

const capiSite = z.strictObject({
  clusterClass: kubeName('capi.clusterClass').optional(),
  namespace: namespaceName.optional(),
  classNamespace: namespaceName.optional(),
  workerClass: nonEmpty('capi.workerClass').optional(),
  storageProvisioner: nonEmpty('capi.storageProvisioner').optional(),
});

const vksSite = z.strictObject({
  namespace: namespaceName.optional(),
  vmClass: kubeName('vks.vmClass').optional(),
  storageClass: kubeName('vks.storageClass').optional(),
  release: nonEmpty('vks.release').optional(),
  class: z.enum(VKS_CLASS_NAMES, { error: `vks.class must be one of ${VKS_CLASS_NAMES.join(', ')}` }).optional(),
  vmClasses: sizeTable('vks.vmClasses').optional(),
});

const tkgiSite = z.strictObject({
  plan: nonEmpty('tkgi.plan').optional(),
  externalHostname: z
    .string({ error: 'tkgi.externalHostname must be a string' })
    .regex(dnsSubdomain, 'tkgi.externalHostname must be a host name such as demo.k8s.example.com')
    .optional(),
  storagePolicy: nonEmpty('tkgi.storagePolicy').optional(),
});

const gkeSite = z.strictObject({
  project: z
    .string({ error: 'gke.project must be a string' })
    .regex(
      /^[a-z][-a-z0-9]{4,28}[a-z0-9]$/,
      'gke.project must be a project ID: 6-30 lower-case letters, digits or hyphens, starting with a letter',
    )
    .optional(),
  location: z
    .string({ error: 'gke.location must be a string' })
    .regex(/^[a-z]+-[a-z]+\d+(-[a-z])?$/, 'gke.location must be a region (europe-west1) or a zone (europe-west1-b)')
    .optional(),
  network: nonEmpty('gke.network').optional(),
  subnetwork: nonEmpty('gke.subnetwork').optional(),
  releaseChannel: z
    .enum(['RAPID', 'REGULAR', 'STABLE', 'EXTENDED'], {
      error: 'gke.releaseChannel must be RAPID, REGULAR, STABLE or EXTENDED',
    })
    .optional(),
  machineTypes: sizeTable('gke.machineTypes').optional(),
});

/** The section of a site file each target reads (kind reads none). */
export const SITE_SECTIONS = { capi: capiSite, vks: vksSite, tkgi: tkgiSite, gke: gkeSite } satisfies Partial<
  Record<ExportTarget, z.ZodObject>
>;
const SECTIONS = SITE_SECTIONS;

export const siteInputsSchema = z.strictObject({
  capi: capiSite.optional(),
  vks: vksSite.optional(),
  tkgi: tkgiSite.optional(),
  gke: gkeSite.optional(),
});

/** Site keys whose value is a size table: only a site file can give them, not --set. */
export const SITE_TABLE_KEYS: readonly string[] = ['vks.vmClasses', 'gke.machineTypes'];

/** The section names of a site file: capi, vks, tkgi, gke. */
export function siteSections(): string[] {
  return Object.keys(SECTIONS);
}

/** The keys one section accepts, or undefined for a section that does not exist. */
export function siteSectionKeys(section: string): string[] | undefined {
  return Object.hasOwn(SECTIONS, section) ? Object.keys(SECTIONS[section as keyof typeof SECTIONS].shape) : undefined;
}

/** Every `section.key` that --set (or the export page) can give: all keys but the tables. */
export function siteSetKeys(): string[] {
  return Object.entries(SECTIONS)
    .flatMap(([section, schema]) => Object.keys(schema.shape).map((key) => `${section}.${key}`))
    .filter((key) => !SITE_TABLE_KEYS.includes(key));
}

export type SiteInputs = z.output<typeof siteInputsSchema>;
export type SizeEntry = z.output<typeof sizeEntry>;
