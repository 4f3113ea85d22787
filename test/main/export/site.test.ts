import { describe, expect, it } from 'vitest';
import { SpecInvalid, UsageError } from '../../../main/errors.js';
import { loadSiteInputs } from '../../../main/export/index.js';
import { fullSite } from './support/paths.js';

function problemsOf(run: () => unknown): { path: string; message: string; line?: number }[] {
  try {
    run();
  } catch (error) {
    if (error instanceof SpecInvalid) return [...error.problems];
    throw error;
  }
  throw new Error('expected SpecInvalid');
}

describe('site inputs', () => {
  it('loads the documented site file with every section', () => {
    const site = fullSite();
    expect(site.vks).toMatchObject({ namespace: 'team-a-vsphere-ns', vmClass: 'best-effort-medium' });
    expect(site.gke?.machineTypes?.[1]).toEqual({ name: 'e2-standard-4', cpus: 4, memory: '16Gi' });
    expect(site.tkgi?.plan).toBe('small');
    expect(site.capi?.clusterClass).toBe('quick-start');
  });

  it('lets --set override and add single values', () => {
    const site = loadSiteInputs({ text: 'vks:\n  vmClass: a\n', sets: ['vks.vmClass=b', 'gke.project=my-project-1'] });
    expect(site).toEqual({ vks: { vmClass: 'b' }, gke: { project: 'my-project-1' } });
  });

  it('treats an empty or comment-only file as no inputs', () => {
    expect(loadSiteInputs({ text: '# nothing yet\n' })).toEqual({});
  });

  it('reports every problem with its path and line', () => {
    const text = [
      'vks:',
      '  vmclass: x',
      '  vmClasses:',
      '    - {name: s, cpus: "2", memory: 4Gi}',
      'gke:',
      '  location: Europe',
      'eks: {}',
      '',
    ].join('\n');
    const problems = problemsOf(() => loadSiteInputs({ text, sourceName: 'site.yaml' }));
    expect(problems.map((problem) => [problem.path, problem.line])).toEqual(
      expect.arrayContaining([
        ['vks.vmclass', 2],
        ['vks.vmClasses[0].cpus', 4],
        ['gke.location', 6],
        ['eks', 7],
      ]),
    );
    expect(problems).toHaveLength(4);
    expect(problems.find((problem) => problem.path === 'vks.vmclass')?.message).toContain('unknown field');
  });

  it('validates --set values strictly too', () => {
    const problems = problemsOf(() => loadSiteInputs({ sets: ['gke.releaseChannel=FAST', 'tkgi.plans=x'] }));
    expect(problems.map((problem) => problem.path).sort()).toEqual(['gke.releaseChannel', 'tkgi.plans']);
  });

  it('rejects malformed --set pairs as usage errors', () => {
    expect(() => loadSiteInputs({ sets: ['vks.vmClass'] })).toThrow(UsageError);
    expect(() => loadSiteInputs({ sets: ['vmClass=x'] })).toThrow(UsageError);
    expect(() => loadSiteInputs({ sets: ['a.b.c=x'] })).toThrow(UsageError);
  });

  it('keeps = signs inside values', () => {
    expect(loadSiteInputs({ sets: ['vks.release=v1.34.1---vmware.1=x'] }).vks?.release).toBe('v1.34.1---vmware.1=x');
  });

  it('rejects a site file that is not a mapping', () => {
    expect(problemsOf(() => loadSiteInputs({ text: '- a\n- b\n' }))[0]?.message).toContain('mapping');
  });
});
