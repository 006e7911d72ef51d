// lib/cite: citations for quotes "quoted in" the documents that carry them, via CSL.
// Styles: Chicago notes (18th ed.), APA 7, MLA 9 from the CSL project (https://citationstyles.org/),
// CC BY-SA 3.0 — see styles/README.md.
export { citeCitable, citeQuote, formatQuoteWithCitation, quotedIn, toCitation, type CiteInput } from './cite-quote';
export {
  citableFromRecord,
  type CitableQuote,
  type CitableSpeaker,
  type CiteDateLabel,
  type StyledCitation,
  type StyledCitations,
  type StyleId,
} from './citable';
export { clipboardText, joinCitation, splitCitation } from './clipboard';
export { documentBibtex, documentRis, quoteBibtex, quoteKey, quoteRis } from './export-formats';
export { bibtexWithQuote, quoteNote, quoteText, risWithQuote } from './quote-records';
export { citationKey, toCslItem } from './csl-json';
export { citableFromLegacy, citationCacheStats, warmUpCitations } from './document-citations';
export { speakerForms } from './speaker';
