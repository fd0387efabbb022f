// `/new`: create another workspace.
import type { JSX } from 'solid-js';
import { setPageTitle } from '../../lib/page-title.ts';
import { CreateWorkspaceForm } from './CreateWorkspaceForm.tsx';

export default function CreateWorkspacePage(): JSX.Element {
  setPageTitle('Create a workspace');
  return (
    <div class="page">
      <header class="page-header">
        <h1>Create a workspace</h1>
        <p class="lead">A separate space for another team: its own members, projects and tasks.</p>
      </header>
      <section class="card" aria-labelledby="new-workspace-heading">
        <h2 id="new-workspace-heading">Workspace details</h2>
        <p class="card-lead">You will be its owner and can invite people once it exists.</p>
        <CreateWorkspaceForm />
      </section>
    </div>
  );
}
