import { Type } from 'typebox'
import type { DataPack, ModuleContext } from '../../platform/module.ts'
import { LocalizedTextSchema } from '../../platform/text/localized.ts'
import { parseWith } from '../../platform/validation/parse.ts'
import { upsertPurpose } from './store/consents.ts'
import { selectOrganisation } from './store/organisations.ts'

const PackPurposesSchema = Type.Array(
  Type.Object(
    {
      key: Type.String({ pattern: '^[a-z_]+(\\.[a-z_]+)*$' }),
      organisation: Type.String(),
      title: LocalizedTextSchema,
      description: LocalizedTextSchema,
      dataCategories: Type.Array(Type.String(), { minItems: 1 }),
    },
    { additionalProperties: false },
  ),
)

/** The purposes a person may consent to, as the pack's organisations word them. */
export async function loadConsentPurposes(context: ModuleContext, pack: DataPack): Promise<number> {
  const file = pack.manifest.consentPurposes
  if (typeof file !== 'string') return 0
  const purposes = parseWith(PackPurposesSchema, await pack.readJson(file), file)
  for (const purpose of purposes) {
    const organisation = await selectOrganisation(context.db, purpose.organisation)
    if (!organisation)
      throw new Error(
        `Purpose "${purpose.key}" names an organisation "${purpose.organisation}" that the pack lacks`,
      )
    await upsertPurpose(context.db, { ...purpose, organisationId: organisation.id })
  }
  return purposes.length
}
