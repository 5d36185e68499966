import { type Static, Type } from 'typebox'
import { ColumnTypeSchema } from '../schemas.ts'

export const LoadStatusSchema = Type.Enum(['previewed', 'loading', 'loaded', 'failed'])
export type LoadStatus = Static<typeof LoadStatusSchema>

export const LoadColumnSchema = Type.Object({
  name: Type.String({ description: 'The column name in the datastore table' }),
  type: ColumnTypeSchema,
  source: Type.Union([Type.String(), Type.Null()], {
    description:
      "The file's header or JSON key; null for a GeoJSON feature's geometry (or a CSV without header)",
  }),
  hint: Type.Optional(
    Type.Enum(['latitude', 'longitude'], { description: 'The name suggests a coordinate' }),
  ),
})
export type LoadColumn = Static<typeof LoadColumnSchema>

export const BadRowSchema = Type.Object({
  line: Type.Integer({ description: 'Line of the file (for JSON, where the item starts)' }),
  column: Type.Optional(Type.String()),
  reason: Type.String(),
})
export type BadRow = Static<typeof BadRowSchema>

export const LoadSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    dataset: Type.String({ description: 'The dataset name' }),
    resourceId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()], {
      description: 'The resource the load fills, once started',
    }),
    status: LoadStatusSchema,
    file: Type.Object({
      name: Type.String(),
      mediaType: Type.Union([Type.String(), Type.Null()]),
      byteSize: Type.Integer(),
      sha256: Type.String(),
    }),
    format: Type.Enum(['csv', 'json', 'geojson']),
    encoding: Type.String({ description: 'Detected text encoding: utf-8, windows-1250, iso-8859-2…' }),
    bom: Type.Boolean(),
    delimiter: Type.Optional(Type.String({ description: 'CSV only' })),
    quote: Type.Optional(Type.String()),
    header: Type.Optional(Type.Boolean({ description: 'CSV only: the first row names the columns' })),
    decimalComma: Type.Boolean({
      description: 'Numbers may use a decimal comma (3,14): files not separated by commas',
    }),
    columns: Type.Array(LoadColumnSchema),
    rows: Type.Array(Type.Array(Type.Union([Type.String(), Type.Null()])), {
      description: 'The first rows, as text',
    }),
    progress: Type.Object({
      bytesRead: Type.Integer(),
      bytesTotal: Type.Integer(),
      rows: Type.Integer({ description: 'Rows read so far; once loaded, rows in the table' }),
    }),
    errors: Type.Array(BadRowSchema, { description: 'The first 1,000 bad rows' }),
    errorCount: Type.Integer({ description: 'All bad rows' }),
    createdAt: Type.String({ format: 'date-time' }),
    startedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    finishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { $id: 'CatalogLoad' },
)
export type Load = Static<typeof LoadSchema>

export const LoadStartSchema = Type.Object(
  {
    columns: Type.Array(
      Type.Object(
        { name: Type.String({ minLength: 1, maxLength: 63 }), type: ColumnTypeSchema },
        { additionalProperties: false },
      ),
      {
        minItems: 1,
        maxItems: 1600,
        description: "The file's columns in order, with the names and types to load",
      },
    ),
    resourceTitle: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    resourceId: Type.Optional(
      Type.String({ format: 'uuid', description: 'An uploaded resource of the dataset to replace' }),
    ),
  },
  { additionalProperties: false },
)
export type LoadStart = Static<typeof LoadStartSchema>

export const LoadParamsSchema = Type.Object({ id: Type.String({ format: 'uuid' }) })

export const UploadQuerySchema = Type.Object(
  { filename: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })) },
  { additionalProperties: false },
)
