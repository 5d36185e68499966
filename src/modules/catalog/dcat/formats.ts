import { AUTHORITY } from './terms.ts'

interface FileType {
  /** The EU file-type authority code (dct:format). */
  euCode: string
  /** The IANA media type (dcat:mediaType). */
  mediaType: string
}

/** Our formats (upper case, as CKAN shows them) and their EU file type and media type. */
const FILE_TYPES: Record<string, FileType> = {
  CSV: { euCode: 'CSV', mediaType: 'text/csv' },
  TSV: { euCode: 'TSV', mediaType: 'text/tab-separated-values' },
  JSON: { euCode: 'JSON', mediaType: 'application/json' },
  GEOJSON: { euCode: 'GEOJSON', mediaType: 'application/geo+json' },
  'NGSI-LD': { euCode: 'JSON_LD', mediaType: 'application/ld+json' },
  JSONLD: { euCode: 'JSON_LD', mediaType: 'application/ld+json' },
  XLSX: { euCode: 'XLSX', mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  XLS: { euCode: 'XLS', mediaType: 'application/vnd.ms-excel' },
  ODS: { euCode: 'ODS', mediaType: 'application/vnd.oasis.opendocument.spreadsheet' },
  XML: { euCode: 'XML', mediaType: 'application/xml' },
  PDF: { euCode: 'PDF', mediaType: 'application/pdf' },
  ZIP: { euCode: 'ZIP', mediaType: 'application/zip' },
  HTML: { euCode: 'HTML', mediaType: 'text/html' },
  TXT: { euCode: 'TXT', mediaType: 'text/plain' },
  KML: { euCode: 'KML', mediaType: 'application/vnd.google-earth.kml+xml' },
  SHP: { euCode: 'SHP', mediaType: 'application/x-shapefile' },
  RDF: { euCode: 'RDF_XML', mediaType: 'application/rdf+xml' },
  TTL: { euCode: 'RDF_TURTLE', mediaType: 'text/turtle' },
  DOCX: {
    euCode: 'DOCX',
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
}

/** The EU file type and media type IRIs of one of our formats, where the EU table has it. */
export function fileTypeOf(
  format: string,
  mediaType: string | null,
): { format?: string; mediaType?: string } {
  const known = FILE_TYPES[format.toUpperCase()]
  const media = mediaType ?? known?.mediaType
  return {
    ...(known ? { format: AUTHORITY.fileType + known.euCode } : {}),
    ...(media && /^[a-z]+\/[\w.+-]+$/.test(media) ? { mediaType: AUTHORITY.mediaType + media } : {}),
  }
}

/** Our format name for a harvested dct:format or dcat:mediaType (an IRI or a plain name). */
export function formatFromRemote(format: string | undefined, mediaType: string | undefined): string {
  if (format) {
    const code = format.startsWith(AUTHORITY.fileType) ? format.slice(AUTHORITY.fileType.length) : format
    const ours = Object.entries(FILE_TYPES).find(([, type]) => type.euCode === code.toUpperCase())
    if (ours) return ours[0]
    if (/^[A-Za-z0-9_-]{1,20}$/.test(code)) return code.toUpperCase()
  }
  if (mediaType) {
    const media = mediaType.replace(/^https?:\/\/www\.iana\.org\/assignments\/media-types\//, '')
    const ours = Object.entries(FILE_TYPES).find(([, type]) => type.mediaType === media)
    if (ours) return ours[0]
  }
  return ''
}

/** The media type of a harvested dcat:mediaType (an IANA IRI or a plain type). */
export function mediaTypeFromRemote(mediaType: string | undefined): string | null {
  if (!mediaType) return null
  const media = mediaType.replace(/^https?:\/\/www\.iana\.org\/assignments\/media-types\//, '')
  return /^[a-z]+\/[\w.+-]+$/.test(media) ? media : null
}
