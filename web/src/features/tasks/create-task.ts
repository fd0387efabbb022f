// The createTask mutation shared by the column's quick create and the "New task" dialog. The cache adds the new
// task to its board column (lib/client.ts), so the result carries everything a card shows.
import { createMutation } from '@urql/solid';
import { graphql } from '../../graphql.ts';
import { TaskCardFields } from './TaskCard.tsx';

const CreateTaskMutation = graphql(
  `
    mutation CreateTask($input: CreateTaskInput!) {
      createTask(input: $input) {
        id
        position
        key
        state {
          id
          name
        }
        ...TaskCardFields
      }
    }
  `,
  [TaskCardFields],
);

export const createTaskMutation = () => createMutation(CreateTaskMutation);
