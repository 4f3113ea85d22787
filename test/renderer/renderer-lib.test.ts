// The renderer's pure helpers: the highlighter (text tokens, never markup), API selection
// from the URL fragment, routes, schema-generated fields, and YAML edits by the form.
import { describe, expect, it } from 'vitest';
import { selectApi, type ApiHost } from '../../renderer/src/api/select-api.js';
import { highlight } from '../../renderer/src/lib/highlight.js';
import { coerceInput, defaultValues, schemaFields, valueProblems } from '../../renderer/src/lib/schema-form.js';
import { addPool, readSpecValue, toggleAddon, writeSpecValue } from '../../renderer/src/lib/spec-document.js';
import { fieldKeyFor } from '../../renderer/src/lib/spec-problems.js';
import { parseRoute } from '../../renderer/src/state/router.svelte.js';

describe('highlight', () => {
  it('splits YAML into keys, values, literals and comments', () => {
    expect(highlight('metadata:\n  name: demo # the name\n  replicas: 3\n  on: true\n- "x"', 'yaml')).toEqual([
      [
        { kind: 'key', text: 'metadata' },
        { kind: 'punct', text: ':' },
      ],
      [
        { kind: 'plain', text: '  ' },
        { kind: 'key', text: 'name' },
        { kind: 'punct', text: ': ' },
        { kind: 'plain', text: 'demo ' },
        { kind: 'comment', text: '# the name' },
      ],
      [
        { kind: 'plain', text: '  ' },
        { kind: 'key', text: 'replicas' },
        { kind: 'punct', text: ': ' },
        { kind: 'number', text: '3' },
      ],
      [
        { kind: 'plain', text: '  ' },
        { kind: 'key', text: 'on' },
        { kind: 'punct', text: ': ' },
        { kind: 'literal', text: 'true' },
      ],
      [
        { kind: 'punct', text: '- ' },
        { kind: 'string', text: '"x"' },
      ],
    ]);
  });

  it('splits JSON and shell, and keeps markup as plain text', () => {
    expect(highlight('{"a": 1, "b": "<script>"}', 'json')[0]?.map((token) => token.kind)).toEqual([
      'punct',
      'key',
      'punct',
      'plain',
      'number',
      'punct',
      'plain',
      'key',
      'punct',
      'plain',
      'string',
      'punct',
    ]);
    expect(highlight("# create\ngcloud container clusters create demo --zone 'europe-west1-b'", 'shell')).toEqual([
      [{ kind: 'comment', text: '# create' }],
      [
        { kind: 'plain', text: 'gcloud' },
        { kind: 'plain', text: ' ' },
        { kind: 'plain', text: 'container' },
        { kind: 'plain', text: ' ' },
        { kind: 'plain', text: 'clusters' },
        { kind: 'plain', text: ' ' },
        { kind: 'plain', text: 'create' },
        { kind: 'plain', text: ' ' },
        { kind: 'plain', text: 'demo' },
        { kind: 'flag', text: ' --zone' },
        { kind: 'plain', text: ' ' },
        { kind: 'string', text: "'europe-west1-b'" },
      ],
    ]);
    expect(highlight('<img src=x onerror=alert(1)>', 'text')).toEqual([
      [{ kind: 'plain', text: '<img src=x onerror=alert(1)>' }],
    ]);
  });
});

describe('selectApi', () => {
  function host(hash: string, stored: string | null = null, slipway?: ApiHost['slipway']) {
    const calls: string[] = [];
    const value: ApiHost = {
      slipway,
      location: { hash, origin: 'http://127.0.0.1:4000' },
      history: { replaceState: (_data, _unused, url) => calls.push(`replace ${url ?? ''}`) },
      sessionStorage: { getItem: () => stored, setItem: (key, item) => calls.push(`store ${key}=${item}`) },
    };
    return { value, calls };
  }

  it('prefers the preload API', () => {
    const preload = {
      transport: 'electron' as const,
      invoke: () => Promise.reject(new Error('unused')),
      on: () => () => undefined,
    };
    expect(selectApi(host('#token=abc', null, preload).value)).toBe(preload);
  });

  it('takes the bridge token from the fragment once and removes it from the address bar', () => {
    const { value, calls } = host('#token=s3cret');
    expect(selectApi(value)?.transport).toBe('bridge');
    expect(calls).toEqual(['store slipway.bridgeToken=s3cret', 'replace #/']);
  });

  it('reuses the token of this tab after a reload, and gives up without one', () => {
    expect(selectApi(host('#/clusters/demo', 'kept').value)?.transport).toBe('bridge');
    expect(selectApi(host('#/').value)).toBeUndefined();
  });
});

