// One runner for every layer; each project is a layer of the architecture.
const transform = {
  '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } } } }],
};
const base = { transform, testEnvironment: 'node', moduleNameMapper: { '^@/(.*)$': '<rootDir>/src/$1' } };

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 30_000,
  // Two workers on CI's two cores (jest's default is one fewer than the cores): most of a suite's time is spent
  // waiting on its own emulator and browser, and each suite starts both on free ports and fresh data dirs, so two run
  // side by side safely — the whole suite in ~10 min instead of ~16 (measured on this 2-core machine, 2026-12-05).
  maxWorkers: 2,
  // One directory per run where the emulators keep their function instances' module resolutions and compiled code
  // (emulator/src/module-cache.ts): each cold instance then loads the SDK in ~3/4 of the CPU.
  globalSetup: '<rootDir>/test/helpers/global-setup.js',
  globalTeardown: '<rootDir>/test/helpers/global-teardown.js',
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    // The emulator package's own tests, with the package's own config (emulator/jest.config.js), run from here so
    // one `npm test` runs everything.
    '<rootDir>/emulator',
    { ...base, displayName: 'functions', testMatch: ['<rootDir>/test/functions/**/*.test.ts'] },
    { ...base, displayName: 'weapp', testEnvironment: 'jsdom', testMatch: ['<rootDir>/test/weapp/**/*.test.ts'] },
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'] },
  ],
};
