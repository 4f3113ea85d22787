// Runs the Go unit tests of the csi-hostpath stand-in (images/addons/csi-hostpath) inside
// `npm test`, so its volume, snapshot and archive logic is checked with everything else.
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';

const goVersion = await execa('go', ['version']).then(
  (result) => result.stdout,
  () => undefined,
);
if (goVersion === undefined) {
  if (process.env.CI === 'true') throw new Error('csi-hostpath Go tests: the Go toolchain is missing under CI');
  console.warn('\n*** SKIPPING csi-hostpath Go tests: no `go` on PATH ***\n');
}

describe.skipIf(goVersion === undefined)('csi-hostpath stand-in (go test)', () => {
  it('passes its Go unit tests', async () => {
    const result = await execa('go', ['test', '-count=1', './...'], {
      cwd: 'images/addons/csi-hostpath',
      reject: false,
      all: true,
    });
    expect(result.exitCode, result.all).toBe(0);
  }, 600_000);
});
