import type { Actor } from '../../../platform/access/access.ts'
import { Problem } from '../../../platform/http/problem.ts'
import type { ModuleContext } from '../../../platform/module.ts'
import type { LocalizedText } from '../../../platform/text/localized.ts'
import type { MilestoneInput, MilestonePatch, Project } from '../schemas.ts'
import {
  deleteMilestone,
  insertDocument,
  insertMilestone,
  insertUpdate,
  selectDocuments,
  selectMilestones,
  selectUpdates,
  updateMilestone,
} from '../store/project-parts.ts'
import { documentAdded, milestoneChanged } from '../timeline-words.ts'
import { getProject, getProjectRow, personOf, projectToChange } from './projects.ts'

export async function addMilestone(
  context: ModuleContext,
  actor: Actor,
  slug: string,
  input: MilestoneInput,
): Promise<Project> {
  const row = await projectToChange(context, actor, slug)
  const milestone = {
    title: input.title,
    weight: input.weight,
    dueDate: input.dueDate ?? null,
    progress: input.progress ?? 0,
  }
  await insertMilestone(context.db, row.id, milestone)
  await insertUpdate(
    context.db,
    row.id,
    'milestone',
    milestoneChanged(input.title, milestone.progress),
    personOf(actor),
  )
  return getProject(context, slug)
}

async function milestoneOf(context: ModuleContext, projectId: string, id: string) {
  const milestone = (await selectMilestones(context.db, [projectId])).find((entry) => entry.id === id)
  if (!milestone)
    throw new Problem(
      404,
      'PORTFOLIO_MILESTONE_NOT_FOUND',
      'No such milestone',
      'The project has no such milestone; GET the project to see its milestones.',
    )
  return milestone
}

export async function changeMilestone(
  context: ModuleContext,
  actor: Actor,
  slug: string,
  id: string,
  patch: MilestonePatch,
): Promise<Project> {
  const row = await projectToChange(context, actor, slug)
  const current = await milestoneOf(context, row.id, id)
  const next = {
    title: patch.title ?? current.title,
    weight: patch.weight ?? current.weight,
    dueDate: patch.dueDate === undefined ? current.due_date : patch.dueDate,
    progress: patch.progress ?? current.progress,
  }
  await updateMilestone(context.db, id, next)
  if (next.progress !== current.progress)
    await insertUpdate(
      context.db,
      row.id,
      'milestone',
      milestoneChanged(next.title, next.progress),
      personOf(actor),
    )
  return getProject(context, slug)
}

export async function removeMilestone(context: ModuleContext, actor: Actor, slug: string, id: string) {
  const row = await projectToChange(context, actor, slug)
  await milestoneOf(context, row.id, id)
  await deleteMilestone(context.db, id)
  return getProject(context, slug)
}

export async function addNote(context: ModuleContext, actor: Actor, slug: string, text: LocalizedText) {
  const row = await projectToChange(context, actor, slug)
  await insertUpdate(context.db, row.id, 'note', text, personOf(actor))
}

export async function addDocument(
  context: ModuleContext,
  actor: Actor,
  slug: string,
  input: { title: LocalizedText; url: string },
) {
  const row = await projectToChange(context, actor, slug)
  await insertDocument(context.db, row.id, input.title, input.url)
  await insertUpdate(context.db, row.id, 'document', documentAdded(input.title), personOf(actor))
}

/** The public timeline and documents: what happened, never who typed it. */
export async function timelineOf(context: ModuleContext, slug: string) {
  const row = await getProjectRow(context, slug)
  const [updates, documents] = await Promise.all([
    selectUpdates(context.db, row.id),
    selectDocuments(context.db, row.id),
  ])
  return {
    updates: updates.map((update) => ({ kind: update.kind, text: update.text, at: update.at.toISOString() })),
    documents,
  }
}
