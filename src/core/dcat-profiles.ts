// The national DCAT-AP profiles a portal may serve beside DCAT-AP itself (ODS's `dcat_ap_*`
// catalog exports), and what an administrator must give for each: the identifiers and codes
// the national harvester requires and Datagora's own metadata cannot supply. A profile is
// served once activated with valid values.

export const DCAT_PROFILE_IDS = [
  'dcat_ap_ch',
  'dcat_ap_de',
  'dcat_ap_se',
  'dcat_ap_sp',
  'dcat_ap_it',
  'dcat_ap_vl',
  'dcat_ap_benap',
] as const;

export type DcatProfileId = (typeof DCAT_PROFILE_IDS)[number];

export function isDcatProfileId(value: string): value is DcatProfileId {
  return (DCAT_PROFILE_IDS as readonly string[]).includes(value);
}

/** One value a profile needs: free text checked by a pattern, or one of fixed choices. */
export interface ProfileSetting {
  name: string;
  required: boolean;
  pattern?: RegExp;
  choices?: readonly string[];
}

/** The values an administrator gave a profile, by setting name. */
export type ProfileValues = Record<string, string>;

export type ProfileProblem = 'required' | 'format' | 'choice';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const HTTP_URI = /^https?:\/\/[^\s<>"{}|\\^`]+$/;

/** opendata.swiss terms of use (the fragment of https://opendata.swiss/terms-of-use#…). */
export const SWISS_TERMS = ['terms_open', 'terms_by', 'terms_ask', 'terms_by_ask'] as const;

/** DCAT-AP.de's levels of political geocoding (…/politicalGeocoding/Level/<level>). */
export const GERMAN_GEOCODING_LEVELS = [
  'federal',
  'state',
  'administrativeDistrict',
  'municipality',
] as const;

/** ADMS publisher types (http://purl.org/adms/publishertype/<type>), which DCAT-AP-SE asks. */
export const PUBLISHER_TYPES = [
  'Academia-ScientificOrganisation',
  'Company',
  'IndustryConsortium',
  'LocalAuthority',
  'NationalAuthority',
  'NonGovernmentalOrganisation',
  'NonProfitOrganisation',
  'PrivateIndividual(s)',
  'RegionalAuthority',
  'StandardisationBody',
  'SupraNationalAuthority',
] as const;

/** The sectors of datos.gob.es (http://datos.gob.es/kos/sector-publico/sector/<sector>). */
export const SPANISH_SECTORS = [
  'ciencia-tecnologia',
  'comercio',
  'cultura-ocio',
  'demografia',
  'deporte',
  'economia',
  'educacion',
  'empleo',
  'energia',
  'hacienda',
  'industria',
  'legislacion-justicia',
  'medio-ambiente',
  'medio-rural-pesca',
  'salud',
  'sector-publico',
  'seguridad',
  'sociedad-bienestar',
  'transporte',
  'turismo',
  'urbanismo-infraestructuras',
  'vivienda',
] as const;

/** The EU data themes (…/authority/data-theme/<code>), which DCAT-AP_IT requires. */
export const EU_DATA_THEMES = [
  'AGRI',
  'ECON',
  'EDUC',
  'ENER',
  'ENVI',
  'GOVE',
  'HEAL',
  'INTR',
  'JUST',
  'OP_DATPRO',
  'REGI',
  'SOCI',
  'TECH',
  'TRAN',
] as const;

const contactEmail: ProfileSetting = { name: 'contact_email', required: true, pattern: EMAIL };

export const PROFILE_SETTINGS: Record<DcatProfileId, readonly ProfileSetting[]> = {
  // Identifiers are `<dataset id>@<organisation slug on opendata.swiss>`.
  dcat_ap_ch: [
    { name: 'organisation', required: true, pattern: /^[a-z0-9][a-z0-9-]{0,99}$/ },
    contactEmail,
    { name: 'terms', required: true, choices: SWISS_TERMS },
  ],
  dcat_ap_de: [
    { name: 'contributor_id', required: true, pattern: HTTP_URI },
    { name: 'geocoding_level', required: false, choices: GERMAN_GEOCODING_LEVELS },
    { name: 'geocoding_uri', required: false, pattern: HTTP_URI },
  ],
  dcat_ap_se: [contactEmail, { name: 'publisher_type', required: true, choices: PUBLISHER_TYPES }],
  // DIR3 codes: a letter or two for the administration, then digits, nine characters in all.
  dcat_ap_sp: [
    { name: 'dir3', required: true, pattern: /^[A-Z][A-Z0-9]{8}$/ },
    { name: 'sector', required: true, choices: SPANISH_SECTORS },
  ],
  // IPA codes of the Indice delle Pubbliche Amministrazioni, e.g. `m_ef`, `c_h501`, `r_lazio`.
  dcat_ap_it: [
    { name: 'ipa_code', required: true, pattern: /^[A-Za-z0-9_]{2,30}$/ },
    { name: 'data_theme', required: true, choices: EU_DATA_THEMES },
  ],
  // OVO codes of the Flemish organisation register (wegwijs.vlaanderen.be).
  dcat_ap_vl: [{ name: 'ovo_code', required: true, pattern: /^OVO\d{6}$/ }, contactEmail],
  // The enterprise number of the Belgian Crossroads Bank for Enterprises (KBO/BCE).
  dcat_ap_benap: [{ name: 'kbo_number', required: true, pattern: /^[01]\d{9}$/ }, contactEmail],
};

/** Each refused value of a profile, by setting name; empty when the values can be served. */
export function checkProfileValues(
  id: DcatProfileId,
  values: ProfileValues,
): Partial<Record<string, ProfileProblem>> {
  const problems: Partial<Record<string, ProfileProblem>> = {};
  for (const setting of PROFILE_SETTINGS[id]) {
    const value = (values[setting.name] ?? '').trim();
    if (value === '') {
      if (setting.required) problems[setting.name] = 'required';
    } else if (setting.choices && !setting.choices.includes(value)) {
      problems[setting.name] = 'choice';
    } else if (setting.pattern && (value.length > 300 || !setting.pattern.test(value))) {
      problems[setting.name] = 'format';
    }
  }
  return problems;
}

/** The profile's values trimmed, empty optional ones left out. */
export function cleanProfileValues(id: DcatProfileId, values: ProfileValues): ProfileValues {
  const clean: ProfileValues = {};
  for (const setting of PROFILE_SETTINGS[id]) {
    const value = (values[setting.name] ?? '').trim();
    if (value !== '') clean[setting.name] = value;
  }
  return clean;
}

/** The activated profiles, each with its values. */
export type DcatProfiles = Partial<Record<DcatProfileId, ProfileValues>>;
