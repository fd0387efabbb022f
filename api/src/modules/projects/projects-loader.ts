// Projects named by id within a workspace, loaded together once per request: the projects of every webhook of a
// list cost one query, however many webhooks (HOOK-4.6).
import DataLoader from 'dataloader';
import type { Db } from '../../db/database.ts';
import type { Project } from '../../generated/prisma/client.ts';

/** Some projects of one workspace, by id. */
export interface ProjectsOfWorkspace {
  readonly workspaceId: string;
  readonly ids: readonly string[];
}

/**
 * The projects of `workspaceId` among `ids`, in name order: an id of another workspace's project, or of none, is
 * left out. Batched per request; the tenant check is in the query's where, and again per key.
 */
export type ProjectsLoader = DataLoader<ProjectsOfWorkspace, Project[]>;

export function createProjectsLoader(db: Db): ProjectsLoader {
  return new DataLoader<ProjectsOfWorkspace, Project[]>(
    async (keys) => {
      const workspaceIds = [...new Set(keys.map((key) => key.workspaceId))];
      const ids = [...new Set(keys.flatMap((key) => key.ids))];
      const projects =
        ids.length === 0
          ? []
          : await db.project.findMany({
              where: { id: { in: ids }, workspaceId: { in: workspaceIds } },
              orderBy: [{ name: 'asc' }, { id: 'asc' }],
            });
      return keys.map((key) => {
        const wanted = new Set(key.ids);
        return projects.filter((project) => project.workspaceId === key.workspaceId && wanted.has(project.id));
      });
    },
    // Batching only, no cache: a mutation earlier in the same operation (renaming a project, changing a webhook's
    // projects) is seen by the fields read after it.
    { cache: false },
  );
}
