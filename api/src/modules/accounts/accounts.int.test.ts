import { describe, expect, test } from '../../../test/fixtures.ts';
import { errorCodes, type GraphQLResponseBody, testAppDeps } from '../../../test/test-api.ts';
import { createApp } from '../../app.ts';

const REGISTER = `mutation Register($input: RegisterInput!) {
  register(input: $input) { accessToken expiresAt user { id email name createdAt } }
}`;
const LOGIN = `mutation Login($input: LoginInput!) {
  login(input: $input) { accessToken expiresAt user { id email } }
}`;
const ME = '{ me { id email name } }';

describe('register', () => {
  test('AUTH-1.1, AUTH-1.2, AUTH-5.1 creates the account, signs in and sets an httpOnly SameSite refresh cookie', async ({
    api,
  }) => {
    const result = await api.operation<{ register: { accessToken: string; user: { email: string; name: string } } }>(
      REGISTER,
      {
        variables: {
          input: { email: '  Ada.Lovelace@Example.COM ', password: 'analytical-engine-1843', name: ' Ada ' },
        },
      },
    );
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data?.register.user).toMatchObject({ email: 'ada.lovelace@example.com', name: 'Ada' });
    expect(result.setCookie).toMatch(/yello_refresh=[^;]+; .*HttpOnly/i);
    expect(result.setCookie).toMatch(/SameSite=Strict/i);
    expect(result.setCookie).toMatch(/Path=\/graphql/i);

    const me = await api.operation(ME, { token: result.body.data?.register.accessToken });
    expect(me.body.data).toMatchObject({ me: { email: 'ada.lovelace@example.com' } });
  });

  test('AUTH-2.4, AUTH-2.5 stores only a bcrypt hash and never returns it', async ({ api, user }) => {
    const stored = await api.db.prisma.user.findUniqueOrThrow({
      where: { email: user.email },
      select: { passwordHash: true },
    });
    expect(stored.passwordHash).not.toContain(user.password);
    expect(stored.passwordHash).toMatch(/^\$2[aby]\$\d\d\$/);
    const signIn = await api.operation(LOGIN, { variables: { input: { email: user.email, password: user.password } } });
    expect(JSON.stringify(signIn.body)).not.toContain(user.password);
    expect(JSON.stringify(signIn.body)).not.toContain(stored.passwordHash);
  });

  test('AUTH-1.4 refuses a taken email, whatever its case, with CONFLICT on the email field', async ({ api, user }) => {
    const result = await api.operation(REGISTER, {
      variables: { input: { email: user.email.toUpperCase(), password: 'analytical-engine-1843', name: 'Copy' } },
    });
    expect(errorCodes(result.body)).toEqual(['CONFLICT']);
    expect(result.body.errors?.[0]?.extensions?.fieldErrors).toEqual([
      { path: ['input', 'email'], message: expect.stringContaining('already exists') },
    ]);
  });

  test('AUTH-1.3, AUTH-1.5, AUTH-1.6 reports every invalid field at once, and writes nothing', async ({ api }) => {
    const before = await api.db.prisma.user.count();
    const result = await api.operation(REGISTER, {
      variables: { input: { email: 'not-an-email', password: 'short', name: '   ' } },
    });
    expect(errorCodes(result.body)).toEqual(['BAD_USER_INPUT']);
    const fields = result.body.errors?.[0]?.extensions?.fieldErrors?.map((error) => error.path.join('.'));
    expect(fields).toEqual(expect.arrayContaining(['input.email', 'input.password', 'input.name']));
    expect(await api.db.prisma.user.count()).toBe(before);
  });

  test.for([
    ['too short', 'Zq7#xw', /at least 8/],
    ['over 72 bytes', 'ü'.repeat(40), /at most 72 bytes/],
    ['common', 'password1234', /too common/],
  ] as const)(
    'AUTH-2.1, AUTH-2.2, AUTH-2.3 refuses a %s password with a clear message',
    async ([, password, message], { api }) => {
      const result = await api.operation(REGISTER, {
        variables: { input: { email: `p-${crypto.randomUUID()}@example.com`, password, name: 'Pat' } },
      });
      expect(result.body.errors?.[0]?.extensions?.fieldErrors).toEqual([
        { path: ['input', 'password'], message: expect.stringMatching(message) },
      ]);
    },
  );
});

