// `npm run bench:export`: how long exportSpec takes per target on the example specs, so the
// desktop app can re-render a preview on every edit (budget: 20 ms per target).
import { cpus, totalmem } from 'node:os';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXPORT_TARGETS, exportSpec, loadSiteInputs, type ExportTarget } from '../main/export/index.js';
import { loadClusterSpec, type ClusterSpec } from '../main/spec/index.js';

const BUDGET_MS = 20;
const WARMUP = 50;
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 500);
const root = join(import.meta.dirname, '..');

interface Row {
  target: ExportTarget;
  example: string;
  meanMs: number;
  p95Ms: number;
  maxMs: number;
}

function measure(spec: ClusterSpec, target: ExportTarget, site: ReturnType<typeof loadSiteInputs>): number[] {
  for (let index = 0; index < WARMUP; index++) exportSpec(spec, target, { site });
  const samples: number[] = [];
  for (let index = 0; index < ITERATIONS; index++) {
    const start = performance.now();
    exportSpec(spec, target, { site });
    samples.push(performance.now() - start);
  }
  return samples.sort((a, b) => a - b);
}

function row(target: ExportTarget, example: string, samples: number[]): Row {
  const mean = samples.reduce((sum, value) => sum + value, 0) / samples.length;
  return {
    target,
    example,
    meanMs: mean,
    p95Ms: samples[Math.floor(samples.length * 0.95)] ?? 0,
    maxMs: samples.at(-1) ?? 0,
  };
}

function main(): number {
  const site = loadSiteInputs({ text: readFileSync(join(root, 'docs', 'export-site.yaml'), 'utf8') });
  const examples = readdirSync(join(root, 'examples'))
    .filter((file) => file.endsWith('.yaml'))
    .sort();
  const rows = EXPORT_TARGETS.flatMap((target) =>
    examples.map((example) =>
      row(
        target,
        example,
        measure(loadClusterSpec(readFileSync(join(root, 'examples', example), 'utf8')), target, site),
      ),
    ),
  );
  console.log(`exportSpec, ${String(ITERATIONS)} iterations after ${String(WARMUP)} warm-up runs`);
  console.log(
    `machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${String(cpus().length)} cores, ${String(Math.round(totalmem() / 2 ** 30))} GiB; Node ${process.version}; ${new Date().toISOString().slice(0, 10)}`,
  );
  console.table(
    rows.map((entry) => ({
      target: entry.target,
      example: entry.example,
      'mean ms': entry.meanMs.toFixed(3),
      'p95 ms': entry.p95Ms.toFixed(3),
      'max ms': entry.maxMs.toFixed(3),
    })),
  );
  const over = rows.filter((entry) => entry.p95Ms > BUDGET_MS);
  if (over.length > 0) {
    console.error(
      `over the ${String(BUDGET_MS)} ms budget (p95): ${over.map((entry) => `${entry.target}/${entry.example}`).join(', ')}`,
    );
    return 1;
  }
  console.log(`every target within ${String(BUDGET_MS)} ms (p95)`);
  return 0;
}

process.exitCode = main();
