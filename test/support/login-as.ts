import { GraphqlClient, postGraphql, requireData } from './graphql-client';

const LOGIN = `mutation Login($username: String!, $password: String!) {
  login(username: $username, password: $password) {
    accessToken
    officer { id username roles unit { id code } }
  }
}`;

export interface Session {
  token: string;
  officer: { id: string; username: string; roles: string[]; unit: { id: string; code: string } };
  /** A GraphQL client that sends this officer's token. */
  client: GraphqlClient;
}

interface LoginData {
  login: { accessToken: string; officer: Session['officer'] };
}

/** Logs a demo-cast officer in (password SIMPUL_DEMO_PASSWORD, default simpul-demo). */
export async function loginAs(
  graphqlUrl: string,
  username: string,
  password = process.env.SIMPUL_DEMO_PASSWORD || 'simpul-demo',
): Promise<Session> {
  const { login } = requireData(
    await postGraphql<LoginData>(graphqlUrl, LOGIN, { username, password }),
  );
  return {
    token: login.accessToken,
    officer: login.officer,
    client: new GraphqlClient(graphqlUrl, login.accessToken),
  };
}

/** Unit ids by unit code, as any client finds them (`units { id code }`). */
export async function findUnitIds(client: GraphqlClient): Promise<Map<string, string>> {
  const { units } = await client.data<{ units: { id: string; code: string }[] }>(
    'query Units { units { id code } }',
  );
  return new Map(units.map((unit) => [unit.code, unit.id]));
}
