/** One GraphQL operation over HTTP, with the extra headers a test needs (X-Forwarded-For …). */

export interface GraphqlResult<T> {
  status: number;
  data?: T | null;
  errors?: {
    message: string;
    extensions?: { code?: string; field?: string; retryAfterSeconds?: number };
  }[];
}

export interface RequestOptions {
  token?: string;
  headers?: Record<string, string>;
}

export async function graphqlRequest<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  { token, headers = {} }: RequestOptions = {},
): Promise<GraphqlResult<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    ...((await response.json()) as Omit<GraphqlResult<T>, 'status'>),
  };
}

/** `extensions.code` of the first error, if any. */
export const errorCode = (result: GraphqlResult<unknown>): string | undefined =>
  result.errors?.[0]?.extensions?.code;

/** `data` of an operation that must succeed. */
export function dataOf<T>(result: GraphqlResult<T>): T {
  if (result.errors?.length || !result.data) {
    throw new Error(`GraphQL failed (HTTP ${result.status}): ${JSON.stringify(result.errors)}`);
  }
  return result.data;
}

export const LOGIN = `mutation Login($username: String!, $password: String!) {
  login(username: $username, password: $password) {
    accessToken expiresAt refreshToken
    officer { id username active }
  }
}`;

export interface AuthPayload {
  accessToken: string;
  expiresAt: string;
  refreshToken: string | null;
  officer: { id: string; username: string; active: boolean };
}

export async function signIn(
  url: string,
  username: string,
  password = process.env.SIMPUL_DEMO_PASSWORD || 'simpul-demo',
  headers: Record<string, string> = {},
): Promise<AuthPayload> {
  const result = await graphqlRequest<{ login: AuthPayload }>(
    url,
    LOGIN,
    { username, password },
    { headers },
  );
  return dataOf(result).login;
}
