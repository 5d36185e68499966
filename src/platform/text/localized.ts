import { Type } from 'typebox'

/** The platform's languages; Romanian is the default and always present. */
export const LANGUAGES = ['ro', 'en', 'hu'] as const
export type Language = (typeof LANGUAGES)[number]

export type LocalizedText = { ro: string } & Partial<Record<Exclude<Language, 'ro'>, string>>

export const LocalizedTextSchema = Type.Object(
  {
    ro: Type.String({ minLength: 1 }),
    en: Type.Optional(Type.String({ minLength: 1 })),
    hu: Type.Optional(Type.String({ minLength: 1 })),
  },
  { additionalProperties: false, description: 'The same text in Romanian (required), English and Hungarian' },
)