describe('login', () => {
  test('AUTH-3.1, AUTH-1.2 signs in with the email in any case and surrounding spaces', async ({ api, user }) => {
    const result = await api.operation<{ login: { accessToken: string; user: { id: string } } }>(LOGIN, {
      variables: { input: { email: ` ${user.email.toUpperCase()} `, password: user.password } },
    });
    expect(result.body.data?.login.user.id).toBe(user.id);
    expect(result.refreshCookie).toBeTruthy();
  });

  test('AUTH-3.2 says the same thing for an unknown email and a wrong password', async ({ api, user }) => {
    const wrongPassword = await api.operation(LOGIN, {
      variables: { input: { email: user.email, password: 'not-the-password' } },
      ip: '192.0.2.10',
    });
    const unknownEmail = await api.operation(LOGIN, {
      variables: { input: { email: 'nobody@example.com', password: 'not-the-password' } },
      ip: '192.0.2.10',
    });
    expect(errorCodes(wrongPassword.body)).toEqual(['UNAUTHENTICATED']);
    expect(unknownEmail.body.errors?.[0]?.message).toBe(wrongPassword.body.errors?.[0]?.message);
    expect(unknownEmail.body.errors?.[0]?.extensions).toEqual(wrongPassword.body.errors?.[0]?.extensions);
  });

  test('AUTH-3.4 throttles repeated failures for one account with RATE_LIMITED and a retry time', async ({
    api,
    user,
  }) => {
    const attempt = (password: string, n: number) =>
      api.operation(LOGIN, { variables: { input: { email: user.email, password } }, ip: `198.51.100.${n}` });
    for (let n = 1; n <= 5; n += 1) {
      expect(errorCodes((await attempt('wrong-password', n)).body)).toEqual(['UNAUTHENTICATED']);
    }
    const blocked = await attempt(user.password, 6);
    expect(errorCodes(blocked.body)).toEqual(['RATE_LIMITED']);
    expect(blocked.body.errors?.[0]?.extensions?.retryAfter).toBeGreaterThan(0);
  });

  test('AUTH-3.9 API processes on one database share the failure count', async ({ api, user }) => {
    // A second app on the same database stands in for a second API process: nothing is shared but the database.
    const otherProcess = createApp(await testAppDeps(api.db, api.clock));
    const loginThere = async (password: string) => {
      const response = await otherProcess.fetch(
        new Request('http://yello.test/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.77' },
          body: JSON.stringify({ query: LOGIN, variables: { input: { email: user.email, password } } }),
        }),
      );
      const body: GraphQLResponseBody<unknown> = await response.json();
      return errorCodes(body);
    };
    for (let n = 1; n <= 3; n += 1) {
      const here = await api.operation(LOGIN, {
        variables: { input: { email: user.email, password: 'wrong-password' } },
        ip: `198.51.100.${n}`,
      });
      expect(errorCodes(here.body)).toEqual(['UNAUTHENTICATED']);
    }
    expect(await loginThere('wrong-password')).toEqual(['UNAUTHENTICATED']);
    expect(await loginThere('wrong-password')).toEqual(['UNAUTHENTICATED']);
    expect(await loginThere(user.password)).toEqual(['RATE_LIMITED']);
    const blockedHere = await api.operation(LOGIN, {
      variables: { input: { email: user.email, password: user.password } },
      ip: '198.51.100.4',
    });
    expect(errorCodes(blockedHere.body)).toEqual(['RATE_LIMITED']);
  });

  test('AUTH-3.5, AUTH-3.7 throttles repeated failures from one client address across accounts', async ({ api }) => {
    let last = await api.operation(LOGIN, { variables: { input: { email: 'a@example.com', password: 'x' } } });
    for (let n = 0; n < 21; n += 1) {
      last = await api.operation(LOGIN, {
        variables: { input: { email: `guess${n}@example.com`, password: 'wrong-password' } },
        ip: '203.0.113.7',
      });
    }
    expect(errorCodes(last.body)).toEqual(['RATE_LIMITED']);
  });
});

