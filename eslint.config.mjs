// Type-aware lint (docs/conventions.md): promise safety, exhaustive switches, type-only imports, no `any`,
// and no deep or relative imports across libs — a lib is used through its index.ts only.
import eslint from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import tseslint from 'typescript-eslint';
import { LAYERS, libElements } from './scripts/lib-layers.mjs';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '**/*.mjs', '**/*.js', '**/*.cjs'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      // Nest resolvers and use cases are often async without awaiting (they return a promise).
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-extraneous-class': 'off',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@simpul/*/*'], message: 'Import a lib through its index: @simpul/<lib>.' },
            {
              group: ['**/libs/*/src/**', '../../libs/**', '../../../libs/**'],
              message: 'Import a lib as @simpul/<lib>.',
            },
          ],
        },
      ],
    },
  },
  // Each lib may use only the libs below it (docs/conventions.md, "Layers and data access"), and
  // only through their index.ts: the graph is scripts/lib-layers.mjs; a unit test proves it bites.
  {
    files: ['libs/**/*.ts', 'apps/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': libElements(),
      'import/resolver': { [`${import.meta.dirname}/scripts/eslint-simpul-resolver.cjs`]: {} },
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          policies: [
            // Inside one element (a lib's own files) anything goes.
            { allow: { dependency: { relationship: { to: 'internal' } } } },
            // npm packages and Node built-ins are not this rule's business.
            { allow: { to: { module: { origin: ['external', 'core'] } } } },
            ...Object.entries(LAYERS).map(([from, allowed]) => ({
              from: { element: { type: from } },
              // …and only through its index.ts (`@simpul/<lib>`), never a file inside it.
              allow: {
                to: {
                  element: {
                    type: allowed.length ? allowed : '(none)',
                    fileInternalPath: 'src/index.ts',
                  },
                },
              },
            })),
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
