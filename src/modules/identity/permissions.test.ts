import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { type TestDatabase, testBackends } from '../../../test/support/databases.ts'
import { type DemoCetate, startDemoCetate } from '../../../test/support/demo.ts'
import type { Actor } from '../../platform/access/access.ts'
import { can } from './permissions.ts'
import { selectOrganisation } from './store/organisations.ts'
import { selectPersonByEmail } from './store/people.ts'
import { insertResourceGrant } from './store/resource-grants.ts'

for (const backend of testBackends()) {
  describe(`can(): roles, memberships and grants on one resource, on ${backend.name}`, {
    timeout: 120_000,
  }, () => {
    let database: TestDatabase
    let server: DemoCetate
    const person = async (email: string): Promise<Actor> => {
      const row = await selectPersonByEmail(server.cetate.database.db, email)
      return { kind: 'person', personId: row!.id, assurance: row!.assurance_level, via: 'session' }
    }

    before(async () => {
      database = await backend.create()
      server = await startDemoCetate(database)
    })
    after(async () => {
      await server.close()
      await database.drop()
    })

    test('a platform role grants its actions everywhere; an organisation role only within it', async () => {
      const db = server.cetate.database.db
      const steward = await person('date@cluj-napoca.example')
      assert.equal(await can(db, steward, 'catalog.dataset.publish'), true)
      const owner = await person('inovare@cluj-napoca.example')
      const office = await selectOrganisation(db, 'oficiul-de-inovare')
      const ciic = await selectOrganisation(db, 'ciic')
      assert.equal(await can(db, owner, 'catalog.dataset.publish', { organisationId: office!.id }), true)
      assert.equal(await can(db, owner, 'catalog.dataset.publish', { organisationId: ciic!.id }), false)
      assert.equal(await can(db, { kind: 'anonymous' }, 'catalog.dataset.read'), false)
    })

    test('a grant on one resource allows that action on that resource only, to the person or through their organisation', async () => {
      const db = server.cetate.database.db
      const maria = await person('maria@cluj-napoca.example')
      const laszlo = await person('laszlo@cluj-napoca.example')
      const dataset = { type: 'catalog.dataset', id: 'parking-occupancy' }
      assert.equal(await can(db, maria, 'catalog.dataset.update', { resource: dataset }), false)
      await insertResourceGrant(db, {
        personId: maria.kind === 'person' ? maria.personId : '',
        action: 'catalog.dataset.update',
        resourceType: dataset.type,
        resourceId: dataset.id,
        grantedBy: null,
      })
      assert.equal(await can(db, maria, 'catalog.dataset.update', { resource: dataset }), true)
      assert.equal(
        await can(db, maria, 'catalog.dataset.delete', { resource: dataset }),
        false,
        'only the granted action',
      )
      assert.equal(
        await can(db, maria, 'catalog.dataset.update', { resource: { ...dataset, id: 'other' } }),
        false,
      )
      assert.equal(await can(db, maria, 'catalog.dataset.update'), false, 'not anywhere else')

      const cluster = await selectOrganisation(db, 'cluj-it-cluster')
      await insertResourceGrant(db, {
        organisationId: cluster!.id,
        action: 'catalog.dataset.*',
        resourceType: dataset.type,
        resourceId: dataset.id,
        grantedBy: null,
      })
      assert.equal(
        await can(db, laszlo, 'catalog.dataset.update', { resource: dataset }),
        false,
        'not a member yet',
      )
      const admin = await server.signedIn('administrator@cluj-napoca.example')
      const laszloId = laszlo.kind === 'person' ? laszlo.personId : ''
      await admin.json(`/api/organisations/cluj-it-cluster/members/${laszloId}`, {
        method: 'PUT',
        json: { role: 'member' },
      })
      assert.equal(
        await can(db, laszlo, 'catalog.dataset.update', { resource: dataset }),
        true,
        'through the organisation, by pattern',
      )
      assert.equal(
        await can(db, laszlo, 'catalog.datasets_export', { resource: dataset }),
        false,
        'a pattern matches whole segments only',
      )
    })
  })
}
