import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));
const { describeIndexProblem, withoutServerPaths } = await import('./load-index');
const { IndexMissingError } = await import('../db/open');

describe('index problems as pages show them', () => {
  it('never shows an absolute server path', () => {
    expect(withoutServerPaths(`No index at ${path.join(process.cwd(), 'data', 'corpus.db')}.`)).toBe('No index at data/corpus.db.');
    expect(withoutServerPaths('/srv/private/idx/corpus.db is not an index built by this tool')).toBe('corpus.db is not an index built by this tool');
  });
  it('tells a missing index from a broken one, and leaves other errors alone', () => {
    expect(describeIndexProblem(new IndexMissingError('/srv/x/corpus.db'))).toMatchObject({ kind: 'missing' });
    expect(describeIndexProblem(new IndexMissingError('/srv/x/corpus.db'))?.message).not.toContain('/srv');
    expect(describeIndexProblem(new Error('/a/b.db has index schema 1, this version needs 2; rebuild it with npm run ingest'))).toMatchObject({
      kind: 'broken',
      message: 'b.db has index schema 1, this version needs 2; rebuild it with npm run ingest',
    });
    expect(describeIndexProblem(new Error('something else'))).toBeNull();
  });
});
