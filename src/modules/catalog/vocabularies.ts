import type { LocalizedText } from '../../platform/text/localized.ts'

/** EU data themes (DCAT-AP's controlled vocabulary), with their labels in our languages. */
export const DATA_THEMES: Record<string, LocalizedText & { en: string; hu: string }> = {
  AGRI: {
    ro: 'Agricultură, pescuit, silvicultură și alimentație',
    en: 'Agriculture, fisheries, forestry and food',
    hu: 'Mezőgazdaság, halászat, erdészet és élelmiszer',
  },
  ECON: { ro: 'Economie și finanțe', en: 'Economy and finance', hu: 'Gazdaság és pénzügy' },
  EDUC: {
    ro: 'Educație, cultură și sport',
    en: 'Education, culture and sport',
    hu: 'Oktatás, kultúra és sport',
  },
  ENER: { ro: 'Energie', en: 'Energy', hu: 'Energia' },
  ENVI: { ro: 'Mediu', en: 'Environment', hu: 'Környezet' },
  GOVE: { ro: 'Guvern și sector public', en: 'Government and public sector', hu: 'Kormányzat és közszféra' },
  HEAL: { ro: 'Sănătate', en: 'Health', hu: 'Egészségügy' },
  INTR: { ro: 'Chestiuni internaționale', en: 'International issues', hu: 'Nemzetközi kérdések' },
  JUST: {
    ro: 'Justiție, sistem juridic și siguranță publică',
    en: 'Justice, legal system and public safety',
    hu: 'Igazságügy, jogrendszer és közbiztonság',
  },
  REGI: { ro: 'Regiuni și orașe', en: 'Regions and cities', hu: 'Régiók és városok' },
  SOCI: { ro: 'Populație și societate', en: 'Population and society', hu: 'Népesség és társadalom' },
  TECH: { ro: 'Știință și tehnologie', en: 'Science and technology', hu: 'Tudomány és technológia' },
  TRAN: { ro: 'Transport', en: 'Transport', hu: 'Közlekedés' },
}
export const DATA_THEME_BASE = 'http://publications.europa.eu/resource/authority/data-theme/'

export interface Licence {
  title: string
  url: string
  /** The EU licence authority code, for DCAT-AP's dct:license. */
  euCode: string
  /** Open in the sense of the Open Definition (CKAN's `license_is_open`). */
  open: boolean
}

/** The licences a publisher chooses from; ids as CKAN names them. */
export const LICENCES: Record<string, Licence> = {
  'cc-by-4.0': {
    title: 'Creative Commons Attribution 4.0',
    url: 'https://creativecommons.org/licenses/by/4.0/',
    euCode: 'CC_BY_4_0',
    open: true,
  },
  'cc-by-sa-4.0': {
    title: 'Creative Commons Attribution Share-Alike 4.0',
    url: 'https://creativecommons.org/licenses/by-sa/4.0/',
    euCode: 'CC_BYSA_4_0',
    open: true,
  },
  'cc0-1.0': {
    title: 'Creative Commons CC0 1.0',
    url: 'https://creativecommons.org/publicdomain/zero/1.0/',
    euCode: 'CC0',
    open: true,
  },
  'odbl-1.0': {
    title: 'Open Data Commons Open Database License 1.0',
    url: 'https://opendatacommons.org/licenses/odbl/1-0/',
    euCode: 'ODBL',
    open: true,
  },
  'ogl-ro-1.0': {
    title: 'Open Government Licence Romania 1.0',
    url: 'https://data.gov.ro/base/images/logoinst/OGL-ROU-1.0.pdf',
    euCode: 'OGL_ROU_1_0',
    open: true,
  },
  'other-closed': {
    title: 'All rights reserved',
    url: 'https://publications.europa.eu/resource/authority/licence/COM_REUSE',
    euCode: 'COM_REUSE',
    open: false,
  },
}
export const LICENCE_BASE = 'http://publications.europa.eu/resource/authority/licence/'

/** EU update frequencies (DCAT-AP dct:accrualPeriodicity) and how many days each allows. */
export const FREQUENCIES: Record<string, { days: number | null }> = {
  CONT: { days: 1 },
  DAILY: { days: 1 },
  WEEKLY: { days: 7 },
  MONTHLY: { days: 31 },
  QUARTERLY: { days: 92 },
  BIANNUAL: { days: 183 },
  ANNUAL: { days: 366 },
  IRREG: { days: null },
  NEVER: { days: null },
  UNKNOWN: { days: null },
}
export const FREQUENCY_BASE = 'http://publications.europa.eu/resource/authority/frequency/'

export const DATASET_STATUSES = ['draft', 'published', 'archived'] as const
export const ACCESS_LEVELS = ['open', 'private'] as const
export const RESOURCE_KINDS = ['upload', 'link', 'live'] as const
export const REUSE_KINDS = ['app', 'study', 'visualisation', 'service', 'other'] as const
