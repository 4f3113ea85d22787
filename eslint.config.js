import js from '@eslint/js';
import globals from 'globals';
import svelte from 'eslint-plugin-svelte';
import tseslint from 'typescript-eslint';
import layers from './eslint/layer-order.js';

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'out', 'release', 'renderer/dist', 'images/**/cache', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...svelte.configs.recommended,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.svelte'],
      },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // Electron must stay at the edge: only main/app may import it (docs/architecture.md).
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Only main/app/ imports electron.' }] },
      ],
    },
  },
  {
    files: ['main/app/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['main/**/*.ts'],
    plugins: { slipway: layers },
    rules: { 'slipway/layer-order': 'error' },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: globals.node },
  },
);
