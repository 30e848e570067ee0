// One runner for every layer; each project is a layer of the architecture.
const transform = {
  '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } } } }],
};
const base = { transform, testEnvironment: 'node', moduleNameMapper: { '^@/(.*)$': '<rootDir>/src/$1' } };

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 30_000,
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    { ...base, displayName: 'emulator', testMatch: ['<rootDir>/test/emulator/**/*.test.ts'] },
    { ...base, displayName: 'functions', testMatch: ['<rootDir>/test/functions/**/*.test.ts'] },
    { ...base, displayName: 'weapp', testEnvironment: 'jsdom', testMatch: ['<rootDir>/test/weapp/**/*.test.ts'] },
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'] },
  ],
};
