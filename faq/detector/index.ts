export { createFrancDetector as createLanguageDetector } from '../franc-detector.js';
