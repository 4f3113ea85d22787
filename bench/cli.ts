// `npm run bench:cli`: how long a `slipway` command takes from launch to exit, for verbs a
// developer types many times a day. Start-up dominates them (TypeScript through tsx, then the
// modules a verb needs), so this is what the lazy loading of the Kubernetes client is for.
// Writes the "CLI start-up" section of BENCHMARKS.md. `list` needs a reachable Docker daemon.
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { writeSection } from './benchmarks-file.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const root = join(import.meta.dirname, '..');
const cli = join(root, 'bin', 'slipway.js');

const commands: { label: string; argv: string[] }[] = [
  { label: '`slipway --version`', argv: ['--version'] },
  { label: '`slipway validate -f examples/multi-pool.yaml`', argv: ['validate', '-f', 'examples/multi-pool.yaml'] },
  {
    label: '`slipway export -f examples/multi-pool.yaml --target gke` (site from `docs/export-site.yaml`)',
    argv: ['export', '-f', 'examples/multi-pool.yaml', '--target', 'gke', '--site', 'docs/export-site.yaml'],
  },
  { label: '`slipway list`', argv: ['list'] },
];

/** Wall-clock seconds of one run; a failing command fails the benchmark. */
function timeOnce(argv: readonly string[]): number {
  const started = performance.now();
  execFileSync(process.execPath, [cli, ...argv], { cwd: root, stdio: 'ignore' });
  return (performance.now() - started) / 1000;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function main(): Promise<void> {
  const loadBefore = loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
  timeOnce(['--version']); // fills tsx's transform cache, as any earlier run would have
  const rows = commands.map(({ label, argv }) => {
    const samples = Array.from({ length: RUNS }, () => timeOnce(argv));
    const line = `| ${label} | ${median(samples).toFixed(2)} s | ${Math.min(...samples).toFixed(2)}–${Math.max(...samples).toFixed(2)} s |`;
    console.log(line);
    return line;
  });
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  await writeSection('CLI start-up', [
    `\`npm run bench:cli\` on ${new Date().toISOString().slice(0, 10)}: launch to exit of \`node bin/slipway.js\`, median of ${String(RUNS)} runs after one warm-up (tsx's transform cache warm). Machine: ${cpu}, ${String(cpus().length)} cores, ${String(Math.round(totalmem() / 2 ** 30))} GiB, Node ${process.version}; load average before: ${loadBefore}.`,
    '',
    '| command | median | range |',
    '| ------- | ------ | ----- |',
    ...rows,
  ]);
}

await main();
