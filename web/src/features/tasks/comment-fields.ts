// What a comment shows (CommentItem.tsx), apart from the component, so that the workspace's live events
// (workspaces/workspace-events.ts) select it without loading the Markdown renderer.
import { graphql } from '../../graphql.ts';

export const CommentItemFields = graphql(`
  fragment CommentItemFields on Comment {
    id
    body
    createdAt
    editedAt
    isViewer
    author {
      id
      name
    }
  }
`);
