import { Type } from 'typebox'

/** The RFC 9457 body every non-standard error answers with; referenced from the OpenAPI document. */
export const ProblemSchema = Type.Object(
  {
    type: Type.String({ description: 'URI naming the kind of problem' }),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String({ description: 'What went wrong and how to fix it' }),
    code: Type.String({ description: 'Stable error code, e.g. CITY_NOT_FOUND' }),
    instance: Type.String(),
    requestId: Type.String({ description: 'Quote it when asking for help' }),
  },
  { $id: 'Problem', additionalProperties: true },
)
