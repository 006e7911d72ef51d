// lib/cite: citations for quotes "quoted in" the documents that carry them, via CSL.
// Styles: Chicago notes (18th ed.), APA 7, MLA 9 from the CSL project (https://citationstyles.org/),
// CC BY-SA 3.0 — see styles/README.md.
export { citeQuote, formatQuoteWithCitation, type CiteInput } from './cite-quote';
export { documentBibtex, documentRis } from './export-formats';
export { citationKey, toCslItem } from './csl-json';
export { citationCacheStats, warmUpCitations } from './document-citations';
