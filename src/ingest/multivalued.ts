// The conservative heuristic that tells a column of lists (`Restaurant,Traiteur`) from text.

/**
 * The separator of a column whose values look like lists, or undefined. A separator
 * (`|`, or `,` when the file's delimiter is not `,`) is chosen when:
 * - at least two sample values contain it;
 * - every item of every value, once trimmed, is at most 100 characters and not a bare
 *   number (`12,5` is a decimal comma, `44.5, 0.6` a point, `1,234` a thousand); empty
 *   items are ignored (real exports have `Commerce alimentaire|`);
 * - items repeat: there are at most half as many distinct items as item occurrences,
 *   as in a column of categories (free text and addresses rarely repeat their parts).
 */
export function detectListSeparator(
  values: readonly string[],
  delimiter: string,
): string | undefined {
  const candidates = delimiter === ',' ? ['|'] : ['|', ','];
  return candidates.find((separator) => looksLikeLists(values, separator));
}

function isNumberLike(item: string): boolean {
  for (let i = 0; i < item.length; i++) {
    const code = item.charCodeAt(i);
    if (!((code >= 48 && code <= 57) || code === 46 || code === 45 || code === 43 || code === 32)) {
      return false;
    }
  }
  return true;
}

function looksLikeLists(values: readonly string[], separator: string): boolean {
  let listed = 0;
  for (const value of values) if (value.includes(separator) && ++listed === 2) break;
  if (listed < 2) return false;
  listed = 0;
  let occurrences = 0;
  const distinct = new Set<string>();
  const count = (item: string, listItem: boolean): boolean => {
    if (item === '') return true;
    if (item.length > 100 || (listItem && isNumberLike(item))) return false;
    occurrences++;
    distinct.add(item);
    return true;
  };
  for (const value of values) {
    if (value === '') continue;
    if (!value.includes(separator)) {
      if (!count(value.trim(), false)) return false;
      continue;
    }
    listed++;
    for (const item of value.split(separator)) if (!count(item.trim(), true)) return false;
  }
  return listed >= 2 && distinct.size * 2 <= occurrences;
}
