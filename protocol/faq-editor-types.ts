// The wire shapes of the console's FAQ editor (server/routes/faq-editor.ts, type-only): a site's
// FAQ entries per language as the bot uses them, each entry's version history, and the bot's
// decision on a test question with every candidate's component scores.
import type { Lang } from './conversation-types.js';
import type { FaqActor } from './faq-types.js';
import type { FaqEntryData, FieldProblem } from './faq-entry-check.js';

export type { FaqEntryData, FaqFileData, FieldProblem } from './faq-entry-check.js';

/**
 * One saved state of one entry. Version 1 is the first edit (version 0 is the entry as the
 * files and the FAQ's additions have it); `entry: null` is a deletion. An undo restores the
 * version before the latest, as a new version.
 */
export interface FaqEntryVersion {
  lang: Lang;
  entryId: string;
  version: number;
  entry: FaqEntryData | null;
  action: 'save' | 'delete' | 'undo' | 'import';
  /** An undo: the version whose content it restored (0: as the files had it). */
  restored?: number;
  by: FaqActor;
  at: number;
}

/** GET …/entries: one entry of the site's language, as the bot uses it. */
export interface FaqEditorListItem {
  id: string;
  question: string;
  /** A starter entry not yet adapted to the shop. */
  draft: boolean;
  /** Changed in the editor (it has versions). */
  edited: boolean;
  /** Deleted in the editor (listed so the deletion can be undone). */
  deleted: boolean;
  /** The version a save must name (0: never edited). */
  version: number;
  /** In the site's FAQ files (else made in the console). */
  inFiles: boolean;
}

/** GET …/entries/:id: the entry (null when deleted) and its history, newest first. */
export interface FaqEditorEntry {
  item: FaqEditorListItem;
  entry: FaqEntryData | null;
  history: FaqEntryVersion[];
}

/** POST …/import: what changed. */
export interface FaqImportResult {
  saved: string[];
  deleted: string[];
  unchanged: number;
}

/** One candidate of a test question, with the scores its confidence was made of. */
export interface FaqTestCandidate {
  faqId: string;
  question?: string;
  confidence: number;
  via: 'keyword' | 'fuzzy';
  scores: Record<string, number>;
}

/** POST …/test: the bot's decision on a question, on the current FAQ, as a visitor would get it. */
export interface FaqTestResult {
  lang: Lang;
  langConfidence: number;
  /** The language was detected (no `lang` was given). */
  detected: boolean;
  /** The FAQ language answered from (the site's default when `lang` has no FAQ). */
  faqLang: Lang;
  outcome: 'answer' | 'suggest' | 'handoff' | 'fallback' | 'smalltalk';
  confidence: number;
  faqId: string | null;
  answer?: string;
  suggestions?: { faqId: string; question: string }[];
  candidates: FaqTestCandidate[];
}

/** An HTTP error of the editor: the usual `{ code, message }`, and each field's problem when a body was refused. */
export interface FaqEditorError {
  code: string;
  message: string;
  fields?: FieldProblem[];
}