describe('profile', () => {
  test('AUTH-3.6 a successful login resets the account’s failure count', async ({ api, user }) => {
    const attempt = (password: string) =>
      api.operation(LOGIN, { variables: { input: { email: user.email, password } }, ip: '198.51.100.99' });
    for (let n = 0; n < 4; n += 1) await attempt('wrong-password');
    expect((await attempt(user.password)).body.errors).toBeUndefined();
    for (let n = 0; n < 4; n += 1) await attempt('wrong-password');
    expect((await attempt(user.password)).body.errors).toBeUndefined();
  });

  test('AUTH-4.5 me is UNAUTHENTICATED without a valid session', async ({ api }) => {
    expect(errorCodes((await api.operation(ME)).body)).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes((await api.operation(ME, { token: 'not-a-jwt' })).body)).toEqual(['UNAUTHENTICATED']);
  });

  test('AUTH-7.1 updateProfile changes the name, trimmed and validated', async ({ api, user }) => {
    const UPDATE = 'mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { name } }';
    const updated = await api.operation(UPDATE, { token: user.accessToken, variables: { input: { name: ' Grace ' } } });
    expect(updated.body.data).toEqual({ updateProfile: { name: 'Grace' } });
    const empty = await api.operation(UPDATE, { token: user.accessToken, variables: { input: { name: ' ' } } });
    expect(empty.body.errors?.[0]?.extensions?.fieldErrors).toEqual([
      { path: ['input', 'name'], message: 'Enter your name.' },
    ]);
  });
});

describe('changePassword', () => {
  const CHANGE = 'mutation($input: ChangePasswordInput!) { changePassword(input: $input) }';

  test('AUTH-8.2 needs the current password', async ({ api, user }) => {
    const result = await api.operation(CHANGE, {
      token: user.accessToken,
      variables: { input: { currentPassword: 'wrong-one-entirely', newPassword: 'fresh-meadow-lark-92' } },
    });
    expect(result.body.errors?.[0]?.extensions?.fieldErrors).toEqual([
      { path: ['input', 'currentPassword'], message: expect.any(String) },
    ]);
  });

  test('AUTH-8.3 applies the password rules to the new password', async ({ api, user }) => {
    const result = await api.operation(CHANGE, {
      token: user.accessToken,
      variables: { input: { currentPassword: user.password, newPassword: 'password' } },
    });
    expect(result.body.errors?.[0]?.extensions?.fieldErrors?.[0]?.path).toEqual(['input', 'newPassword']);
  });

  test('AUTH-8.1, AUTH-8.4 changes the password and ends every other session, keeping this one', async ({
    api,
    user,
  }) => {
    const other = await api.operation<{ login: { accessToken: string } }>(LOGIN, {
      variables: { input: { email: user.email, password: user.password } },
    });
    const result = await api.operation(CHANGE, {
      token: user.accessToken,
      variables: { input: { currentPassword: user.password, newPassword: 'fresh-meadow-lark-92' } },
    });
    expect(result.body).toEqual({ data: { changePassword: true } });
    expect((await api.operation(ME, { token: user.accessToken })).body.data).toBeTruthy();
    expect(errorCodes((await api.operation(ME, { token: other.body.data?.login.accessToken })).body)).toEqual([
      'UNAUTHENTICATED',
    ]);
    const oldLogin = await api.operation(LOGIN, {
      variables: { input: { email: user.email, password: user.password } },
    });
    expect(errorCodes(oldLogin.body)).toEqual(['UNAUTHENTICATED']);
    const newLogin = await api.operation(LOGIN, {
      variables: { input: { email: user.email, password: 'fresh-meadow-lark-92' } },
    });
    expect(newLogin.body.errors).toBeUndefined();
  });
});
