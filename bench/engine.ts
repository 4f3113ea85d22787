// `npm run bench:engine`: create times to "CoreDNS answers" (1 node, 1+2, 1+5), the raw
// `kubeadm init` floor on the same image, stop→start to Ready, and idle CPU/memory of a 3-node
// cluster. Writes the "Engine" section of BENCHMARKS.md. Run it on an otherwise idle machine.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { createDefaultEngine } from '../main/engine/index.js';
import { writeSection } from './benchmarks-file.js';
import { idleUsage, kubeadmFloor, specOf, timed, timedCreate, type TimedCreate } from './engine-measure.js';

const SETTLE_S = 60;
const SAMPLE_S = 30;

function machine(): string {
  const dockerVersion = execFileSync('docker', ['version', '--format', '{{.Server.Version}}']).toString().trim();
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `${cpu}, ${String(cpus().length)} cores, ${String(Math.round(totalmem() / 2 ** 30))} GiB, kernel ${release()}, Docker ${dockerVersion}, Node ${process.version}`;
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const s = (seconds: number) => `${seconds.toFixed(1)} s`;

function breakdown(run: TimedCreate): string {
  return Object.entries(run.steps)
    .map(([step, seconds]) => `${step} ${seconds.toFixed(1)}`)
    .join(', ');
}

async function main(): Promise<void> {
  process.env.KUBECONFIG = join(mkdtempSync(join(tmpdir(), 'slipway-bench-')), 'kubeconfig');
  const engine = await createDefaultEngine();
  const loadBefore = load();
  const stamp = Date.now().toString(36).slice(-4);
  console.log(`machine: ${machine()}\nload before: ${loadBefore}`);

  const floor = await kubeadmFloor(`bench-floor-${stamp}`);
  console.log(`kubeadm init floor: ${s(floor)}`);
  const one = await timedCreate(engine, specOf(`bench-1-${stamp}`, 1, 0));
  console.log(`1 node: ${s(one.seconds)} (${breakdown(one)})`);
  await engine.deleteCluster(`bench-1-${stamp}`);

  const threeName = `bench-3-${stamp}`;
  const three = await timedCreate(engine, specOf(threeName, 1, 2));
  console.log(`1+2: ${s(three.seconds)} (${breakdown(three)})`);
  await new Promise((resolve) => setTimeout(resolve, SETTLE_S * 1000));
  const idle = await idleUsage(threeName, SAMPLE_S);
  console.log(`idle 1+2: ${idle.memoryGiB.toFixed(2)} GiB, ${idle.cpuPercent.toFixed(0)} % of a core`);
  const stop = await timed(() => engine.stopCluster(threeName));
  const start = await timed(() => engine.startCluster(threeName));
  console.log(`stop ${s(stop)}, start to Ready ${s(start)}`);
  await engine.deleteCluster(threeName);

  const six = await timedCreate(engine, specOf(`bench-6-${stamp}`, 1, 5));
  console.log(`1+5: ${s(six.seconds)} (${breakdown(six)})`);
  await engine.deleteCluster(`bench-6-${stamp}`);

  const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');
  const rows = [
    `| create 1 node → CoreDNS answers | ${s(one.seconds)} | ≤ 25 s and ≤ 1.15 × floor (${s(floor * 1.15)}) | ${verdict(one.seconds <= 25 && one.seconds <= floor * 1.15)} |`,
    `| raw \`kubeadm init\` floor (same image) | ${s(floor)} | — | — |`,
    `| create 1+2 | ${s(three.seconds)} | ≤ 1.3 × 1 node (${s(one.seconds * 1.3)}) | ${verdict(three.seconds <= one.seconds * 1.3)} |`,
    `| create 1+5 | ${s(six.seconds)} | ≤ 1.6 × 1 node (${s(one.seconds * 1.6)}) | ${verdict(six.seconds <= one.seconds * 1.6)} |`,
    `| stop (1+2) | ${s(stop)} | — | — |`,
    `| start → Ready + CoreDNS (1+2) | ${s(start)} | ≤ 20 s | ${verdict(start <= 20)} |`,
    `| idle memory, 1+2 (docker stats, ${String(SETTLE_S)} s after create) | ${idle.memoryGiB.toFixed(2)} GiB | ≤ 1.5 GiB | ${verdict(idle.memoryGiB <= 1.5)} |`,
    `| idle CPU, 1+2 (${String(SAMPLE_S)} s average) | ${idle.cpuPercent.toFixed(0)} % of one core | — | — |`,
  ];
  const section = [
    '`npm run bench:engine` (`bench/engine.ts`): real clusters from the hermetic node image',
    `(\`localhost/slipway/node:v1.34.4\`), one run each. Machine: ${machine()}.`,
    `Date: ${new Date().toISOString().slice(0, 10)}. Load average before: ${loadBefore}; after: ${load()}.`,
    '',
    '| measure | result | target | |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
    'Step breakdown (seconds):',
    '',
    `- 1 node: ${breakdown(one)}`,
    `- 1+2: ${breakdown(three)}`,
    `- 1+5: ${breakdown(six)}`,
  ];
  await writeSection('Engine', section);
  console.log(section.join('\n'));
}

await main();
