// Lint for the whole repo, plus the one architectural rule that must never bend:
// the domain (src/shared/domain) is pure and imports no SDK, and nothing shared imports a platform SDK.
import tseslint from 'typescript-eslint';

const sdks = ['@tarojs/*', 'wx-server-sdk', '@cloudbase/*', 'react', 'react-dom'];

export default tseslint.config(
  { ignores: ['dist/**', 'emulator/dist/**', 'node_modules/**', 'coverage/**', '.linli-data/**', 'test-results/**', 'emulator/test/fixtures/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    // The functions talk to the database through typed collections (cloudfunctions/_lib/typed-db.ts): no `any` there.
    files: ['cloudfunctions/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'error' },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: sdks, message: 'src/shared is pure: the domain and the contract import no SDK (see ARCHITECTURE.md).' }] },
      ],
    },
  },
  {
    // The emulator is its own package (emulator/package.json): it runs any app's functions, and imports nothing of Linli's.
    files: ['emulator/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/*', '**/src/shared/**', '**/cloudfunctions/**', '**/scripts/**', '**/seed', '**/seed/**'],
              message: 'The emulator imports nothing of Linli: pass what it needs in from scripts/emulator/linli.ts (see ARCHITECTURE.md).',
            },
          ],
        },
      ],
    },
  },
);
