// A task's comments, oldest first, and the form to add one; authors edit and delete their own, managers
// delete any.
import { createMutation, createQuery, useClient } from '@urql/solid';
import { For, type JSX, Show } from 'solid-js';
import { FormError } from '../../components/FormError.tsx';
import { QueryView } from '../../components/QueryView.tsx';
import { ShowMore } from '../../components/ShowMore.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { graphql } from '../../graphql.ts';
import { createFormSubmission } from '../../lib/form.ts';
import { CommentItem } from './CommentItem.tsx';
import { CommentItemFields } from './comment-fields.ts';
import { MarkdownEditor } from './MarkdownEditor.tsx';

const TaskCommentsQuery = graphql(
  `
    query TaskComments($slug: String!, $key: String!, $after: String) {
      task(workspaceSlug: $slug, key: $key) {
        id
        comments(first: 50, after: $after) {
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            id
            ...CommentItemFields
          }
        }
      }
    }
  `,
  [CommentItemFields],
);

const AddCommentMutation = graphql(`
  mutation AddComment($input: AddCommentInput!) {
    addComment(input: $input) {
      id
      version
    }
  }
`);

interface CommentsProps {
  readonly slug: string;
  readonly taskKey: string;
  readonly taskId: string;
  readonly canWrite: boolean;
  /** Managers may delete anyone's comment. */
  readonly canModerate: boolean;
}

export function Comments(props: CommentsProps): JSX.Element {
  const client = useClient();
  const variables = () => ({ slug: props.slug, key: props.taskKey });
  const [comments, refetch] = createQuery({ query: TaskCommentsQuery, variables });
  const loadMore = (after: string) => client.query(TaskCommentsQuery, { ...variables(), after }).toPromise();
  const [, addComment] = createMutation(AddCommentMutation);
  let clear: (() => void) | undefined;
  const form = createFormSubmission({
    fields: ['body'],
    send: (value) => addComment({ input: { taskId: props.taskId, body: value('body') } }),
    onSuccess: () => clear?.(),
  });

  return (
    <>
      <QueryView
        state={comments}
        loadingLabel="Loading comments…"
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
      >
        {(data) => (
          <>
            <Show when={data().task.comments.nodes.length === 0}>
              <p class="empty-note">No comments yet.</p>
            </Show>
            <ol class="comments">
              <For each={data().task.comments.nodes}>
                {(comment) => <CommentItem comment={comment} canModerate={props.canModerate} />}
              </For>
            </ol>
            <ShowMore pageInfo={data().task.comments.pageInfo} load={loadMore} />
          </>
        )}
      </QueryView>
      <Show when={props.canWrite}>
        <form class="form comment-form" onSubmit={form.onSubmit} novalidate>
          <FormError message={form.formError()} />
          <MarkdownEditor
            label="Add a comment"
            name="body"
            rows={3}
            maxLength={20000}
            placeholder="Write a comment… (Ctrl + Enter to send)"
            error={form.fieldError('body')}
            reset={(reset) => {
              clear = reset;
            }}
          />
          <SubmitButton busy={form.busy()} busyLabel="Sending…">
            Comment
          </SubmitButton>
        </form>
      </Show>
    </>
  );
}
