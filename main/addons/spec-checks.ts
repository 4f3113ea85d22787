// Checks a spec's add-ons against their bundles: each `spec.addons[i].params` against the
// bundle's parameter schema, and the bundle's cluster requirements (host port mappings)
// against `spec.portMappings`. `slipway validate` and create run them before any container
// exists, so a spec is refused up front rather than after its cluster is built.
//
// Unlike the rest of spec validation this reads bundle files (async, Node only), so it is not
// exported from ./index.ts, which the renderer imports.
import { z } from 'zod';
import { loadBundle, type AddonBundle, type BundleSource } from './load-bundle.js';
import { parameterProblems } from './parameters.js';
import { missingPortMappings, unmappedPorts } from './preflight.js';
import { SpecInvalid } from '../errors.js';
import { fieldOf } from '../spec/list-checks.js';
import { validateParsedClusterSpec, type ValidationResult } from '../spec/load.js';
import { locateProblems, sortProblems } from '../spec/locate-problems.js';
import { portMappingSchema } from '../spec/port-mappings-schema.js';
import type { PathIssue, PathSegment } from '../spec/problem-path.js';
import { quote } from '../spec/quote.js';
import { addonRefSchema, type AddonRef, type ClusterSpec, type PortMapping } from '../spec/schema.js';
import { parseYamlDocument } from '../spec/yaml-document.js';

export interface AddonCheckOptions {
  /** Where the bundles are; default: the addons/ folder Slipway ships. */
  bundles?: BundleSource;
}

/** Validate YAML text as `slipway validate` does: the spec, then its add-ons against their bundles. */
export async function validateClusterSpecTextWithBundles(
  text: string,
  options: AddonCheckOptions = {},
): Promise<ValidationResult> {
  const parsed = parseYamlDocument(text);
  const result = validateParsedClusterSpec(parsed);
  if (parsed.problems.length > 0) return result; // no document to read add-ons from
  const issues = await addonBundleIssues(parsed.value, options);
  if (issues.length === 0) return result;
  const spec = result.ok ? [] : result.problems;
  return { ok: false, problems: sortProblems([...spec, ...locateProblems(issues, parsed)]) };
}

/** Refuse a validated spec whose add-ons their bundles would refuse (create's preflight). */
export async function assertAddonsMatchBundles(
  spec: ClusterSpec,
  options: AddonCheckOptions & { source?: string } = {},
): Promise<void> {
  const issues = await addonBundleIssues(spec, options);
  if (issues.length > 0) throw new SpecInvalid(locateProblems(issues), { source: options.source });
}

/**
 * Problems of each add-on entry that is itself valid, read from a spec value that may have
 * other problems (so one pass reports them all). Throws only when a bundle cannot be loaded.
 */
export async function addonBundleIssues(value: unknown, options: AddonCheckOptions = {}): Promise<PathIssue[]> {
  const spec = fieldOf(value, 'spec');
  const portMappings = portMappingsOf(spec);
  const bundles = new Map<string, Promise<AddonBundle>>();
  const issues: PathIssue[] = [];
  for (const [index, addon] of addonsOf(spec)) {
    let bundle = bundles.get(addon.name);
    if (!bundle) bundles.set(addon.name, (bundle = loadBundle(addon.name, options.bundles)));
    const path = ['spec', 'addons', index];
    issues.push(...parameterIssues(await bundle, addon.params, path));
    if (portMappings) issues.push(...requirementIssues(await bundle, portMappings, path));
  }
  return issues;
}

/** The add-on entries that parse on their own, with their index in spec.addons. */
function addonsOf(spec: unknown): [number, AddonRef][] {
  const addons = fieldOf(spec, 'addons');
  if (!Array.isArray(addons)) return [];
  return addons.flatMap((item: unknown, index): [number, AddonRef][] => {
    const parsed = addonRefSchema.safeParse(item);
    return parsed.success ? [[index, parsed.data]] : [];
  });
}

/** The port mappings when every one of them is valid (else requirements cannot be judged). */
function portMappingsOf(spec: unknown): PortMapping[] | undefined {
  const parsed = z.array(portMappingSchema).default([]).safeParse(fieldOf(spec, 'portMappings'));
  return parsed.success ? parsed.data : undefined;
}

function parameterIssues(bundle: AddonBundle, params: Record<string, unknown>, path: PathSegment[]): PathIssue[] {
  const declared = Object.keys(bundle.document.parameters.properties);
  return parameterProblems(bundle.document.parameters, params).map((problem) => {
    // Ajv paths are dotted (params.a.0.b); list indices become numbers again.
    const segments = problem.path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
    const name = segments[1];
    const unknown = typeof name === 'string' && !declared.includes(name);
    const takes = declared.length > 0 ? `takes ${declared.join(', ')}` : 'takes no parameters';
    const hint = unknown ? ` (add-on ${quote(bundle.name)} ${takes})` : '';
    return { path: [...path, ...segments], message: `${problem.message}${hint}` };
  });
}

function requirementIssues(
  bundle: AddonBundle,
  portMappings: readonly PortMapping[],
  path: PathSegment[],
): PathIssue[] {
  const missing = missingPortMappings(bundle, portMappings);
  // None of its ports mapped: create chooses free host ports for them (addons/host-port-choice.ts).
  if (
    missing.length === 0 ||
    unmappedPorts(bundle, portMappings).length === bundle.document.clusterRequirements.portMappings.length
  )
    return [];
  const needs = missing.map((m) => `${String(m.containerPort)}/${m.protocol} (${m.reason})`).join(', ');
  const example = missing
    .map((m) => {
      const protocol = m.protocol === 'TCP' ? '' : `, protocol: ${m.protocol}`;
      return `{hostPort: ${String(m.containerPort)}, containerPort: ${String(m.containerPort)}${protocol}}`;
    })
    .join(', ');
  return [
    {
      path: [...path, 'name'],
      message: `add-on ${quote(bundle.name)} needs spec.portMappings for container port ${needs}; add ${example} to spec.portMappings (any free host ports work)`,
    },
  ];
}
