// spec.addons checked against the shipped bundles (addons/): parameters against each bundle's
// parameter schema and cluster requirements against spec.portMappings, before any container.
import { describe, expect, it } from 'vitest';
import { SpecInvalid } from '../../../main/errors.js';
import { assertAddonsMatchBundles, validateClusterSpecTextWithBundles } from '../../../main/addons/spec-checks.js';
import { defaultClusterSpec, loadClusterSpec } from '../../../main/spec/index.js';

const header = 'apiVersion: slipway.dev/v1alpha1\nkind: Cluster\nmetadata:\n  name: demo\nspec:\n';
const ingressPorts = '  portMappings: [{hostPort: 8080, containerPort: 80}, {hostPort: 8443, containerPort: 443}]\n';

async function problemsOf(body: string) {
  const result = await validateClusterSpecTextWithBundles(`${header}${body}`);
  return result.ok ? [] : result.problems;
}

describe('add-ons against their bundles', () => {
  it('accepts parameters the bundles declare and fills their defaults', async () => {
    const result = await validateClusterSpecTextWithBundles(
      `${header}  addons:\n    - {name: registry, params: {hostPort: 5002}}\n    - {name: ingress, params: {logLevel: DEBUG}}\n${ingressPorts}`,
    );
    expect(result.ok ? [] : result.problems).toEqual([]);
    if (result.ok) expect(result.spec.spec.addons[0]?.params).toEqual({ hostPort: 5002 });
  });

  it('reports a parameter of the wrong type at its path and position', async () => {
    expect(await problemsOf('  addons:\n    - name: registry\n      params: {hostPort: "x"}\n')).toEqual([
      { path: 'spec.addons[0].params.hostPort', message: 'must be integer', line: 8, column: 26 },
    ]);
  });

  it('names the parameters a bundle takes when one is unknown', async () => {
    const [problem] = await problemsOf('  addons:\n    - {name: dashboard, params: {admin: "yes"}}\n');
    expect(problem).toMatchObject({
      path: 'spec.addons[0].params.admin',
      message: 'unknown parameter; check its spelling (add-on "dashboard" takes role, host)',
    });
  });

  it('accepts an add-on whose ports are all unmapped: create chooses them', async () => {
    expect(await problemsOf('  addons: [{name: ingress}]\n')).toEqual([]);
  });

  it('accepts HTTP-only ingress: the HTTPS mapping is optional', async () => {
    expect(
      await problemsOf('  addons: [{name: ingress}]\n  portMappings: [{hostPort: 8080, containerPort: 80}]\n'),
    ).toEqual([]);
  });

  it('reports a required mapping missing beside others, with the mapping to add', async () => {
    const [problem, ...rest] = await problemsOf(
      '  addons: [{name: ingress}]\n  portMappings: [{hostPort: 8443, containerPort: 443}]\n',
    );
    expect(rest).toEqual([]);
    expect(problem?.path).toBe('spec.addons[0].name');
    expect(problem?.message).toMatch(/^add-on "ingress" needs spec.portMappings for container port 80\/TCP /);
    expect(problem?.message).toContain('{hostPort: 80, containerPort: 80}');
  });

  it('matches required mappings by protocol too', async () => {
    const problems = await problemsOf(
      '  addons: [{name: ingress}]\n  portMappings: [{hostPort: 80, containerPort: 80, protocol: UDP}, {hostPort: 443, containerPort: 443}]\n',
    );
    expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(/container port 80\/TCP/)]);
  });

  it('reports add-on problems in the same pass as the rest of the spec', async () => {
    const problems = await problemsOf(
      '  controlPlane: {replicas: 2}\n  addons:\n    - {name: registry, params: {port: 1}}\n    - {name: nginx}\n',
    );
    expect(problems.map((p) => p.path)).toEqual([
      'spec.controlPlane.replicas',
      'spec.addons[0].params.port',
      'spec.addons[1].name',
    ]);
  });

  it('does not judge requirements when the port mappings are themselves invalid', async () => {
    const problems = await problemsOf(
      '  addons: [{name: ingress}]\n  portMappings: [{hostPort: 0, containerPort: 80}]\n',
    );
    expect(problems.map((p) => p.path)).toEqual(['spec.portMappings[0].hostPort']);
  });

  it('leaves documents that do not parse to the parser', async () => {
    expect(await problemsOf('  addons: [unclosed\n')).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/^YAML syntax/) as unknown }),
    ]);
  });

  it('refuses a validated spec for create preflight with SpecInvalid naming the source', async () => {
    const spec = loadClusterSpec(
      `${header}  addons: [{name: ingress}, {name: metrics-server, params: {metricResolution: 15}}]\n  portMappings: [{hostPort: 8443, containerPort: 443}]\n`,
    );
    const error = await assertAddonsMatchBundles(spec, { source: 'cluster "demo"' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpecInvalid);
    expect((error as SpecInvalid).source).toBe('cluster "demo"');
    expect((error as SpecInvalid).problems.map((p) => p.path)).toEqual([
      'spec.addons[0].name',
      'spec.addons[1].params.metricResolution',
    ]);
  });

  it('accepts the embedded default cluster', async () => {
    await expect(assertAddonsMatchBundles(defaultClusterSpec())).resolves.toBeUndefined();
  });
});
