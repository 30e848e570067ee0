// Lint for the whole repo, plus the one architectural rule that must never bend:
// the domain (src/shared/domain) is pure and imports no SDK, and nothing shared imports a platform SDK.
import tseslint from 'typescript-eslint';

const sdks = ['@tarojs/*', 'wx-server-sdk', '@cloudbase/*', 'react', 'react-dom'];

/** What of Linli's the emulator package (its src and its tests) must not import, whatever the path. */
const linli = {
  group: ['@/*', '**/src/shared/**', '**/cloudfunctions/**', '**/scripts/**', '**/seed', '**/seed/**', '**/test/helpers/**'],
  message: 'The emulator imports nothing of Linli: pass what it needs in from scripts/emulator/linli.ts (see ARCHITECTURE.md).',
};

/**
 * A relative import that climbs out of emulator/: from a file `depth` folders below emulator/ (src/x.ts: 1,
 * test/db/x.ts: 2), `depth + 1` steps up leave the package.
 */
const emulatorFiles = (depth) => ['src', 'test'].map((top) => `emulator/${top}/${'*/'.repeat(depth - 1)}*.ts`);
const outOfEmulator = (depth) => ({
  regex: `^(\\.\\./){${depth + 1}}`,
  message: 'The emulator package stands on its own: its sources and tests import only from inside emulator/ (its test harness is src/testing.ts).',
});

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
    // The emulator is its own package (emulator/package.json): it runs any app's functions, and neither it nor its
    // tests import anything of Linli's. The blocks by depth below add: no relative import leaves emulator/.
    files: ['emulator/src/**/*.ts', 'emulator/test/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [linli] }] },
  },
  ...[1, 2, 3, 4].map((depth) => ({
    files: emulatorFiles(depth),
    rules: { 'no-restricted-imports': ['error', { patterns: [linli, outOfEmulator(depth)] }] },
  })),
);