describe('parseRoute', () => {
  it.each([
    ['/', { page: 'overview' }],
    ['/create', { page: 'create' }],
    ['/tasks/task-3', { page: 'task', taskId: 'task-3' }],
    ['/clusters/demo', { page: 'cluster', name: 'demo', tab: 'overview' }],
    ['/clusters/demo/logs', { page: 'cluster', name: 'demo', tab: 'logs' }],
    ['/clusters/demo/nope', { page: 'not-found', path: '/clusters/demo/nope' }],
    ['/diagnostics/extra', { page: 'not-found', path: '/diagnostics/extra' }],
  ])('%s', (path, route) => {
    expect(parseRoute(path)).toEqual(route);
  });
});

describe('schema-generated fields', () => {
  const schema = {
    type: 'object',
    required: ['port'],
    properties: {
      port: { type: 'integer', minimum: 1024, maximum: 65535, default: 5001 },
      mode: { type: 'string', enum: ['view', 'admin'] },
      hosts: { type: 'array', items: { type: 'string' } },
      tls: {
        type: 'object',
        properties: { enabled: { type: 'boolean', default: true }, name: { type: 'string', pattern: '^[a-z]+$' } },
      },
    },
  };

  it('describes every field with its kind, limits and defaults, nested objects included', () => {
    const fields = schemaFields(schema);
    expect(fields.map((field) => [field.key, field.kind, field.required])).toEqual([
      ['port', 'integer', true],
      ['mode', 'enum', false],
      ['hosts', 'list', false],
      ['tls', 'object', false],
    ]);
    expect(defaultValues(fields)).toEqual({ port: 5001, tls: { enabled: true } });
  });

  it('coerces control text and reports values the schema rejects by path', () => {
    const fields = schemaFields(schema);
    const [port, , hosts] = fields;
    if (!port || !hosts) throw new Error('fields missing');
    expect(coerceInput(port, '8080')).toBe(8080);
    expect(coerceInput(hosts, 'a\n\n b \n')).toEqual(['a', 'b']);
    expect(valueProblems(fields, { port: 80, tls: { name: 'Bad' } })).toEqual({
      port: 'Port must be at least 1024',
      'tls.name': 'Name is not in the expected format',
    });
    expect(valueProblems(fields, {})).toEqual({ port: 'Port is required' });
  });
});

describe('spec-document edits', () => {
  const text =
    '# my cluster\napiVersion: slipway.dev/v1alpha1\nkind: Cluster\nmetadata:\n  name: demo\nspec:\n  workers:\n    - name: workers\n      replicas: 2\n      labels: {tier: web}\n  addons: []\n';

  it('writes a value and keeps comments and fields the form does not show', () => {
    const next = writeSpecValue(text, ['spec', 'workers', 0, 'replicas'], 4);
    expect(next).toContain('# my cluster');
    expect(next).toContain('labels: { tier: web }');
    expect(readSpecValue(next, ['spec', 'workers', 0, 'replicas'])).toBe(4);
    expect(
      readSpecValue(writeSpecValue(next, ['spec', 'kubernetesVersion'], undefined), ['spec', 'kubernetesVersion']),
    ).toBeUndefined();
  });

  it('adds pools with fresh names and toggles add-ons as a block list', () => {
    const twice = addPool(addPool(text));
    expect(readSpecValue(twice, ['spec', 'workers'])).toEqual([
      { name: 'workers', replicas: 2, labels: { tier: 'web' } },
      { name: 'pool-1', replicas: 1 },
      { name: 'pool-2', replicas: 1 },
    ]);
    const withAddon = toggleAddon(text, 'registry', true);
    expect(withAddon).toContain('addons:\n    - name: registry');
    expect(toggleAddon(withAddon, 'registry', false)).toContain('addons: []');
  });

  it('maps problem paths to the wizard fields that show them', () => {
    expect(fieldKeyFor('metadata.name')).toBe('name');
    expect(fieldKeyFor('spec.workers[1].replicas')).toBe('pool-1-replicas');
    expect(fieldKeyFor('spec.addons[0].name')).toBe('addons');
    expect(fieldKeyFor('spec.portMappings[0].hostPort')).toBeUndefined();
  });
});

