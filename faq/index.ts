// The FAQ module's one entry point: the server imports from here only.
export type * from './types.js';
export { loadFaqDir, parseFaqFile, FaqFileError } from './loader.js';
export { createFaqMatcher, ANSWER_THRESHOLD } from './matcher.js';
export { decide, decideMessage, DEFAULT_THRESHOLDS, MAX_SUGGESTIONS } from './decide.js';
export type { Decision, Outcome, Thresholds, BotDecisionResult } from './decide.js';
export { isHandoffRequest } from './handoff.js';
// createFrancDetector: the detector's former name (franc is still in it), kept while server/app.ts uses it.
export { createLanguageDetector, createLanguageDetector as createFrancDetector } from './detector/index.js';
