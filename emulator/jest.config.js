// The emulator package's own tests: `npm test` in emulator/ (builds dist/ first — the harness spawns dist/main.js),
// or from the repository root, where Linli's jest config runs this directory as one of its projects.
/** @type {import('jest').Config} */
module.exports = {
  displayName: 'emulator',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  // A test's emulator is a process that starts and stops: 30 s, set per test file so it holds as a project too.
  setupFilesAfterEnv: ['<rootDir>/test/jest-timeout.ts'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' } } }] },
};