describe('GUI wording', () => {
  it('turns keys into labels', async () => {
    const { humanizeKey } = await import('../../renderer/src/lib/gui-wording.js');
    expect(humanizeKey('defaultClass')).toBe('Default class');
    expect(humanizeKey('vks.vmClass')).toBe('VM class');
    expect(humanizeKey('hostPort')).toBe('Host port');
    expect(humanizeKey('tkgi.externalHostname')).toBe('External hostname');
    expect(humanizeKey('apiVersion')).toBe('API version');
  });

  it('counts in words', async () => {
    const { plural } = await import('../../renderer/src/lib/gui-wording.js');
    expect([plural(0, 'error'), plural(1, 'error'), plural(2, 'error')]).toEqual(['0 errors', '1 error', '2 errors']);
  });

  it('replaces CLI flags in the messages main sends', async () => {
    const { guiMessage } = await import('../../renderer/src/lib/gui-wording.js');
    expect(
      guiMessage('vks needs a VM class; give it in --site FILE or with --set vks.vmClass=VALUE', {
        'vks.vmClass': 'VM class',
      }),
    ).toBe('vks needs a VM class; fill it in under Site inputs');
    expect(
      guiMessage(
        'give them in a site file (--site FILE, see docs/export.md) or one by one with --set gke.project=VALUE',
      ),
    ).toBe('fill them in under Site inputs');
    expect(guiMessage('name must match pattern "^[a-z]+$"')).toBe('name is not in the expected format');
  });

  it('shows `code` as code and docs paths as in-app links', async () => {
    const { richSegments } = await import('../../renderer/src/lib/gui-wording.js');
    expect(richSegments('`view` cannot read Secrets; see docs/export.md.')).toEqual([
      { kind: 'code', text: 'view' },
      { kind: 'text', text: ' cannot read Secrets; see ' },
      { kind: 'doc', text: 'docs/export.md', route: '/docs/export' },
      { kind: 'text', text: '.' },
    ]);
    expect(richSegments('a lone ` stays')).toEqual([
      { kind: 'text', text: 'a lone ' },
      { kind: 'text', text: '` stays' },
    ]);
  });
});

describe('cluster display', () => {
  it('trusts a state only while the engine answers, and a running task wins', async () => {
    const { clusterDisplay } = await import('../../renderer/src/lib/cluster-display.js');
    expect(clusterDisplay({ state: 'running' }, undefined, true).label).toBe('Running');
    expect(clusterDisplay({ state: 'running' }, undefined, false).label).toBe('Unknown (engine unreachable)');
    expect(clusterDisplay({ state: 'running' }, { kind: 'create' }, true)).toEqual({
      kind: 'busy',
      tone: 'info',
      label: 'Creating…',
    });
  });
});

describe('readable colours', () => {
  it('gives every hue at least 4.5:1 on the log background in both themes', async () => {
    const { contrastRatio, readableHue } = await import('../../renderer/src/lib/format.js');
    const parse = (rgb: string) => rgb.match(/\d+/g)?.map(Number) as [number, number, number];
    for (const [background, dark] of [
      [[0xee, 0xf1, 0xf4], false],
      [[0x1f, 0x26, 0x2e], true],
    ] as const) {
      for (let hue = 0; hue < 360; hue += 5) {
        expect(contrastRatio(parse(readableHue(hue, [...background], dark)), [...background])).toBeGreaterThanOrEqual(
          4.5,
        );
      }
    }
  });
});

describe('tab keys', () => {
  it('moves left and right with wrapping, and to the ends', async () => {
    const { nextTabIndex } = await import('../../renderer/src/lib/tab-keys.js');
    expect(nextTabIndex('ArrowRight', 2, 3)).toBe(0);
    expect(nextTabIndex('ArrowLeft', 0, 3)).toBe(2);
    expect(nextTabIndex('Home', 2, 3)).toBe(0);
    expect(nextTabIndex('End', 0, 3)).toBe(2);
    expect(nextTabIndex('a', 0, 3)).toBeUndefined();
  });
});
