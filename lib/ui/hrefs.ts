// Links that client components build too: no server imports here.

/** A link to a quote in its document: highlighted by the server (?quote=) and scrolled to by the browser (#id). */
export function quoteContextHref(documentId: string, quoteId: string): string {
  return `/documents/${encodeURIComponent(documentId)}?quote=${encodeURIComponent(quoteId)}#${encodeURIComponent(quoteId)}`;
}
