// Leaving the workspace, for every member; the API refuses the last owner with a message shown in the dialog.
import { useNavigate } from '@solidjs/router';
import { createMutation } from '@urql/solid';
import type { JSX } from 'solid-js';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { graphql } from '../../graphql.ts';

const LeaveWorkspaceMutation = graphql(`
  mutation LeaveWorkspace($workspaceId: ID!) {
    leaveWorkspace(workspaceId: $workspaceId)
  }
`);

interface LeaveWorkspaceProps {
  readonly workspaceId: string;
  readonly workspaceName: string;
}

export function LeaveWorkspace(props: LeaveWorkspaceProps): JSX.Element {
  const navigate = useNavigate();
  const [, leaveWorkspace] = createMutation(LeaveWorkspaceMutation);

  const leave = async () => {
    const result = await leaveWorkspace({ workspaceId: props.workspaceId });
    if (!result.error) navigate('/', { replace: true });
    return result;
  };

  return (
    <section class="card card-quiet" aria-labelledby="leave-heading">
      <div class="card-split">
        <div>
          <h2 id="leave-heading">Leave workspace</h2>
          <p class="card-lead">You lose access to {props.workspaceName} until someone invites you again.</p>
        </div>
        <ConfirmButton
          label="Leave workspace"
          title={`Leave ${props.workspaceName}?`}
          confirmLabel="Leave workspace"
          busyLabel="Leaving…"
          onConfirm={leave}
        >
          <p>You lose access to {props.workspaceName} and its projects until someone invites you again.</p>
        </ConfirmButton>
      </div>
    </section>
  );
}
