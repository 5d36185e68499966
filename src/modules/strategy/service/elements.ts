import type { Actor } from '../../../platform/access/access.ts'
import { auditActor } from '../../../platform/audit/audit-actor.ts'
import { recordAudit } from '../../../platform/audit/audit-log.ts'
import { Problem } from '../../../platform/http/problem.ts'
import type { ModuleContext } from '../../../platform/module.ts'
import { displayNameOf } from '../../identity/index.ts'
import type { Element, ElementCreate, ElementKind, ElementPatch, ElementVersion } from '../schemas.ts'
import {
  type Author,
  type ElementState,
  insertElement,
  maxPosition,
  selectElement,
  selectElementsAsOf,
  selectVersion,
  selectVersions,
  selectVersionsBetween,
  toVersion,
  updateElement,
} from '../store/elements.ts'
import { EDIT_STRATEGY, may, notAllowed } from './access.ts'

export interface RequestFacts {
  requestId: string
}

/** Which kind of element may sit under which: the strategy's own shape. */
const PARENT_KINDS: Partial<Record<ElementKind, ElementKind>> = {
  direction: 'direction_group',
  priority_area: 'direction',
}

export async function getStrategy(
  context: ModuleContext,
  query: { asOf?: string | undefined; kind?: ElementKind | undefined; retired?: boolean | undefined },
): Promise<{ asOf: string; elements: Element[] }> {
  const at = query.asOf ? new Date(query.asOf) : undefined
  const elements = await selectElementsAsOf(context.db, at)
  return {
    asOf: (at ?? new Date()).toISOString(),
    elements: elements.filter(
      (element) => (query.retired || !element.retired) && (!query.kind || element.kind === query.kind),
    ),
  }
}

export async function getElement(context: ModuleContext, key: string): Promise<Element> {
  const element = await selectElement(context.db, key)
  if (!element) throw elementNotFound(key)
  return element
}

export async function getElementHistory(
  context: ModuleContext,
  actor: Actor,
  key: string,
): Promise<ElementVersion[]> {
  const rows = await selectVersions(context.db, key)
  if (rows.length === 0) throw elementNotFound(key)
  const showAuthor = await may(context, actor, EDIT_STRATEGY)
  return rows.map((row) => toVersion(row, showAuthor))
}

const COMPARED = ['code', 'parent', 'position', 'title', 'summary', 'objectives', 'retired'] as const

/** What changed between two versions of an element, field by field. */
export function differences(from: ElementVersion | undefined, to: ElementVersion) {
  return COMPARED.filter((field) => JSON.stringify(from?.[field]) !== JSON.stringify(to[field])).map(
    (field) => ({ field, from: from?.[field] ?? null, to: to[field] }),
  )
}

export async function diffElement(
  context: ModuleContext,
  key: string,
  fromVersion: number,
  untilVersion: number | undefined,
) {
  const current = await getElement(context, key)
  const target = untilVersion ?? current.version
  const [from, to] = await Promise.all([
    selectVersion(context.db, key, fromVersion),
    selectVersion(context.db, key, target),
  ])
  if (!from || !to)
    throw new Problem(
      404,
      'STRATEGY_VERSION_NOT_FOUND',
      'No such version',
      `"${key}" has versions 1 to ${current.version}; GET /api/strategy/elements/${key}/versions lists them.`,
    )
  return {
    key,
    from: fromVersion,
    to: target,
    changes: differences(toVersion(from, false), toVersion(to, false)),
  }
}

/** Every change in a span of time, each with what it changed. */
export async function listChanges(
  context: ModuleContext,
  actor: Actor,
  from: string,
  to: string | undefined,
) {
  const start = new Date(from)
  const end = to ? new Date(to) : new Date()
  if (end < start)
    throw new Problem(
      400,
      'STRATEGY_SPAN_REVERSED',
      'The span ends before it starts',
      'Give "to" after "from".',
    )
  const showAuthor = await may(context, actor, EDIT_STRATEGY)
  const rows = await selectVersionsBetween(context.db, start, end)
  const changes = []
  for (const row of rows) {
    const previous =
      row.version > 1 ? await selectVersion(context.db, row.element_key, row.version - 1) : undefined
    const version = toVersion(row, showAuthor)
    changes.push({
      key: row.element_key,
      kind: row.kind,
      version: row.version,
      changedAt: version.changedAt,
      changedBy: version.changedBy,
      note: version.note,
      changes: differences(previous && toVersion(previous, false), version),
    })
  }
  return { from: start.toISOString(), to: end.toISOString(), changes }
}

