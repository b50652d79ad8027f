import type { ApolloServerPlugin } from './apollo-plugin';
import { Lexer, Source, TokenKind } from 'graphql';
import { RequestRefusedError } from './early-refusal';

/** True when `query` has more than `max` tokens (comments do not count). Stops lexing at max + 1. */
export function exceedsTokenLimit(query: string, max: number): boolean {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) {
      if (++count > max) return true;
    }
  } catch {
    return false; // not lexable: the parser reports it as GRAPHQL_PARSE_FAILED
  }
  return false;
}

/**
 * Refuses an operation of more than GRAPHQL_MAX_TOKENS tokens before it is parsed, so that the
 * parser and the validation rules never see an oversized document (400 GRAPHQL_VALIDATION_FAILED).
 * Documents Apollo already parsed once come from its document cache and skip this hook.
 */
export function maxTokensPlugin(maxTokens: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async parsingDidStart({ source }) {
          if (source !== undefined && exceedsTokenLimit(source, maxTokens)) {
            throw new RequestRefusedError(`Token limit of ${maxTokens} exceeded.`, {
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
