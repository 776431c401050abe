// The language detector behind the LanguageDetector seam (faq/types.ts).
export { createLanguageDetector, DEFAULT_WEIGHTS, type DetectorWeights } from './language-detector.js';
