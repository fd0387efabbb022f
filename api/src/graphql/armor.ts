// Limits on what one GraphQL document may ask for (graphql-armor); each rejection carries an
// extensions.code naming the limit. Field suggestions ("Did you mean …?") are for signed-in callers.
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { GraphQLError, type ValidationContext } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Viewer } from './context.ts';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  maxCost: number;
}

export const queryLimits: QueryLimits = {
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 20,
  maxTokens: 1000,
  // graphql-armor multiplies a list by its `first`/`last`: one page of 100 rich rows fits, 100 × 100 does not.
  maxCost: 50_000,
};

/** Re-reports an armor rejection as a validation error carrying `code`. */
function rejectWith(code: string) {
  return {
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => {
        const coded = new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { code } });
        if (context === null) throw coded;
        context.reportError(coded);
      },
    ],
  };
}

export function queryLimitPlugin(limits: QueryLimits = queryLimits): Plugin {
  return EnvelopArmorPlugin({
    // Depth and cost are those of the fields asked for: a fragment is only a way of writing them, so it adds
    // neither a level nor the cost of one (clients that colocate fragments would hit the limits otherwise).
    maxDepth: { n: limits.maxDepth, flattenFragments: true, ...rejectWith('DEPTH_LIMIT_EXCEEDED') },
    maxAliases: { n: limits.maxAliases, ...rejectWith('ALIAS_LIMIT_EXCEEDED') },
    maxDirectives: { n: limits.maxDirectives, ...rejectWith('DIRECTIVE_LIMIT_EXCEEDED') },
    maxTokens: { n: limits.maxTokens, ...rejectWith('TOKEN_LIMIT_EXCEEDED') },
    costLimit: { maxCost: limits.maxCost, flattenFragments: true, ...rejectWith('COST_LIMIT_EXCEEDED') },
    blockFieldSuggestion: { enabled: false },
  });
}

const SUGGESTION = / Did you mean .+\?$/;

/**
 * Removes graphql-js's field suggestions from answers to anonymous callers, so the schema cannot
 * be guessed field by field. Done on the result, not in validation, because Yoga caches
 * validation per document, whoever sends it.
 */
export function hideSuggestionsFromAnonymous(): Plugin<object, { viewer: Viewer | null }> {
  return {
    onResultProcess({ result, setResult, serverContext }) {
      if (serverContext.viewer || Array.isArray(result) || !('errors' in result) || !result.errors) return;
      if (!result.errors.some((error) => SUGGESTION.test(error.message))) return;
      setResult({
        ...result,
        errors: result.errors.map((error) =>
          SUGGESTION.test(error.message) ? new GraphQLError(error.message.replace(SUGGESTION, ''), error) : error,
        ),
      });
    },
  };
}
