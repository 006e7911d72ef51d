import { describe, expect, it } from 'vitest';
import { compareHref, parseComparePage, parseReaderQuote, parseSearchPage, quoteContextHref, searchHref, PAGE_SIZE } from './page-params';

describe('parseSearchPage', () => {
  it('shows the introduction without a query', () => {
    expect(parseSearchPage({})).toMatchObject({ params: null, error: null, state: { q: '', kind: 'quotes' } });
    expect(parseSearchPage({ q: '   ' }).params).toBeNull();
  });
  it('searches quotes only by default, PAGE_SIZE at a time, with the filters given', () => {
    const r = parseSearchPage({ q: 'sanctions', speaker: ['a-b', 'c'], document: 'doc-1' });
    expect(r.error).toBeNull();
    expect(r.params).toMatchObject({ q: 'sanctions', speakers: ['a-b', 'c'], documents: ['doc-1'], kind: 'quotes', limit: PAGE_SIZE });
  });
  it('treats an empty document choice as none', () => {
    expect(parseSearchPage({ q: 'x', document: '' }).params?.documents).toBeUndefined();
  });
  it('reports invalid parameters instead of throwing', () => {
    expect(parseSearchPage({ q: 'x', kind: 'everything' }).error).toMatch(/kind/);
    expect(parseSearchPage({ q: 'x', speaker: 'Not An Id' }).error).toMatch(/speaker/);
    expect(parseSearchPage({ q: 'x'.repeat(600) }).error).toMatch(/600 characters long; the limit is 500 characters/);
    expect(parseSearchPage({ q: 'x', limit: 'many' }).error).toMatch(/limit/);
  });
  it('round-trips through searchHref', () => {
    const href = searchHref({ q: 'a b', speakers: ['x'], kind: 'all', limit: 40 });
    const params = Object.fromEntries([...new URL(href, 'http://h').searchParams.entries()].map(([k, v]) => [k, v]));
    expect(parseSearchPage(params).state).toMatchObject({ q: 'a b', speakers: ['x'], kind: 'all', limit: 40 });
    expect(searchHref({ q: 'q' })).toBe('/?q=q');
  });
});

describe('parseComparePage', () => {
  it('accepts comma-separated and repeated speaker ids', () => {
    expect(parseComparePage({ q: 'x', speakers: 'a,b' }).state.speakers).toEqual(['a', 'b']);
    expect(parseComparePage({ q: 'x', speakers: ['a', 'b', 'a'] }).state.speakers).toEqual(['a', 'b']);
  });
  it('reads the matrix view and the user’s themes', () => {
    const r = parseComparePage({ view: 'matrix', theme: ['  trade  ', 'trade', 'energy'] });
    expect(r.state).toMatchObject({ view: 'matrix', themes: ['trade', 'energy'] });
  });
  it('says what is wrong with a bad link', () => {
    expect(parseComparePage({ speakers: 'ok,<script>' }).error).toMatch(/not a speaker id/);
    expect(parseComparePage({ theme: 'x'.repeat(200) }).error).toMatch(/longer/);
  });
  it('builds links back', () => {
    expect(compareHref({ q: 'a', speakers: ['x', 'y'] })).toBe('/compare?q=a&speakers=x%2Cy');
    expect(compareHref({})).toBe('/compare');
  });
});

describe('reader links', () => {
  it('highlights by query and scrolls by fragment', () => {
    expect(quoteContextHref('doc-1', 'q-1')).toBe('/documents/doc-1?quote=q-1#q-1');
    expect(parseReaderQuote({ quote: 'q-1' })).toEqual({ quoteId: 'q-1', invalid: false });
    expect(parseReaderQuote({ quote: '"><x' })).toEqual({ quoteId: null, invalid: true });
    expect(parseReaderQuote({})).toEqual({ quoteId: null, invalid: false });
  });
});
