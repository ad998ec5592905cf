// Technical field names derived from column labels, the way Opendatasoft derives them.

/** Letters that Unicode decomposition does not reduce to ASCII. */
const SPECIAL_LETTERS: Record<string, string> = {
  œ: 'oe',
  æ: 'ae',
  ß: 'ss',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
};

/**
 * `Libellé de l'œuvre` → `libelle_de_l_oeuvre`: lowercase, accents folded, every other
 * character to `_`, runs of `_` collapsed, leading and trailing `_` trimmed.
 * Returns '' when nothing is left (the caller then numbers the field).
 */
export function fieldNameFromLabel(label: string): string {
  const folded = label
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[œæßøđðłþı]/g, (letter) => SPECIAL_LETTERS[letter] ?? '_');
  return folded.replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
}

/** One unique name per label: empty ones become `field_<n>`, repeats get `_2`, `_3`… */
export function fieldNamesFromLabels(labels: readonly string[]): string[] {
  const used = new Set<string>();
  return labels.map((label, index) => {
    const base = fieldNameFromLabel(label) || `field_${index + 1}`;
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}_${n}`;
    used.add(name);
    return name;
  });
}
