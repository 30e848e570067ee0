import { resolve } from 'node:path';

/**
 * The content-check stand-in's words (security.msgSecCheck), shipped with the package: emulator/content-rules.json,
 * one folder up from both src/ (tests) and dist/ (the build).
 */
export const DEFAULT_CONTENT_RULES = resolve(__dirname, '../content-rules.json');