async function authorOf(context: ModuleContext, actor: Actor): Promise<Author> {
  const personId = actor.kind === 'person' ? actor.personId : actor.kind === 'api_key' ? actor.personId : null
  const name = personId ? await displayNameOf(context.db, personId) : undefined
  return { personId, name: name ?? (actor.kind === 'api_key' ? `API key ${actor.keyId}` : 'Cetate') }
}

async function checkReferences(
  context: ModuleContext,
  kind: ElementKind,
  state: ElementState,
): Promise<void> {
  if (state.parent) {
    const parent = await selectElement(context.db, state.parent)
    const expected = PARENT_KINDS[kind]
    if (!parent || parent.kind !== expected)
      throw new Problem(
        400,
        'STRATEGY_PARENT_INVALID',
        'That parent does not fit',
        expected
          ? `A ${kind} belongs under a ${expected}; "${state.parent}" is ${parent ? `a ${parent.kind}` : 'not in the strategy'}.`
          : `A ${kind} has no parent; leave "parent" out.`,
      )
  }
  for (const key of state.objectives) {
    const objective = await selectElement(context.db, key)
    if (!objective || !['objective', 'transversal_objective'].includes(objective.kind))
      throw new Problem(
        400,
        'STRATEGY_OBJECTIVE_UNKNOWN',
        'No such objective',
        `"${key}" is not an objective; GET /api/strategy?kind=objective lists them.`,
      )
  }
}

export async function createElement(
  context: ModuleContext,
  actor: Actor,
  input: ElementCreate,
  request: RequestFacts,
): Promise<Element> {
  if (!(await may(context, actor, EDIT_STRATEGY))) throw notAllowed('edit the strategy')
  if (await selectElement(context.db, input.key))
    throw new Problem(
      409,
      'STRATEGY_KEY_TAKEN',
      'That key is taken',
      `The strategy already has "${input.key}"; choose another key or change that element.`,
    )
  if (PARENT_KINDS[input.kind] && !input.parent)
    throw new Problem(
      400,
      'STRATEGY_PARENT_REQUIRED',
      'Say where it belongs',
      `A ${input.kind} needs "parent": the ${PARENT_KINDS[input.kind]} it belongs to.`,
    )
  const state: ElementState = {
    code: input.code ?? null,
    parent: input.parent ?? null,
    position: (await maxPosition(context.db)) + 1,
    title: input.title,
    summary: input.summary,
    objectives: input.objectives ?? [],
    retired: false,
  }
  await checkReferences(context, input.kind, state)
  await insertElement(
    context.db,
    { key: input.key, kind: input.kind, ...state },
    await authorOf(context, actor),
    input.note ?? null,
  )
  await recordAudit(context.db, {
    actor: auditActor(actor),
    action: 'strategy.element.create',
    target: { type: 'strategy_element', id: input.key },
    outcome: 'success',
    details: { kind: input.kind },
    requestId: request.requestId,
  })
  return getElement(context, input.key)
}

export async function changeElement(
  context: ModuleContext,
  actor: Actor,
  key: string,
  patch: ElementPatch,
  request: RequestFacts,
): Promise<Element> {
  if (!(await may(context, actor, EDIT_STRATEGY))) throw notAllowed('edit the strategy')
  const current = await getElement(context, key)
  const state: ElementState = {
    code: patch.code === undefined ? current.code : patch.code,
    parent: patch.parent === undefined ? current.parent : patch.parent,
    position: patch.position ?? current.position,
    title: patch.title ?? current.title,
    summary: patch.summary ?? current.summary,
    objectives: patch.objectives ?? current.objectives,
    retired: patch.retired ?? current.retired,
  }
  await checkReferences(context, current.kind, state)
  const outcome = await updateElement(
    context.db,
    key,
    patch.version,
    state,
    await authorOf(context, actor),
    patch.note ?? null,
  )
  if (!outcome.updated)
    throw new Problem(
      409,
      'STRATEGY_VERSION_CONFLICT',
      'Someone changed it meanwhile',
      `"${key}" is at version ${outcome.current}, not ${patch.version}; reload it, then make your change again.`,
    )
  await recordAudit(context.db, {
    actor: auditActor(actor),
    action: 'strategy.element.update',
    target: { type: 'strategy_element', id: key },
    outcome: 'success',
    details: { version: outcome.version, fields: Object.keys(patch).filter((field) => field !== 'version') },
    requestId: request.requestId,
  })
  return getElement(context, key)
}

const elementNotFound = (key: string) =>
  new Problem(
    404,
    'STRATEGY_ELEMENT_NOT_FOUND',
    'No such element of the strategy',
    `The strategy has no "${key}"; GET /api/strategy lists its elements.`,
  )
