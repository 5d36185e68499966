import { Type } from 'typebox'
import { ColumnSchema } from '../schemas.ts'
import { MAX_RECORDS } from './record-query.ts'

const JsonObjectText = (description: string) => Type.String({ maxLength: 20_000, description })

export const RecordsQuerySchema = Type.Object(
  {
    filters: Type.Optional(
      JsonObjectText(
        'Exact matches as a JSON object, column → value or list of values: {"an": 2024, "cartier": ["Zorilor", "Grigorescu"]}',
      ),
    ),
    q: Type.Optional(
      Type.String({
        maxLength: 500,
        description: 'Words to find in the text columns, with or without diacritics',
      }),
    ),
    fields: Type.Optional(
      Type.String({ maxLength: 20_000, description: 'Columns to return, separated by commas' }),
    ),
    sort: Type.Optional(
      Type.String({
        maxLength: 2000,
        description: 'Columns with asc or desc, separated by commas: "an desc, cartier"',
      }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_RECORDS, default: 100 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000 })),
    includeTotal: Type.Optional(Type.Boolean({ description: 'Also count every matching row' })),
    after: Type.Optional(
      Type.String({
        maxLength: 4000,
        description: 'Keyset paging: the last _id of the previous page, or the cursor its next link carries',
      }),
    ),
    distinct: Type.Optional(Type.Boolean({ description: 'Each combination of the returned fields once' })),
  },
  { additionalProperties: false },
)

export const RecordPageSchema = Type.Object({
  fields: Type.Array(ColumnSchema),
  records: Type.Array(Type.Record(Type.String(), Type.Unknown())),
  total: Type.Optional(Type.Integer()),
  sort: Type.String({ description: 'The sort applied, _id breaking ties' }),
  next: Type.Optional(Type.String({ description: 'The next page, by keyset; absent on the last page' })),
})

export const DownloadQuerySchema = Type.Object(
  {
    filters: Type.Optional(JsonObjectText('Only the rows matching, as for the records query')),
    q: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
)

export const StatisticsQuerySchema = Type.Object(
  {
    column: Type.String({ maxLength: 200, description: 'A numeric column' }),
    points: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 2000,
        default: 200,
        description: 'At most this many runs in the series',
      }),
    ),
  },
  { additionalProperties: false },
)

export const ColumnStatisticsSchema = Type.Object({
  column: Type.String(),
  count: Type.Integer({ description: 'Rows with a value' }),
  min: Type.Union([Type.Number(), Type.Null()]),
  max: Type.Union([Type.Number(), Type.Null()]),
  avg: Type.Union([Type.Number(), Type.Null()]),
  series: Type.Array(
    Type.Object({
      fromId: Type.Integer(),
      toId: Type.Integer(),
      min: Type.Union([Type.Number(), Type.Null()]),
      max: Type.Union([Type.Number(), Type.Null()]),
      avg: Type.Union([Type.Number(), Type.Null()]),
    }),
  ),
})
