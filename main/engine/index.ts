// Engine factory. The Docker provider lands with the cluster-engine issue.
import { SlipwayError } from '../errors.js';
import type { Engine } from './types.js';

export type { Engine } from './types.js';

export function createDefaultEngine(): Promise<Engine> {
  return Promise.reject(new SlipwayError('the cluster engine is not available yet'));
}
