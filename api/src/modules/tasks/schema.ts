// The tasks module's part of the GraphQL schema: tasks, labels, comments and activity, and the
// task lists of projects and states.

import { TaskActivityKind, TaskPriority } from '../../generated/prisma/enums.ts';
import { builder } from '../../graphql/builder.ts';
import { viewerIdOf, workspaceIdOf } from '../../graphql/context.ts';
import { reread } from '../../graphql/reread.ts';
import { badUserInput, throwNotFound } from '../../shared/errors.ts';
import { UserRef } from '../accounts/schema.ts';
import { ProjectRef, StateCategoryEnum, WorkflowStateRef } from '../projects/schema.ts';
import { requiredRole } from '../workspaces/roles.ts';
import { roleInWorkspaceOf, visiblePerson, WorkspaceRef } from '../workspaces/schema.ts';
import { parseTaskKey } from './inputs.ts';
import { taskOrderBy, taskWhere } from './task-filters.ts';

const TaskPriorityEnum = builder.enumType(TaskPriority, {
  name: 'TaskPriority',
  description: 'How urgent a task is, from NONE (not set) through LOW, MEDIUM and HIGH to URGENT.',
});
const TaskActivityKindEnum = builder.enumType(TaskActivityKind, {
  name: 'TaskActivityKind',
  description: 'What an entry of a task’s history records.',
  values: {
    CREATED: { description: 'The task was created.' },
    CHANGED: { description: 'One field changed: see `field`, `from` and `to`.' },
  },
});
const TaskOrderFieldEnum = builder.enumType('TaskOrderField', {
  description: 'What a task list is ordered by.',
  values: {
    POSITION: { description: 'Board order: column by column, then the order within each column.' },
    PRIORITY: { description: 'Priority, NONE first when ascending.' },
    DUE_DATE: { description: 'Due date; tasks without one come last in either direction.' },
    CREATED: { description: 'Creation time.' },
    UPDATED: { description: 'Time of the last change.' },
  } as const,
});
const OrderDirectionEnum = builder.enumType('OrderDirection', {
  description: 'Ascending or descending.',
  values: ['ASC', 'DESC'] as const,
});

const TaskFilterInput = builder.inputType('TaskFilter', {
  description: 'All given conditions must hold; an empty list sets no condition.',
  fields: (t) => ({
    stateIds: t.globalIDList({ required: false, for: WorkflowStateRef, description: 'Tasks in any of these states.' }),
    stateCategories: t.field({
      type: [StateCategoryEnum],
      required: false,
      description: 'Tasks in a state of any of these categories.',
    }),
    assigneeIds: t.globalIDList({ required: false, description: 'Tasks assigned to any of these users.' }),
    unassigned: t.boolean({ required: false, description: 'Also (or only) tasks nobody is assigned to.' }),
    labelIds: t.globalIDList({ required: false, description: 'Tasks with any of these labels.' }),
    priorities: t.field({
      type: [TaskPriorityEnum],
      required: false,
      description: 'Tasks of any of these priorities.',
    }),
    dueBefore: t.field({
      type: 'Date',
      required: false,
      description: 'Tasks due before this day (not on it); tasks without a due date do not match.',
    }),
    dueAfter: t.field({
      type: 'Date',
      required: false,
      description: 'Tasks due after this day (not on it); tasks without a due date do not match.',
    }),
    search: t.string({
      required: false,
      description:
        'Words that must each appear in the title or the description, ignoring case: at most 20 words and 200 characters (more is BAD_USER_INPUT).',
    }),
  }),
});

const TaskOrderInput = builder.inputType('TaskOrder', {
  description: 'How to order a task list; equal values are ordered by id, so cursors stay stable.',
  fields: (t) => ({
    field: t.field({ type: TaskOrderFieldEnum, defaultValue: 'POSITION', description: 'What to order by.' }),
    direction: t.field({ type: OrderDirectionEnum, defaultValue: 'ASC', description: 'Ascending or descending.' }),
  }),
});

export const LabelRef = builder.prismaNode('Label', {
  description: 'A coloured tag shared by the tasks of a workspace.',
  id: { field: 'id' },
  authScopes: (label) => ({ member: label.workspaceId }),
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Unique in the workspace whatever the case, 1 to 40 characters.' }),
    color: t.exposeString('color', { description: '#RRGGBB, in upper case.' }),
    version: t.exposeInt('version', { description: 'Incremented by every change; compare with an event’s version.' }),
  }),
});

