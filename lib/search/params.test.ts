import { describe, expect, it } from 'vitest';
import { QUERY_CASES } from '../../e2e/helpers/hostile-inputs';
import { parseSearchParams, parseSearchQuery } from './params';
import { MAX_LIMIT, MAX_QUERY_LENGTH } from './search';

// The same hostile inputs the browser suite sends to /api/search (e2e/security-inputs.spec.ts),
// checked here at the validation layer the API and the CLI share.
describe('parseSearchQuery on hostile input', () => {
  // these are refused by the API only after validation: the id is well formed but not in the index
  const refusedLater = new Set(['unknown speaker id']);
  for (const c of QUERY_CASES) {
    it(`${c.name}: ${c.api === 200 || refusedLater.has(c.name) ? 'accepted' : 'refused with a message'}`, () => {
      const r = parseSearchQuery(new URLSearchParams(c.query));
      if (c.api === 200 || refusedLater.has(c.name)) {
        expect(r.ok, r.ok ? '' : r.error).toBe(true);
        if (r.ok) {
          expect(r.value.q.length).toBeGreaterThan(0);
          expect([...r.value.q].length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
          expect(r.value.limit).toBeGreaterThanOrEqual(1);
          expect(r.value.limit).toBeLessThanOrEqual(MAX_LIMIT);
          // eslint-disable-next-line no-control-regex
          expect(r.value.q).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
        }
      } else {
        expect(r.ok).toBe(false);
        if (!r.ok) {
          expect(r.error.length).toBeGreaterThan(5);
          expect(r.error.length).toBeLessThan(200);
        }
      }
    });
  }
});

describe('query cleaning', () => {
  it('turns control characters (C0, DEL, C1) into spaces and drops bidi overrides and isolates', () => {
    const r = parseSearchParams({ q: 'china\u0000sanctions\u0085x \u202Eevil\u202C \u2067iso\u2069' });
    expect(r).toEqual(expect.objectContaining({ ok: true }));
    if (r.ok) expect(r.value.q).toBe('china sanctions x evil iso');
  });

  it('keeps right-to-left text and its marks', () => {
    const r = parseSearchParams({ q: 'العقوبات\u200F على الصين' });
    expect(r.ok && r.value.q).toBe('العقوبات\u200F على الصين');
  });

  it('counts the length limit in characters, not UTF-16 units', () => {
    expect(parseSearchParams({ q: '😀'.repeat(MAX_QUERY_LENGTH) }).ok).toBe(true);
    const over = parseSearchParams({ q: '😀'.repeat(MAX_QUERY_LENGTH + 1) });
    expect(over.ok).toBe(false);
    if (!over.ok) expect(over.error).toBe(`the query is ${MAX_QUERY_LENGTH + 1} characters long; the limit is ${MAX_QUERY_LENGTH} characters, so shorten it`);
  });

  it('refuses a query that is empty once cleaned', () => {
    for (const q of ['', '   ', '\u0000\u0001', '\u202E\u202C', '\t\n']) expect(parseSearchParams({ q }).ok, JSON.stringify(q)).toBe(false);
  });

  it('caps a huge limit at the maximum and refuses a malformed one', () => {
    const r = parseSearchParams({ q: 'x', limit: '999999999' });
    expect(r.ok && r.value.limit).toBe(MAX_LIMIT);
    // one rule for every size: anything above the cap is capped, however many digits (DESIGN.md: capped at 100)
    for (const limit of ['101', '99999', '99999999999999999999'])
      expect(parseSearchParams({ q: 'x', limit }), limit).toMatchObject({ ok: true, value: { limit: MAX_LIMIT } });
    for (const limit of ['-1', '0', '1e3', '0x10', '1.5', 'NaN', '', ' 5']) expect(parseSearchParams({ q: 'x', limit }).ok, limit).toBe(false);
  });
});
