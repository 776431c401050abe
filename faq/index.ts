// The FAQ module's one entry point: the server imports from here only.
export type * from './types.js';
export { loadFaqDir, loadSiteVocabulary, parseFaqFile, parseSiteVocabulary, FaqFileError, SITE_VOCABULARY_FILE } from './loader.js';
export type { LangVocabulary } from './vocabulary/types.js';
export { createFaqMatcher, ANSWER_THRESHOLD } from './matcher.js';
export { decide, decideMessage, DEFAULT_CLOSE, DEFAULT_CLOSE_RICH, DEFAULT_THRESHOLDS, MAX_SUGGESTIONS, THIN_PHRASINGS } from './decide.js';
export type { Decision, Outcome, Thresholds, BotDecisionResult } from './decide.js';
export { isHandoffRequest } from './handoff.js';
export { createLanguageDetector } from './detector/index.js';
export { findSmallTalk, isSmallTalk, smallTalkLanguage, smallTalkReply, SMALL_TALK_LANGS } from './small-talk.js';
export type { SmallTalk, SmallTalkKind } from './small-talk.js';
export { createTopicReader, readTopic } from './topic.js';
export type { TopicReader, TopicReading } from './topic.js';
export { loadTopicRules, parseTopicRules } from './topic-rules.js';
export type { TopicRules } from './topic-rules.js';
export { releaseBuildMemos } from './build-memo.js';
