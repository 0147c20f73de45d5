import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules/', 'web/dist/', 'src/adapters/db/migrations/', '.openabm/', 'bench/.data/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Config is parsed once in src/apps/config.ts; nothing else reads the environment.
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through loadConfig() in src/apps/config.ts.' }],
    },
  },
  {
    files: ['src/apps/config.ts', 'bin/**', 'scripts/**', 'bench/**', 'e2e/**', 'vitest.config.ts', 'drizzle.config.ts', 'src/test/**', '**/*.test.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['src/domain/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/adapters/**', '**/apps/**', '**/usecases/**', 'node:*', 'fs', 'pg', 'drizzle-orm*', 'fastify*'], message: 'domain/ is pure: no I/O and nothing from the layers above.' }] }],
    },
  },
  {
    files: ['web/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/src/adapters/**', '**/src/usecases/**', '**/src/apps/**', '**/src/ports/**'], message: 'web/ imports contracts only.' }] }],
    },
  },
);
