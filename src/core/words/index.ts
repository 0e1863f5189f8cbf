// The one word matcher of every rule's word lists (spec v2.1, "Words as people write them"): see README.md beside this.
export { clauses } from './clauses.js';
export { LANGUAGES, fold, isNumber, reduce, tokenise, type Language, type Stemming } from './stem.js';
export { WordList, type WordMatch, type WordSource } from './word-list.js';
