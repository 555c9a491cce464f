// Curated by hand for policylint (no external source): small tables that no
// word list derives, kept short on purpose because every entry can fire.

/**
 * Words written two ways in the same variety, neither wrong ("adviser" and
 * "advisor"). Each group lists the forms of one word; inflected forms follow
 * the same order, so a group of groups reads "base forms | plural forms".
 */
export const LEXICAL_VARIANTS: readonly (readonly (readonly string[])[])[] = [
  [['adviser', 'advisor'], ['advisers', 'advisors']],
  [['toward', 'towards']],
  [['afterward', 'afterwards']],
  [['gray', 'grey'], ['grays', 'greys'], ['grayer', 'greyer']],
  [['percent', 'per cent']],
];

/**
 * Place and organisation names with more than one romanisation in use, first
 * form first. Only spellings of one name: renamings ("Turkey"/"Türkiye",
 * "Burma"/"Myanmar") are aliases a writer may choose on purpose.
 */
export const TRANSLITERATIONS: readonly (readonly string[])[] = [
  ['Kyiv', 'Kiev'],
  ['Kharkiv', 'Kharkov'],
  ['Odesa', 'Odessa'],
  ['Luhansk', 'Lugansk'],
  ['Mykolaiv', 'Mykolayiv', 'Nikolaev', 'Nikolayev'],
  ['Zaporizhzhia', 'Zaporizhia', 'Zaporozhye'],
  ['Chornobyl', 'Chernobyl'],
  ['Lviv', 'Lvov'],
  ['Qaddafi', 'Gaddafi', 'Qadhafi', 'Kadhafi', 'Gadhafi'],
  ['Qaeda', 'Qaida'],
  ['Hezbollah', 'Hizballah', 'Hizbollah', 'Hizbullah'],
  ['Houthi', 'Huthi'],
  ['Houthis', 'Huthis'],
  ['Usama', 'Osama'],
  ['Tehran', 'Teheran'],
];
