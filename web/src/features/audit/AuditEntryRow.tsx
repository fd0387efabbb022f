// One audit entry: what happened to what, who did it with which credential, from where and when, and its details.
// The workspace's audit log and the profile's security activity show the same rows.
import { type FragmentOf, readFragment } from 'gql.tada';
import { For, type JSX, Show } from 'solid-js';
import { graphql } from '../../graphql.ts';
import { formatDateTime } from '../workspaces/format.ts';
import { actionLabels, detailPhrases } from './audit-log.ts';

export const AuditEntryFields = graphql(`
  fragment AuditEntryFields on AuditEntry {
    id
    action
    createdAt
    actor {
      id
      name
    }
    actorName
    apiTokenId
    ipAddress
    userAgent
    targetType
    targetLabel
    details {
      name
      value
    }
  }
`);

/** Who acted, in words: the person, their name once they left, else nobody signed in (a failed sign-in) or Yello. */
function actorText(entry: FragmentOf<typeof AuditEntryFields>): string {
  const { action, actor, actorName } = readFragment(AuditEntryFields, entry);
  return actor?.name ?? actorName ?? (action === 'SIGN_IN_FAILED' ? 'Not signed in' : 'Yello');
}

interface AuditEntryRowProps {
  readonly entry: FragmentOf<typeof AuditEntryFields>;
  /**
   * Whether the entry is of the reader's own account (the profile): who acted and the account itself go without
   * saying; a workspace's log names both.
   */
  readonly ownAccount: boolean;
}

export function AuditEntryRow(props: AuditEntryRowProps): JSX.Element {
  const entry = () => readFragment(AuditEntryFields, props.entry);
  const target = () => (props.ownAccount && entry().targetType === 'ACCOUNT' ? null : entry().targetLabel);
  return (
    <li class="row audit-entry">
      <div class="row-details">
        <p class="row-title">
          <span>{actionLabels[entry().action]}</span>
          <Show when={target()}>{(label) => <span class="audit-target">{label()}</span>}</Show>
        </p>
        <p class="row-meta">
          <Show when={!props.ownAccount}>
            <span class="audit-actor">{actorText(props.entry)}</span>
          </Show>
          <Show when={entry().apiTokenId}>
            <span class="badge">API token</span>
          </Show>
          <time dateTime={entry().createdAt}>{formatDateTime(entry().createdAt)}</time>
          <Show when={entry().ipAddress}>{(address) => <span>From {address()}</span>}</Show>
          <Show when={entry().userAgent}>{(agent) => <span class="audit-agent">{agent()}</span>}</Show>
        </p>
        <Show when={entry().details.length > 0}>
          <p class="row-meta audit-details">
            <For each={detailPhrases(entry().details)}>{(phrase) => <span>{phrase}</span>}</For>
          </p>
        </Show>
      </div>
    </li>
  );
}
