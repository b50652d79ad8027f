/** GraphQL over HTTP exactly as an agency client speaks it: POST /graphql with a JSON body. */

export interface GraphqlError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

export interface GraphqlResponse<T> {
  /** HTTP status of the response. */
  status: number;
  data?: T | null;
  errors?: GraphqlError[];
}

export type Variables = Record<string, unknown>;

/** POSTs one operation; never throws for GraphQL errors (they are in `errors`). */
export async function postGraphql<T>(
  url: string,
  query: string,
  variables: Variables = {},
  token?: string,
): Promise<GraphqlResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  let body: Omit<GraphqlResponse<T>, 'status'> = {};
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    body = {
      errors: [{ message: `non-JSON response (HTTP ${response.status}): ${text.slice(0, 200)}` }],
    };
  }
  return { status: response.status, ...body };
}

/** The `data` of a response that must have succeeded; otherwise throws with the errors. */
export function requireData<T>(response: GraphqlResponse<T>): T {
  if (response.errors?.length || !response.data) {
    throw new Error(
      `GraphQL request failed (HTTP ${response.status}): ${JSON.stringify(response.errors)}`,
    );
  }
  return response.data;
}

/** `extensions.code` of the first error, if any. */
export const errorCodeOf = (response: GraphqlResponse<unknown>): string | undefined =>
  response.errors?.[0]?.extensions?.code;

/** A client bound to one endpoint and, optionally, one officer's token. */
export class GraphqlClient {
  constructor(
    readonly url: string,
    readonly token?: string,
  ) {}

  request<T>(query: string, variables: Variables = {}): Promise<GraphqlResponse<T>> {
    return postGraphql<T>(this.url, query, variables, this.token);
  }

  /** Like `request`, but returns `data` and throws when the operation failed. */
  async data<T>(query: string, variables: Variables = {}): Promise<T> {
    return requireData(await this.request<T>(query, variables));
  }
}