export const TaskRef = builder.prismaNode('Task', {
  description: 'A unit of work in a project, with a key like YEL-42 that never changes hands: numbers are not reused.',
  id: { field: 'id' },
  // Only the columns a query's fields need (a description can be 50 000 characters; the board shows none).
  select: { id: true, workspaceId: true },
  authScopes: (task) => ({ member: task.workspaceId }),
  fields: (t) => ({
    key: t.string({
      description: 'The task’s key, like YEL-42.',
      select: { number: true, project: { select: { key: true } } },
      resolve: (task) => `${task.project.key}-${task.number}`,
    }),
    number: t.exposeInt('number', {
      description: 'Its number in the project, the 42 of YEL-42: given in order and never reused.',
    }),
    version: t.exposeInt('version', { description: 'Incremented by every change; compare with an event’s version.' }),
    title: t.exposeString('title', { description: 'A short summary, 1 to 200 characters.' }),
    description: t.exposeString('description', { description: 'Markdown, as written; empty when there is none.' }),
    priority: t.expose('priority', { type: TaskPriorityEnum, description: 'How urgent it is; NONE unless set.' }),
    dueDate: t.expose('dueDate', { type: 'Date', nullable: true, description: 'The day it is due; null when none.' }),
    position: t.exposeString('position', { description: 'Order within its state (compare as bytes).' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was created.' }),
    updatedAt: t.expose('updatedAt', {
      type: 'DateTime',
      description: 'When it last changed, a move on the board included.',
    }),
    completedAt: t.expose('completedAt', {
      type: 'DateTime',
      nullable: true,
      description:
        'When it entered a COMPLETED or CANCELED state (moving between two such states keeps it); null again once moved out of them. Changing a state’s category, or deleting a state, leaves it as it is.',
    }),
    project: t.relation('project', { description: 'The project it belongs to.' }),
    state: t.relation('state', { description: 'Its workflow state: the board column it is in.' }),
    assignee: t.relation('assignee', {
      nullable: true,
      description: 'Cleared when the assignee leaves the workspace.',
    }),
    creator: t.field({
      type: UserRef,
      nullable: true,
      description: 'Null once they have left the workspace.',
      select: { creator: true },
      resolve: (task, _args, context) => visiblePerson(task.creator, context),
    }),
    labels: t.relation('labels', { description: 'Its labels, by name.', query: { orderBy: { name: 'asc' } } }),
    commentCount: t.relationCount('comments', { description: 'How many comments it has.' }),
    comments: t.relatedConnection('comments', {
      cursor: 'id',
      description: 'Its comments, oldest first.',
      query: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
    }),
    activity: t.relatedConnection('activity', {
      cursor: 'id',
      description: 'Its history, oldest first: its creation, then one entry per field changed.',
      query: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
    }),
  }),
});

builder.prismaNode('Comment', {
  description: 'A Markdown comment on a task. Its author may edit it; its author or an admin may delete it.',
  id: { field: 'id' },
  select: { task: { select: { workspaceId: true } } },
  authScopes: (comment) => ({ member: comment.task.workspaceId }),
  fields: (t) => ({
    body: t.exposeString('body', { description: 'Markdown, as written.' }),
    version: t.exposeInt('version', { description: 'Incremented by every change; compare with an event’s version.' }),
    author: t.field({
      type: UserRef,
      nullable: true,
      description: 'Null once they have left the workspace.',
      select: { author: true },
      resolve: (comment, _args, context) => visiblePerson(comment.author, context),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was written.' }),
    editedAt: t.expose('editedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When it was last edited; null when it never was.',
    }),
    isViewer: t.boolean({
      description: 'Whether you wrote it.',
      select: { authorId: true },
      resolve: (comment, _args, context) => comment.authorId === context.viewer?.userId,
    }),
  }),
});

builder.prismaNode('TaskActivity', {
  description: 'One entry of a task’s history: who created it, or who changed which field from what to what, and when.',
  id: { field: 'id' },
  select: { task: { select: { workspaceId: true } } },
  authScopes: (activity) => ({ member: activity.task.workspaceId }),
  fields: (t) => ({
    kind: t.expose('kind', { type: TaskActivityKindEnum, description: 'Creation or a change of one field.' }),
    field: t.exposeString('field', {
      nullable: true,
      description:
        'The field that changed (CHANGED only): title, description, priority, dueDate, state, assignee or labels.',
    }),
    from: t.string({
      nullable: true,
      description: 'The old value, as JSON.',
      select: { from: true },
      resolve: (activity) => (activity.from === null ? null : JSON.stringify(activity.from)),
    }),
    to: t.string({
      nullable: true,
      description: 'The new value, as JSON.',
      select: { to: true },
      resolve: (activity) => (activity.to === null ? null : JSON.stringify(activity.to)),
    }),
    actor: t.field({
      type: UserRef,
      nullable: true,
      description: 'Null once they have left the workspace.',
      select: { actor: true },
      resolve: (activity, _args, context) => visiblePerson(activity.actor, context),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it happened.' }),
  }),
});

/** The `where` of a task list for its `filter` argument (global ids already decoded by Pothos). */
function filterWhere(filter: typeof TaskFilterInput.$inferInput | null | undefined) {
  return taskWhere(
    filter && {
      ...filter,
      stateIds: filter.stateIds?.map((id) => id.id),
      assigneeIds: filter.assigneeIds?.map((id) => id.id),
      labelIds: filter.labelIds?.map((id) => id.id),
    },
  );
}

builder.prismaObjectField('Project', 'tasks', (t) =>
  t.relatedConnection('tasks', {
    cursor: 'id',
    totalCount: true,
    description: 'The project’s tasks, filtered and ordered (board order by default).',
    args: {
      filter: t.arg({ type: TaskFilterInput, required: false, description: 'Which tasks; all when absent.' }),
      orderBy: t.arg({
        type: TaskOrderInput,
        required: false,
        description: 'How to order them; board order when absent.',
      }),
    },
    query: ({ filter, orderBy }) => ({
      where: filterWhere(filter),
      orderBy: taskOrderBy(orderBy?.field, orderBy?.direction),
    }),
  }),
);

// WEB-7.1: a column filtered as the list is. The condition joins the column's own query (and its count), so a
// filtered board takes as many statements as one without a filter.
builder.prismaObjectField('WorkflowState', 'tasks', (t) =>
  t.relatedConnection('tasks', {
    cursor: 'id',
    totalCount: true,
    description:
      'The tasks of this column, in board order; with a `filter`, only those that match it, and `totalCount` counts those.',
    args: {
      filter: t.arg({
        type: TaskFilterInput,
        required: false,
        description:
          'Which of the column’s tasks, as in `Project.tasks`; all when absent. State conditions apply too: a column of another state has none.',
      }),
    },
    query: ({ filter }) => ({
      where: filterWhere(filter),
      orderBy: [{ position: 'asc' }, { id: 'asc' }],
    }),
  }),
);

builder.prismaObjectField('Workspace', 'labels', (t) =>
  t.relation('labels', { description: 'The workspace’s labels, by name.', query: { orderBy: { name: 'asc' } } }),
);

builder.queryFields((t) => ({
  task: t.withAuth({ loggedIn: true }).prismaField({
    type: 'Task',
    description: 'A task by its workspace’s slug and its key, like YEL-42; a key its project had before finds it too.',
    args: {
      workspaceSlug: t.arg.string({ required: true, description: 'The workspace’s URL name, in any case.' }),
      key: t.arg.string({
        required: true,
        description: 'The task’s key, like YEL-42, in any case; NOT_FOUND for anything that is not a key.',
      }),
    },
    resolve: async (query, _root, { workspaceSlug, key }, context) => {
      const { number, projectKey } = parseTaskKey(key) ?? throwNotFound();
      const workspace = { slug: workspaceSlug.trim().toLowerCase() };
      // The project's current key first (one query, the common case), then the keys it had.
      return (
        (await context.db.task.findFirst({ ...query, where: { number, project: { key: projectKey, workspace } } })) ??
        (await context.db.task.findFirst({
          ...query,
          where: { number, project: { keyAliases: { some: { key: projectKey } }, workspace } },
        })) ??
        throwNotFound()
      );
    },
  }),
}));

const taskFields = {
  title: 'A short summary, 1 to 200 characters.',
  description: 'Markdown, up to 50 000 characters.',
  assignee: 'A member of the workspace (BAD_USER_INPUT otherwise)',
  labels: 'Labels of the same workspace (BAD_USER_INPUT otherwise).',
};

const labelFields = {
  name: '1 to 40 characters, unique in the workspace whatever the case (CONFLICT otherwise).',
  color: '#RRGGBB, like #3B82F6.',
};

const commentBody = 'Markdown, 1 to 20 000 characters once trimmed.';

const CreateTaskInput = builder.inputType('CreateTaskInput', {
  description: 'A new task; it gets the next number of its project.',
  fields: (t) => ({
    projectId: t.globalID({ for: ProjectRef, description: 'The project it goes in.' }),
    title: t.string({ description: taskFields.title }),
    description: t.string({ required: false, description: taskFields.description }),
    stateId: t.globalID({
      required: false,
      description:
        'A state of the project (BAD_USER_INPUT otherwise), where it goes last. When absent, the project’s first UNSTARTED state (its first state if it has none).',
    }),
    priority: t.field({ type: TaskPriorityEnum, required: false, description: 'NONE when absent.' }),
    assigneeId: t.globalID({ required: false, description: `${taskFields.assignee}; nobody when absent.` }),
    dueDate: t.field({ type: 'Date', required: false, description: 'The day it is due; none when absent.' }),
    labelIds: t.globalIDList({ required: false, description: taskFields.labels }),
  }),
});

const UpdateTaskInput = builder.inputType('UpdateTaskInput', {
  description:
    'Only the fields given change. null clears the description, the assignee and the due date; the title, priority, state and labels cannot be cleared (BAD_USER_INPUT).',
  fields: (t) => ({
    id: t.globalID({ for: TaskRef, description: 'The task to change.' }),
    title: t.string({ required: false, description: taskFields.title }),
    description: t.string({ required: false, description: taskFields.description }),
    stateId: t.globalID({
      required: false,
      description:
        'A state of the task’s project (BAD_USER_INPUT otherwise); a new state puts it last there. Use moveTask to place it.',
    }),
    priority: t.field({ type: TaskPriorityEnum, required: false, description: 'How urgent it is.' }),
    assigneeId: t.globalID({ required: false, description: `${taskFields.assignee}; null unassigns.` }),
    dueDate: t.field({ type: 'Date', required: false, description: 'The day it is due; null clears it.' }),
    labelIds: t.globalIDList({
      required: false,
      description: 'The complete set of labels, all of the same workspace (BAD_USER_INPUT otherwise).',
    }),
  }),
});

const MoveTaskInput = builder.inputType('MoveTaskInput', {
  description:
    'Where the task goes on the board: into `stateId`, right after `afterId` or right before `beforeId` (tasks of that state; with both, `afterId` decides); neither puts it at the end.',
  fields: (t) => ({
    id: t.globalID({ for: TaskRef, description: 'The task to move.' }),
    stateId: t.globalID({
      for: WorkflowStateRef,
      description:
        'The state it goes into (its current one to reorder): a state of its project, BAD_USER_INPUT otherwise.',
    }),
    afterId: t.globalID({ required: false, description: 'Place it right after this task of the state.' }),
    beforeId: t.globalID({ required: false, description: 'Place it right before this task of the state.' }),
  }),
});

const CreateLabelInput = builder.inputType('CreateLabelInput', {
  description: 'A new label; names are unique in a workspace.',
  fields: (t) => ({
    workspaceId: t.globalID({ for: WorkspaceRef, description: 'The workspace it goes in.' }),
    name: t.string({ description: labelFields.name }),
    color: t.string({ description: labelFields.color }),
  }),
});

const UpdateLabelInput = builder.inputType('UpdateLabelInput', {
  description: 'Only the fields given change.',
  fields: (t) => ({
    id: t.globalID({ for: LabelRef, description: 'The label to change.' }),
    name: t.string({ required: false, description: labelFields.name }),
    color: t.string({ required: false, description: labelFields.color }),
  }),
});

const AddCommentInput = builder.inputType('AddCommentInput', {
  description: 'A Markdown comment on a task.',
  fields: (t) => ({
    taskId: t.globalID({ for: TaskRef, description: 'The task to comment on.' }),
    body: t.string({ description: commentBody }),
  }),
});

const EditCommentInput = builder.inputType('EditCommentInput', {
  description: 'The comment’s new Markdown body.',
  fields: (t) => ({
    id: t.globalID({ description: 'The comment to edit; only its author may (FORBIDDEN otherwise).' }),
    body: t.string({ description: commentBody }),
  }),
});

const write = requiredRole.write;

/** undefined stays undefined (leave as is); null stays null (clear). */
const idOrNull = (id: { id: string } | null | undefined) => (id === null ? null : id?.id);

builder.mutationFields((t) => ({
  createTask: t.prismaField({
    description:
      'Creates a task with the next number of its project, in the project’s first not-started state unless `stateId` says otherwise. MEMBER and up.',
    type: 'Task',
    args: { input: t.arg({ type: CreateTaskInput, required: true, description: 'The new task.' }) },
    authScopes: (_root, { input }, context) =>
      roleInWorkspaceOf(context.workspaceOf('project', input.projectId.id), write),
    resolve: async (query, _root, { input }, context) =>
      reread(
        (read) => context.db.task.findUniqueOrThrow(read),
        query,
        context.services.tasks.create(
          viewerIdOf(context),
          await workspaceIdOf(context, 'project', input.projectId.id),
          input.projectId.id,
          {
            title: input.title,
            description: input.description ?? undefined,
            priority: input.priority ?? undefined,
            dueDate: input.dueDate,
            stateId: input.stateId?.id,
            assigneeId: idOrNull(input.assigneeId),
            labelIds: input.labelIds?.map((id) => id.id),
          },
        ),
      ),
  }),
  updateTask: t.prismaField({
    description:
      'Changes the fields given and nothing else, so people editing different fields do not overwrite each other; each change is written to the task’s activity. MEMBER and up.',
    type: 'Task',
    args: { input: t.arg({ type: UpdateTaskInput, required: true, description: 'The task and what changes.' }) },
    authScopes: (_root, { input }, context) => roleInWorkspaceOf(context.workspaceOf('task', input.id.id), write),
    resolve: async (query, _root, { input }, context) => {
      const uncleared = (['title', 'priority', 'stateId', 'labelIds'] as const).filter(
        (field) => input[field] === null,
      );
      if (uncleared.length > 0) {
        throw badUserInput(
          uncleared.map((field) => ({
            path: ['input', field],
            message: 'This cannot be cleared; leave it out to keep it.',
          })),
        );
      }
      return reread(
        (read) => context.db.task.findUniqueOrThrow(read),
        query,
        context.services.tasks.update(
          viewerIdOf(context),
          await workspaceIdOf(context, 'task', input.id.id),
          input.id.id,
          {
            title: input.title ?? undefined,
            // A description is cleared with null as with "".
            description: input.description === null ? '' : input.description,
            priority: input.priority ?? undefined,
            dueDate: input.dueDate,
            stateId: input.stateId?.id,
            assigneeId: idOrNull(input.assigneeId),
            labelIds: input.labelIds?.map((id) => id.id),
          },
        ),
      );
    },
  }),
  moveTask: t.prismaField({
    type: 'Task',
    description: 'Moves a task on the board: into a state, between two of its tasks (last when none is given).',
    args: { input: t.arg({ type: MoveTaskInput, required: true, description: 'The task and where it goes.' }) },
    authScopes: (_root, { input }, context) => roleInWorkspaceOf(context.workspaceOf('task', input.id.id), write),
    resolve: async (query, _root, { input }, context) =>
      reread(
        (read) => context.db.task.findUniqueOrThrow(read),
        query,
        context.services.tasks.move(
          viewerIdOf(context),
          await workspaceIdOf(context, 'task', input.id.id),
          input.id.id,
          {
            stateId: input.stateId.id,
            afterId: input.afterId?.id,
            beforeId: input.beforeId?.id,
          },
        ),
      ),
  }),
  deleteTask: t.boolean({
    description: 'Deletes a task with its comments and history. Its number is not reused. MEMBER and up.',
    args: { id: t.arg.globalID({ required: true, for: TaskRef, description: 'The task to delete.' }) },
    authScopes: (_root, { id }, context) => roleInWorkspaceOf(context.workspaceOf('task', id.id), write),
    resolve: async (_root, { id }, context) => {
      await context.services.tasks.delete(viewerIdOf(context), await workspaceIdOf(context, 'task', id.id), id.id);
      return true;
    },
  }),
  createLabel: t.prismaField({
    description: 'Creates a label in a workspace. MEMBER and up.',
    type: 'Label',
    args: { input: t.arg({ type: CreateLabelInput, required: true, description: 'The new label.' }) },
    authScopes: (_root, { input }) => ({ role: { workspaceId: input.workspaceId.id, atLeast: write } }),
    resolve: (query, _root, { input }, context) =>
      reread(
        (read) => context.db.label.findUniqueOrThrow(read),
        query,
        context.services.labels.create(viewerIdOf(context), input.workspaceId.id, {
          name: input.name,
          color: input.color,
        }),
      ),
  }),
  updateLabel: t.prismaField({
    description: 'Renames or recolours a label. MEMBER and up.',
    type: 'Label',
    args: { input: t.arg({ type: UpdateLabelInput, required: true, description: 'The label and what changes.' }) },
    authScopes: (_root, { input }, context) => roleInWorkspaceOf(context.workspaceOf('label', input.id.id), write),
    resolve: async (query, _root, { input }, context) =>
      reread(
        (read) => context.db.label.findUniqueOrThrow(read),
        query,
        context.services.labels.update(
          viewerIdOf(context),
          await workspaceIdOf(context, 'label', input.id.id),
          input.id.id,
          {
            name: input.name ?? undefined,
            color: input.color ?? undefined,
          },
        ),
      ),
  }),
  deleteLabel: t.boolean({
    description: 'Deletes a label; the tasks that had it keep the rest of their labels. MEMBER and up.',
    args: { id: t.arg.globalID({ required: true, for: LabelRef, description: 'The label to delete.' }) },
    authScopes: (_root, { id }, context) => roleInWorkspaceOf(context.workspaceOf('label', id.id), write),
    resolve: async (_root, { id }, context) => {
      await context.services.labels.delete(viewerIdOf(context), await workspaceIdOf(context, 'label', id.id), id.id);
      return true;
    },
  }),
  addComment: t.prismaField({
    description: 'Adds a Markdown comment to a task. MEMBER and up.',
    type: 'Comment',
    args: { input: t.arg({ type: AddCommentInput, required: true, description: 'The task and the comment.' }) },
    authScopes: (_root, { input }, context) => roleInWorkspaceOf(context.workspaceOf('task', input.taskId.id), write),
    resolve: async (query, _root, { input }, context) =>
      reread(
        (read) => context.db.comment.findUniqueOrThrow(read),
        query,
        context.services.comments.add(
          viewerIdOf(context),
          await workspaceIdOf(context, 'task', input.taskId.id),
          input.taskId.id,
          {
            body: input.body,
          },
        ),
      ),
  }),
  editComment: t.prismaField({
    type: 'Comment',
    description: 'Edits your own comment.',
    args: { input: t.arg({ type: EditCommentInput, required: true, description: 'The comment and its new body.' }) },
    authScopes: (_root, { input }, context) => roleInWorkspaceOf(context.workspaceOf('comment', input.id.id), write),
    resolve: async (query, _root, { input }, context) =>
      reread(
        (read) => context.db.comment.findUniqueOrThrow(read),
        query,
        context.services.comments.edit(
          viewerIdOf(context),
          await workspaceIdOf(context, 'comment', input.id.id),
          input.id.id,
          {
            body: input.body,
          },
        ),
      ),
  }),
  deleteComment: t.boolean({
    description: 'Deletes your own comment; admins and owners may delete any.',
    args: {
      id: t.arg.globalID({
        required: true,
        description: 'The comment to delete; another’s is FORBIDDEN below ADMIN.',
      }),
    },
    authScopes: (_root, { id }, context) => roleInWorkspaceOf(context.workspaceOf('comment', id.id), write),
    resolve: async (_root, { id }, context) => {
      const workspaceId = await workspaceIdOf(context, 'comment', id.id);
      await context.services.comments.delete(
        viewerIdOf(context),
        await context.memberships.roleIn(workspaceId),
        workspaceId,
        id.id,
      );
      return true;
    },
  }),
}));
