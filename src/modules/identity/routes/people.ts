import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import type { ModuleContext } from '../../../platform/module.ts'
import { recordIdentityCheck } from '../commands/identity-checks.ts'
import { addMemberByEmail } from '../commands/members.ts'
import { grantPlatformRole, revokePlatformRole, setMembership } from '../commands/roles.ts'
import { findPeople, getPersonForStaff } from '../queries/account.ts'
import { listMembers } from '../queries/members.ts'
import {
  IdentityCheckSchema,
  MemberSchema,
  MembershipBodySchema,
  MembershipParamsSchema,
  NewMemberSchema,
  OrganisationSlugSchema,
  PeopleQuerySchema,
  PersonParamsSchema,
  PersonSummarySchema,
  PlatformRoleParamsSchema,
} from '../schemas/people.ts'
import { originOf, personOf } from './request-origin.ts'

const problem = { $ref: 'Problem#' }
const tags = ['people']
const security = [{ bearer: [] }]

/** Staff screens: find a person, verify their identity at the counter, grant roles and memberships. */
export async function peopleRoutes(server: FastifyInstance, context: ModuleContext): Promise<void> {
  const app = server.withTypeProvider<TypeBoxTypeProvider>()

  app.get(
    '/api/people',
    {
      config: { access: { action: 'identity.person.read' } },
      schema: {
        tags,
        security,
        summary: 'Find people by name or email (recorded in the audit log)',
        querystring: PeopleQuerySchema,
        response: { 200: Type.Object({ items: Type.Array(PersonSummarySchema) }) },
      },
    },
    async (request) => ({
      items: await findPeople(
        context,
        request.actor,
        request.query.q,
        request.query.limit,
        originOf(request),
      ),
    }),
  )

  app.get(
    '/api/people/:id',
    {
      config: { access: { action: 'identity.person.read' } },
      schema: {
        tags,
        security,
        summary: 'One person, with their identity checks (recorded in the audit log)',
        params: PersonParamsSchema,
        response: { 404: problem },
      },
    },
    async (request) => getPersonForStaff(context, request.actor, request.params.id, originOf(request)),
  )

  app.post(
    '/api/people/:id/identity-checks',
    {
      config: { access: { action: 'identity.person.verify' } },
      schema: {
        tags,
        security,
        summary: "Record a clerk's check of an identity document; raises the level of assurance",
        params: PersonParamsSchema,
        body: IdentityCheckSchema,
        response: { 201: Type.Object({ level: Type.String() }), 403: problem, 404: problem },
      },
    },
    async (request, reply) => {
      const result = await recordIdentityCheck(
        context,
        personOf(request).personId,
        { personId: request.params.id, ...request.body },
        originOf(request),
      )
      return reply.code(201).send(result)
    },
  )

  app.put(
    '/api/people/:id/roles/:role',
    {
      config: { access: { action: 'identity.role.grant' } },
      schema: {
        tags,
        security,
        summary: 'Grant a platform role',
        params: PlatformRoleParamsSchema,
        response: { 204: Type.Null(), 404: problem },
      },
    },
    async (request, reply) => {
      await grantPlatformRole(
        context,
        request.actor,
        request.params.id,
        request.params.role,
        originOf(request),
      )
      return reply.code(204).send(null)
    },
  )

  app.delete(
    '/api/people/:id/roles/:role',
    {
      config: { access: { action: 'identity.role.grant' } },
      schema: {
        tags,
        security,
        summary: 'Revoke a platform role',
        params: PlatformRoleParamsSchema,
        response: { 204: Type.Null(), 404: problem, 409: problem },
      },
    },
    async (request, reply) => {
      await revokePlatformRole(
        context,
        request.actor,
        request.params.id,
        request.params.role,
        originOf(request),
      )
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/api/organisations/:slug/members',
    {
      config: { access: { action: 'identity.organisation.members' } },
      schema: {
        tags,
        security,
        summary:
          "An organisation's members and their roles (owners and administrators; the reading is audited)",
        params: OrganisationSlugSchema,
        response: { 200: Type.Object({ items: Type.Array(MemberSchema) }), 404: problem },
      },
    },
    async (request) => ({
      items: await listMembers(context, request.actor, request.params.slug, originOf(request)),
    }),
  )

  app.post(
    '/api/organisations/:slug/members',
    {
      config: { access: { action: 'identity.organisation.members' } },
      schema: {
        tags,
        security,
        summary: 'Add a member by their exact email address',
        params: OrganisationSlugSchema,
        body: NewMemberSchema,
        response: { 201: Type.Object({ personId: Type.String() }), 404: problem },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await addMemberByEmail(
            context,
            request.actor,
            request.params.slug,
            request.body,
            originOf(request),
          ),
        ),
  )

  app.put(
    '/api/organisations/:slug/members/:personId',
    {
      config: { access: { action: 'identity.organisation.members' } },
      schema: {
        tags,
        security,
        summary: 'Add a member to an organisation or change their role',
        params: MembershipParamsSchema,
        body: MembershipBodySchema,
        response: { 204: Type.Null(), 403: problem, 404: problem },
      },
    },
    async (request, reply) => {
      await setMembership(
        context,
        request.actor,
        request.params.slug,
        request.params.personId,
        request.body.role,
        originOf(request),
      )
      return reply.code(204).send(null)
    },
  )

  app.delete(
    '/api/organisations/:slug/members/:personId',
    {
      config: { access: { action: 'identity.organisation.members' } },
      schema: {
        tags,
        security,
        summary: 'Remove a member from an organisation',
        params: MembershipParamsSchema,
        response: { 204: Type.Null(), 403: problem, 404: problem },
      },
    },
    async (request, reply) => {
      await setMembership(
        context,
        request.actor,
        request.params.slug,
        request.params.personId,
        null,
        originOf(request),
      )
      return reply.code(204).send(null)
    },
  )
}
