import assert from 'node:assert/strict';
import { test } from 'node:test';

import { OTHER_TERMS, SearchTerms } from './search-terms.ts';

const at = new Date('2026-11-29T10:00:00Z');
const key = (term: string) => ({ scope: 'catalog' as const, dataset: '', term, found: true });

test('a term is written once seen three times in the day, rare ones as (other) at its end', () => {
  const terms = new SearchTerms(3);
  terms.see(at, key('pizza'));
  terms.see(at, key('pizza'));
  terms.see(at, key('jean dupont'));
  assert.deepEqual(terms.take({ endOfDay: false }), []);
  terms.see(at, key('pizza'));
  assert.deepEqual(
    terms.take({ endOfDay: false }).map((t) => [t.term, t.count]),
    [['pizza', 3]],
  );
  terms.see(at, key('pizza'));
  terms.see(at, key('jean dupont'));
  assert.deepEqual(
    terms.take({ endOfDay: true }).map((t) => [t.term, t.count]),
    [
      ['pizza', 1],
      [OTHER_TERMS, 2],
    ],
  );
});

test('a new day starts a new tally; memory is bounded', () => {
  const terms = new SearchTerms(2, 1);
  terms.see(at, key('a'));
  terms.see(at, key('b')); // past the bound: folded at once
  terms.see(new Date('2026-11-30T01:00:00Z'), key('a'));
  const written = terms.take({ endOfDay: false });
  assert.deepEqual(
    written.map((t) => [t.day, t.term, t.count]),
    [['2026-11-29', OTHER_TERMS, 2]],
  );
});
