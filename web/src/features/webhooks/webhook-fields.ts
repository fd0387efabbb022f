// What the webhook pages show of a webhook, read by its list, its page, the disabled notice and the answers of the
// mutations that change it (so each change shows everywhere), with the path of its page. It selects `__typename`, so
// that gql.tada's readFragment accepts a webhook read through `node`, which carries its type name.
import { graphql } from '../../graphql.ts';

export const WebhookFields = graphql(`
  fragment WebhookFields on Webhook {
    __typename
    id
    url
    description
    eventTypes
    enabled
    disabledReason
    disabledAt
    failingSince
    previousSecretExpiresAt
    createdAt
    projects {
      id
      key
      name
    }
  }
`);

/** The projects a webhook form offers: the workspace's (up to a page of them). */
export const WebhookProjectChoices = graphql(`
  fragment WebhookProjectChoices on Workspace {
    projects(first: 100) {
      nodes {
        id
        key
        name
      }
    }
  }
`);

/** The path of a webhook's page (its deliveries), under the workspace's settings. */
export const webhookPath = (slug: string, id: string): string => `/${slug}/settings/webhooks/${encodeURIComponent(id)}`;
