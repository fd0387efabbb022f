// The projects module's part of the GraphQL schema: projects and their workflow states.

import { StateCategory } from '../../generated/prisma/enums.ts';
import { builder } from '../../graphql/builder.ts';
import { viewerIdOf, workspaceIdOf } from '../../graphql/context.ts';
import { reread } from '../../graphql/reread.ts';
import { throwNotFound } from '../../shared/errors.ts';
import { auditSourceOf } from '../audit/audit-log.ts';
import { requiredRole } from '../workspaces/roles.ts';
import { roleInWorkspaceOf, WorkspaceRef } from '../workspaces/schema.ts';

export const StateCategoryEnum = builder.enumType(StateCategory, {
  name: 'StateCategory',
  description: 'What being in a workflow state means for a task.',
  values: {
    BACKLOG: { description: 'Not planned yet.' },
    UNSTARTED: {
      description: 'Planned, not started; a task created without a state goes to its project’s first such state.',
    },
    STARTED: { description: 'In progress.' },
    COMPLETED: { description: 'Done: a task moved in gets its completion time.' },
    CANCELED: { description: 'Dropped: a task moved in gets its completion time too.' },
  },
});

export const ProjectRef = builder.prismaNode('Project', {
  description:
    'A body of work in a workspace, with its own workflow states (the board’s columns) and tasks keyed KEY-number.',
  id: { field: 'id' },
  authScopes: (project) => ({ member: project.workspaceId }),
  fields: (t) => ({
    version: t.exposeInt('version', { description: 'Incremented by every change; compare with an event’s version.' }),
    name: t.exposeString('name', { description: 'Display name, 1 to 80 characters.' }),
    key: t.exposeString('key', { description: 'Prefix of the project’s task keys, like YEL in YEL-42.' }),
    description: t.exposeString('description', { description: 'Markdown, as written; empty when there is none.' }),
    archivedAt: t.expose('archivedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When it was archived; null while it is active.',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was created.' }),
    lead: t.relation('lead', {
      nullable: true,
      description: 'The member who leads it; null when there is none. Cleared when the lead leaves the workspace.',
    }),
    workspace: t.relation('workspace', { description: 'The workspace it belongs to.' }),
    states: t.relation('states', {
      description: 'The board’s columns, in order.',
      query: { orderBy: [{ position: 'asc' }, { id: 'asc' }] },
    }),
    taskCount: t.relationCount('tasks', { description: 'How many tasks it has, in every state.' }),
  }),
});

export const WorkflowStateRef = builder.prismaNode('WorkflowState', {
  description:
    'A column of a project’s board. Its category says what being in it means (backlog, not started, started, completed, canceled); moving a task into a COMPLETED or CANCELED state sets its completion time.',
  id: { field: 'id' },
  select: { project: { select: { workspaceId: true } } },
  authScopes: (state) => ({ member: state.project.workspaceId }),
  fields: (t) => ({
    version: t.exposeInt('version', { description: 'Incremented by every change; compare with an event’s version.' }),
    name: t.exposeString('name', { description: 'The column’s title, unique in its project whatever the case.' }),
    category: t.expose('category', { type: StateCategoryEnum, description: 'What being in this state means.' }),
    color: t.exposeString('color', { description: '#RRGGBB, in upper case.' }),
    project: t.relation('project', { description: 'The project whose board it is a column of.' }),
    taskCount: t.relationCount('tasks', { description: 'How many tasks are in it.' }),
  }),
});

builder.prismaObjectField('Workspace', 'projects', (t) =>
  t.relatedConnection('projects', {
    cursor: 'id',
    description: 'The workspace’s projects, by name; archived ones only with `includeArchived`.',
    args: {
      includeArchived: t.arg.boolean({ defaultValue: false, description: 'Also list archived projects.' }),
    },
    query: ({ includeArchived }) => ({
      where: includeArchived ? {} : { archivedAt: null },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
    }),
  }),
);

builder.queryFields((t) => ({
  project: t.withAuth({ loggedIn: true }).prismaField({
    type: 'Project',
    description: 'A project by its workspace’s slug and its key; a key it had before finds it too.',
    args: {
      workspaceSlug: t.arg.string({ required: true, description: 'The workspace’s URL name, in any case.' }),
      key: t.arg.string({ required: true, description: 'The project’s key, or one it had before, in any case.' }),
    },
    resolve: async (query, _root, { workspaceSlug, key }, context) => {
      const workspace = { slug: workspaceSlug.trim().toLowerCase() };
      const wanted = key.trim().toUpperCase();
      // The current key first (one query, the common case), then the keys it had.
      return (
        (await context.db.project.findFirst({ ...query, where: { key: wanted, workspace } })) ??
        (await context.db.project.findFirst({
          ...query,
          where: { keyAliases: { some: { key: wanted } }, workspace },
        })) ??
        throwNotFound()
      );
    },
  }),
}));

const PROJECT_FIELDS = {
  name: 'Display name, 1 to 80 characters.',
  key: '2 to 6 letters, stored in upper case; unique in the workspace, and not a key another of its projects had before (CONFLICT).',
  description: 'Markdown, up to 50 000 characters.',
};

const CreateProjectInput = builder.inputType('CreateProjectInput', {
  description: 'A new project; it starts with the states Backlog, Todo, In Progress, Done and Canceled.',
  fields: (t) => ({
    workspaceId: t.globalID({ for: WorkspaceRef, description: 'The workspace it goes in.' }),
    name: t.string({ description: PROJECT_FIELDS.name }),
    key: t.string({ description: PROJECT_FIELDS.key }),
    description: t.string({ required: false, description: `${PROJECT_FIELDS.description} Empty when absent.` }),
    leadId: t.globalID({
      required: false,
      description: 'The user who leads it, a member of the workspace (BAD_USER_INPUT otherwise); none when absent.',
    }),
  }),
});

const UpdateProjectInput = builder.inputType('UpdateProjectInput', {
  description: 'Only the fields given change.',
  fields: (t) => ({
    id: t.globalID({ for: ProjectRef, description: 'The project to change.' }),
    name: t.string({ required: false, description: PROJECT_FIELDS.name }),
    key: t.string({
      required: false,
      description: `${PROJECT_FIELDS.key} The old key stays with the project: its task keys and links keep working.`,
    }),
    description: t.string({ required: false, description: PROJECT_FIELDS.description }),
    leadId: t.globalID({
      required: false,
      description: 'A member of the workspace (BAD_USER_INPUT otherwise); null removes the lead.',
    }),
  }),
});

const StateFields = {
  name: 'Unique in the project whatever the case (CONFLICT otherwise), 1 to 40 characters.',
  color: '#RRGGBB, like #3B82F6.',
};

const CreateWorkflowStateInput = builder.inputType('CreateWorkflowStateInput', {
  description: 'A new state, added at the end of the board.',
  fields: (t) => ({
    projectId: t.globalID({ for: ProjectRef, description: 'The project whose board gets the state.' }),
    name: t.string({ description: StateFields.name }),
    category: t.field({ type: StateCategoryEnum, description: 'What being in this state means.' }),
    color: t.string({ description: StateFields.color }),
    afterId: t.globalID({
      required: false,
      description: 'Place it right after this state of the same project (last when absent).',
    }),
  }),
});

const UpdateWorkflowStateInput = builder.inputType('UpdateWorkflowStateInput', {
  description: 'Only the fields given change.',
  fields: (t) => ({
    id: t.globalID({ for: WorkflowStateRef, description: 'The state to change.' }),
    name: t.string({ required: false, description: StateFields.name }),
    category: t.field({
      type: StateCategoryEnum,
      required: false,
      description: 'What being in this state means; the completion times of the tasks already in it stay as they are.',
    }),
    color: t.string({ required: false, description: StateFields.color }),
  }),
});

const MoveWorkflowStateInput = builder.inputType('MoveWorkflowStateInput', {
  description:
    'Where the state goes: right after `afterId` or right before `beforeId`, states of the same project (with both, `afterId` decides).',
  fields: (t) => ({
    id: t.globalID({ for: WorkflowStateRef, description: 'The state to move.' }),
    afterId: t.globalID({ required: false, description: 'Place it right after this state.' }),
    beforeId: t.globalID({ required: false, description: 'Place it right before this state.' }),
  }),
});

const DeleteWorkflowStateInput = builder.inputType('DeleteWorkflowStateInput', {
  description: 'The state to delete, and where its tasks go.',
  fields: (t) => ({
    id: t.globalID({ for: WorkflowStateRef, description: 'The state to delete.' }),
    moveTasksToStateId: t.globalID({ required: false, description: 'Where its tasks go; needed when it has any.' }),
  }),
});

const manage = requiredRole.manage;

builder.mutationFields((t) => ({
  createProject: t.prismaField({
    type: 'Project',
    description: 'Creates a project with the default states (admins and owners).',
    args: { input: t.arg({ type: CreateProjectInput, required: true, description: 'The new project.' }) },
    authScopes: (_root, { input }) => ({ role: { workspaceId: input.workspaceId.id, atLeast: manage } }),
    resolve: (query, _root, { input }, context) =>
      reread(
        (read) => context.db.project.findUniqueOrThrow(read),
        query,
        context.services.projects.create(
          viewerIdOf(context),
          input.workspaceId.id,
          { name: input.name, key: input.key, description: input.description ?? undefined },
          input.leadId?.id,
        ),
      ),
  }),
  updateProject: t.prismaField({
    description:
      'Changes a project’s name, key, description or lead. Task keys follow a new project key. ADMIN and up.',
    type: 'Project',
    args: {
      input: t.arg({ type: UpdateProjectInput, required: true, description: 'The project and what changes.' }),
    },
    authScopes: (_root, { input }, context) => roleInWorkspaceOf(context.workspaceOf('project', input.id.id), manage),
    resolve: async (query, _root, { input }, context) =>
      reread(
        (read) => context.db.project.findUniqueOrThrow(read),
        query,
        context.services.projects.update(
          viewerIdOf(context),
          await workspaceIdOf(context, 'project', input.id.id),
          input.id.id,
          { name: input.name ?? undefined, key: input.key ?? undefined, description: input.description ?? undefined },
          input.leadId === null ? null : input.leadId?.id,
        ),
      ),
  }),
  archiveProject: t.prismaField({
    description:
      'Archives a project: it leaves the project list (unless `includeArchived`) and keeps its tasks. ADMIN and up.',
    type: 'Project',
    args: { id: t.arg.globalID({ required: true, for: ProjectRef, description: 'The project to archive.' }) },
    authScopes: (_root, { id }, context) => roleInWorkspaceOf(context.workspaceOf('project', id.id), manage),
    resolve: async (query, _root, { id }, context) =>
      reread(
        (read) => context.db.project.findUniqueOrThrow(read),
        query,
        context.services.projects.setArchived(
          viewerIdOf(context),
          await workspaceIdOf(context, 'project', id.id),
          id.id,
          true,
        ),
      ),
  }),
  unarchiveProject: t.prismaField({
    description: 'Brings an archived project back. ADMIN and up.',
    type: 'Project',
    args: {
      id: t.arg.globalID({ required: true, for: ProjectRef, description: 'The archived project to bring back.' }),
    },
    authScopes: (_root, { id }, context) => roleInWorkspaceOf(context.workspaceOf('project', id.id), manage),
    resolve: async (query, _root, { id }, context) =>
      reread(
        (read) => context.db.project.findUniqueOrThrow(read),
        query,
        context.services.projects.setArchived(
          viewerIdOf(context),
          await workspaceIdOf(context, 'project', id.id),
          id.id,
          false,
        ),
      ),
  }),
  deleteProject: t.boolean({
    description: 'Deletes the project with its tasks (admins and owners).',
    args: { id: t.arg.globalID({ required: true, for: ProjectRef, description: 'The project to delete.' }) },
    authScopes: (_root, { id }, context) => roleInWorkspaceOf(context.workspaceOf('project', id.id), manage),
    resolve: async (_root, { id }, context) => {
      await context.services.projects.delete(
        viewerIdOf(context),
        await workspaceIdOf(context, 'project', id.id),
        id.id,
        auditSourceOf(context),
      );
      return true;
    },
  }),
  createWorkflowState: t.prismaField({
    description: 'Adds a workflow state to a project. ADMIN and up.',
    type: 'WorkflowState',
    args: {
      input: t.arg({ type: CreateWorkflowStateInput, required: true, description: 'The new state and where it goes.' }),
    },
    authScopes: (_root, { input }, context) =>
      roleInWorkspaceOf(context.workspaceOf('project', input.projectId.id), manage),
    resolve: async (query, _root, { input }, context) =>
      reread(
        (read) => context.db.workflowState.findUniqueOrThrow(read),
        query,
        context.services.projects.addState(
          viewerIdOf(context),
          await workspaceIdOf(context, 'project', input.projectId.id),
          input.projectId.id,
          { name: input.name, category: input.category, color: input.color },
          { afterId: input.afterId?.id },
        ),
      ),
  }),
  updateWorkflowState: t.prismaField({
    description: 'Renames, recolours or recategorises a workflow state. ADMIN and up.',
    type: 'WorkflowState',
    args: {
      input: t.arg({ type: UpdateWorkflowStateInput, required: true, description: 'The state and what changes.' }),
    },
    authScopes: (_root, { input }, context) => roleInWorkspaceOf(context.workspaceOf('state', input.id.id), manage),
    resolve: async (query, _root, { input }, context) =>
      reread(
        (read) => context.db.workflowState.findUniqueOrThrow(read),
        query,
        context.services.projects.updateState(
          viewerIdOf(context),
          await workspaceIdOf(context, 'state', input.id.id),
          input.id.id,
          {
            name: input.name ?? undefined,
            category: input.category ?? undefined,
            color: input.color ?? undefined,
          },
        ),
      ),
  }),
  moveWorkflowState: t.prismaField({
    description: 'Moves a workflow state to another place on the board. ADMIN and up.',
    type: 'WorkflowState',
    args: {
      input: t.arg({ type: MoveWorkflowStateInput, required: true, description: 'The state and where it goes.' }),
    },
    authScopes: (_root, { input }, context) => roleInWorkspaceOf(context.workspaceOf('state', input.id.id), manage),
    resolve: async (query, _root, { input }, context) =>
      reread(
        (read) => context.db.workflowState.findUniqueOrThrow(read),
        query,
        context.services.projects.moveState(
          viewerIdOf(context),
          await workspaceIdOf(context, 'state', input.id.id),
          input.id.id,
          {
            afterId: input.afterId?.id,
            beforeId: input.beforeId?.id,
          },
        ),
      ),
  }),
  deleteWorkflowState: t.boolean({
    description:
      'Deletes a workflow state. A state that still has tasks needs `moveTasksToStateId`; the last state of a project cannot go. ADMIN and up.',
    args: {
      input: t.arg({
        type: DeleteWorkflowStateInput,
        required: true,
        description: 'The state, and where its tasks go.',
      }),
    },
    authScopes: (_root, { input }, context) => roleInWorkspaceOf(context.workspaceOf('state', input.id.id), manage),
    resolve: async (_root, { input }, context) => {
      await context.services.projects.deleteState(
        viewerIdOf(context),
        await workspaceIdOf(context, 'state', input.id.id),
        input.id.id,
        input.moveTasksToStateId?.id,
      );
      return true;
    },
  }),
}));
