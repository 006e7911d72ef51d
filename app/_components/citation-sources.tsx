'use client';

import { createContext, useContext } from 'react';

// BibTeX and RIS of the documents on the page, given once by the page rather than repeated in every card.
export type CitationSources = Record<string, { bibtex: string; ris: string }>;

const SourcesContext = createContext<CitationSources>({});

export function CitationSourcesProvider({ sources, children }: { sources: CitationSources; children: React.ReactNode }) {
  return <SourcesContext.Provider value={sources}>{children}</SourcesContext.Provider>;
}

export function useCitationSources(): CitationSources {
  return useContext(SourcesContext);
}
