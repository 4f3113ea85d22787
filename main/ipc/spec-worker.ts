// Runs inside a worker thread: validates one spec text and posts the result back. Kept to a
// single call so the worker holds no state between requests.
import { parentPort, workerData } from 'node:worker_threads';
import { validateClusterSpecText } from '../spec/index.js';
import { MAX_REPORTED_PROBLEMS } from './spec-problem-limit.js';

// Copying 100k problems back would itself block main for longer than the check took there.
const result = validateClusterSpecText(String(workerData));
if (result.ok || result.problems.length <= MAX_REPORTED_PROBLEMS) parentPort?.postMessage(result);
else {
  const shown = result.problems.slice(0, MAX_REPORTED_PROBLEMS);
  const more = result.problems.length - shown.length;
  parentPort?.postMessage({
    ok: false,
    problems: [...shown, { path: '', message: `and ${String(more)} more problems` }],
  });
}
