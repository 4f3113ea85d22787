import { describe, expect, it } from 'vitest';
import { SpecInvalid, UsageError } from '../../../main/errors.js';
import { SiteSetInvalid, loadSiteInputs } from '../../../main/export/index.js';
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

  it('rejects a site file that is not a mapping, at its first line', () => {
    const [problem] = problemsOf(() => loadSiteInputs({ text: '- a\n- b\n' }));
    expect(problem).toMatchObject({ path: '', line: 1, column: 1 });
    expect(problem?.message).toContain('mapping');
  });

  it('validates the site file on its own first, with its lines, before any --set', () => {
    const text = 'gke:\n  project: Bad Project\n';
    try {
      loadSiteInputs({ text, sourceName: 'site.yaml', sets: ['gke.releaseChannel=FAST'] });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SpecInvalid);
      expect(error).not.toBeInstanceOf(SiteSetInvalid);
      expect((error as SpecInvalid).source).toBe('site.yaml');
      expect((error as SpecInvalid).problems).toEqual([
        expect.objectContaining({ path: 'gke.project', line: 2, column: 12 }),
      ]);
    }
  });

  it('blames each bad --set value on its own argument, not on the site file', () => {
    const sets = ['gke.project=my-project-1', 'gke.releaseChannel=FAST', 'tkgi.plans=x'];
    let thrown: unknown;
    try {
      loadSiteInputs({ text: 'gke:\n  location: europe-west1\n', sourceName: 'site.yaml', sets });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SiteSetInvalid);
    const rejected = (thrown as SiteSetInvalid).rejected;
    expect(rejected.map((found) => [found.argument, found.problem.path, found.problem.line])).toEqual([
      ['gke.releaseChannel=FAST', 'gke.releaseChannel', undefined],
      ['tkgi.plans=x', 'tkgi.plans', undefined],
    ]);
    expect(rejected[1]?.problem.message).toBe(
      'unknown site input tkgi.plans; tkgi has plan, externalHostname, storagePolicy',
    );
  });

  it('blames the last --set of a key, the one whose value counts', () => {
    const sets = ['gke.releaseChannel=FAST', 'gke.releaseChannel=SLOW'];
    const error = (() => {
      try {
        return loadSiteInputs({ sets });
      } catch (thrown) {
        return thrown as SiteSetInvalid;
      }
    })() as SiteSetInvalid;
    expect(error.rejected.map((found) => found.argument)).toEqual(['gke.releaseChannel=SLOW']);
  });

  it('says a size table cannot be given with --set', () => {
    const problems = problemsOf(() => loadSiteInputs({ sets: ['vks.vmClasses=x'] }));
    expect(problems).toEqual([
      {
        path: 'vks.vmClasses',
        message:
          'vks.vmClasses is a size table (a list of {name, cpus, memory}) and cannot be given with --set; put it in the site file (--site FILE)',
      },
    ]);
  });

  it('says what a size table is when a file gives it the wrong type (not "is required")', () => {
    const [problem] = problemsOf(() => loadSiteInputs({ text: 'vks:\n  vmClasses: x\n' }));
    expect(problem?.message).toContain('vks.vmClasses must be a list of sizes');
    expect(problem?.line).toBe(2);
  });
});

describe('site inputs never reach Object.prototype', () => {
  it.each(['__proto__.isAdmin=yes', 'vks.__proto__=x', 'constructor.prototype=x', 'prototype.x=y'])(
    'refuses --set %s as a usage error',
    (argument) => {
      expect(() => loadSiteInputs({ sets: [argument] })).toThrow(UsageError);
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
      expect(Object.keys(Object.prototype)).toEqual([]);
    },
  );

  it('refuses a site file with a __proto__ section, naming its line', () => {
    const problems = problemsOf(() =>
      loadSiteInputs({ text: 'vks:\n  vmClass: a\n__proto__:\n  isAdmin: yes\n', sets: ['vks.namespace=x'] }),
    );
    expect(problems[0]).toMatchObject({ path: '__proto__', line: 3 });
    expect(Object.keys(Object.prototype)).toEqual([]);
  });
});
