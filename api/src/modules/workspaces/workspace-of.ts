// Which workspace a row belongs to, looked up at most once per row and request: the scope that authorizes an
// operation and the resolver that then hands the workspace to a service read the same answer (WS-5.10).

/** The kinds of rows an operation names by id. */
export type OwnedKind =
  | 'project'
  | 'state'
  | 'task'
  | 'label'
  | 'comment'
  | 'membership'
  | 'invitation'
  | 'apiToken'
  | 'webhook'
  | 'webhookDelivery';

/** The workspace of the row `id` of `kind`; undefined when there is no such row. */
export type WorkspaceOf = (kind: OwnedKind, id: string) => Promise<string | undefined>;

export type WorkspaceLookups = Record<OwnedKind, (id: string) => Promise<string | undefined>>;

export function createWorkspaceOf(lookups: WorkspaceLookups): WorkspaceOf {
  const known = new Map<string, Promise<string | undefined>>();
  return (kind, id) => {
    const key = `${kind}:${id}`;
    let workspaceId = known.get(key);
    if (workspaceId === undefined) {
      workspaceId = lookups[kind](id);
      known.set(key, workspaceId);
    }
    return workspaceId;
  };
}
