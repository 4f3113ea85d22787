// Types of eslint/layer-order.js for the tests that import it.
import type { ESLint } from 'eslint';

export const LAYERS: string[][];
export function unitOf(mainRoot: string, path: string): string | undefined;
export function layerViolation(mainRoot: string, file: string, specifier: string): string | undefined;
declare const plugin: ESLint.Plugin;
export default plugin;
