// `npm run bench:cli`: how long a `slipway` command takes from launch to exit, for verbs a
// developer types many times a day. Start-up dominates them (Node, then the modules a verb
// needs), so this is what the compiled CLI and its lazily loaded verbs are for. Builds first
// (npm run build), then writes the "CLI start-up" section of BENCHMARKS.md. `list` needs a
// reachable Docker daemon.
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { bundleCli } from '../scripts/build.js';
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

/**
 * A checkout to compare with, timed in the same run (its own bin/slipway.js, this checkout's
 * files as input): e.g. `git worktree add /tmp/before <commit>` with node_modules linked in.
 */
const baseline = process.env.BENCH_BASELINE_DIR;

/** Wall-clock seconds of one run; a failing command fails the benchmark. */
function timeOnce(entry: string, argv: readonly string[]): number {
  const started = performance.now();
  execFileSync(process.execPath, [entry, ...argv], { cwd: root, stdio: 'ignore' });
  return (performance.now() - started) / 1000;
}

/** Node starting and exiting with nothing to run: the floor under every row. */
function nodeAlone(): string {
  const samples = Array.from({ length: RUNS }, () => {
    const started = performance.now();
    execFileSync(process.execPath, ['-e', ''], { stdio: 'ignore' });
    return (performance.now() - started) / 1000;
  });
  return `${median(samples).toFixed(2)} s (${Math.min(...samples).toFixed(2)}–${Math.max(...samples).toFixed(2)})`;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** "median (min–max)" of RUNS runs, alternating with the baseline so load hits both alike. */
function measure(argv: readonly string[]): { now: string; before?: string } {
  const now: number[] = [];
  const before: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    now.push(timeOnce(cli, argv));
    if (baseline) before.push(timeOnce(join(baseline, 'bin', 'slipway.js'), argv));
  }
  const format = (samples: number[]) =>
    `${median(samples).toFixed(2)} s (${Math.min(...samples).toFixed(2)}–${Math.max(...samples).toFixed(2)})`;
  return { now: format(now), ...(baseline && { before: format(before) }) };
}

async function main(): Promise<void> {
  const loadBefore = loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
  await bundleCli();
  timeOnce(cli, ['--version']); // warms the file cache (and a baseline's transform cache)
  if (baseline) timeOnce(join(baseline, 'bin', 'slipway.js'), ['--version']);
  const rows = commands.map(({ label, argv }) => {
    const { now, before } = measure(argv);
    const line = baseline ? `| ${label} | ${before ?? ''} | ${now} |` : `| ${label} | ${now} |`;
    console.log(line);
    return line;
  });
  const floor = `| \`node -e ''\` (Node alone, the floor) |${baseline ? ' |' : ''} ${nodeAlone()} |`;
  console.log(floor);
  rows.push(floor);
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const against = baseline
    ? ` "Before" is the checkout in BENCH_BASELINE_DIR (${process.env.BENCH_BASELINE_LABEL ?? baseline}), timed in the same run, alternating.`
    : '';
  await writeSection('CLI start-up', [
    `\`npm run bench:cli\` on ${new Date().toISOString().slice(0, 10)}: launch to exit of \`node bin/slipway.js\` (the compiled CLI, \`npm run build\`), median and range of ${String(RUNS)} runs after one warm-up.${against} Machine: ${cpu}, ${String(cpus().length)} cores, ${String(Math.round(totalmem() / 2 ** 30))} GiB, Node ${process.version}; load average before: ${loadBefore}.`,
    '',
    ...(baseline
      ? ['| command | before | now |', '| ------- | ------ | --- |']
      : ['| command | median (range) |', '| ------- | -------------- |']),
    ...rows,
  ]);
}

await main();
