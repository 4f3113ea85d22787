// Runs inside a worker thread: validates one spec text and posts the result back. Kept to a
// single call so the worker holds no state between requests.
import { parentPort, workerData } from 'node:worker_threads';
import { validateClusterSpecText } from '../spec/index.js';

parentPort?.postMessage(validateClusterSpecText(String(workerData)));
