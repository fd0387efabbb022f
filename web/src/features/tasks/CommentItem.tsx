// One comment: author, time, Markdown body; its author edits it in place, and may delete it.
import { createMutation } from '@urql/solid';
import { type FragmentOf, readFragment } from 'gql.tada';
import { createSignal, type JSX, Show } from 'solid-js';
import { Avatar } from '../../components/Avatar.tsx';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { FormError } from '../../components/FormError.tsx';
import { SubmitButton } from '../../components/SubmitButton.tsx';
import { graphql } from '../../graphql.ts';
import { createFormSubmission } from '../../lib/form.ts';
import { timeAgo } from './activity.ts';
import { CommentItemFields } from './comment-fields.ts';
import { Markdown } from './Markdown.tsx';
import { MarkdownEditor } from './MarkdownEditor.tsx';

const EditCommentMutation = graphql(`
  mutation EditComment($input: EditCommentInput!) {
    editComment(input: $input) {
      id
      version
      body
      editedAt
    }
  }
`);

const DeleteCommentMutation = graphql(`
  mutation DeleteComment($id: ID!) {
    deleteComment(id: $id)
  }
`);

interface CommentItemProps {
  readonly comment: FragmentOf<typeof CommentItemFields>;
  readonly canModerate: boolean;
}

export function CommentItem(props: CommentItemProps): JSX.Element {
  const comment = () => readFragment(CommentItemFields, props.comment);
  const [editing, setEditing] = createSignal(false);
  const [, editComment] = createMutation(EditCommentMutation);
  const [, deleteComment] = createMutation(DeleteCommentMutation);
  const author = () => comment().author?.name ?? 'Former member';
  const form = createFormSubmission({
    fields: ['body'],
    send: (value) => editComment({ input: { id: comment().id, body: value('body') } }),
    onSuccess: () => setEditing(false),
  });

  return (
    <li class="comment">
      <Avatar name={author()} size="medium" />
      <div class="comment-main">
        <p class="comment-meta">
          <strong>{author()}</strong>
          <time datetime={comment().createdAt}>{timeAgo(comment().createdAt)}</time>
          <Show when={comment().editedAt}>
            <span>(edited)</span>
          </Show>
        </p>
        <Show
          when={editing()}
          fallback={
            <>
              <Markdown text={comment().body} />
              <Show when={comment().isViewer || props.canModerate}>
                <div class="comment-actions">
                  <Show when={comment().isViewer}>
                    <button type="button" class="link-button" onClick={() => setEditing(true)}>
                      Edit
                    </button>
                  </Show>
                  <ConfirmButton
                    label="Delete"
                    buttonClass="link-button"
                    title="Delete this comment?"
                    confirmLabel="Delete comment"
                    busyLabel="Deleting…"
                    onConfirm={() => deleteComment({ id: comment().id })}
                  >
                    <p>The comment is removed for everyone.</p>
                  </ConfirmButton>
                </div>
              </Show>
            </>
          }
        >
          <form class="form" onSubmit={form.onSubmit} novalidate>
            <FormError message={form.formError()} />
            <MarkdownEditor
              label="Edit comment"
              name="body"
              initial={comment().body}
              rows={3}
              maxLength={20000}
              autofocus
              error={form.fieldError('body')}
              onCancel={() => setEditing(false)}
            />
            <div class="form-actions">
              <SubmitButton busy={form.busy()} busyLabel="Saving…">
                Save
              </SubmitButton>
              <button type="button" class="button button-secondary" onClick={() => setEditing(false)}>
                Cancel
              </button>
            </div>
          </form>
        </Show>
      </div>
    </li>
  );
}
