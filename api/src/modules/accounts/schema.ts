// The accounts module's part of the GraphQL schema: User, Session, AuthPayload and their fields.
import { builder } from '../../graphql/builder.ts';
import type { Context } from '../../graphql/context.ts';
import { forbidden, unauthenticated } from '../../shared/errors.ts';
import { auditSourceOf } from '../audit/audit-log.ts';
import type { SignedIn } from './accounts.ts';

export const UserRef = builder.prismaNode('User', {
  description: 'A person with a Yello account. You can see yourself and the people who share a workspace with you.',
  id: { field: 'id' },
  // Yourself, and the people you share a workspace with.
  authScopes: (user) => ({ $any: { self: user.id, coMember: user.id } }),
  fields: (t) => ({
    email: t.exposeString('email', { description: 'Their sign-in email address, in lower case.' }),
    name: t.exposeString('name', { description: 'The name others see, 1 to 100 characters.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the account was registered.' }),
  }),
});

const SessionRef = builder.prismaNode('Session', {
  id: { field: 'id' },
  description: 'A signed-in device or browser.',
  // A person's own, and never through an API token, even by id (INT-1.5).
  authScopes: (session) => ({ $all: { person: true, self: session.userId } }),
  fields: (t) => ({
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When you signed in on this device.' }),
    lastUsedAt: t.expose('lastUsedAt', {
      type: 'DateTime',
      description: 'When the session last made a request or refreshed its token, to within a minute.',
    }),
    expiresAt: t.expose('expiresAt', {
      type: 'DateTime',
      description: 'When it ends unless revoked before: 30 days after sign-in; refreshing does not extend it.',
    }),
    userAgent: t.exposeString('userAgent', {
      nullable: true,
      description: 'The browser’s User-Agent at sign-in, cut to 512 characters; null when none was sent.',
    }),
    ipAddress: t.exposeString('ipAddress', {
      nullable: true,
      description:
        'The address it signed in from (the first X-Forwarded-For entry behind a trusted proxy); null when unknown.',
    }),
    current: t.boolean({
      description: 'Whether this is the session making the request.',
      resolve: (session, _args, context) =>
        context.viewer?.kind === 'session' && session.id === context.viewer.sessionId,
    }),
  }),
});

const AuthPayload = builder.objectRef<SignedIn>('AuthPayload').implement({
  description:
    'A signed-in session: the access token for the `Authorization` header, valid for minutes. The refresh token travels in an httpOnly cookie; `refreshSession` trades it for a new access token.',
  fields: (t) => ({
    accessToken: t.string({
      description: 'Send as `Authorization: Bearer <accessToken>`.',
      resolve: ({ session }) => session.accessToken.token,
    }),
    expiresAt: t.field({
      type: 'DateTime',
      description: 'When the access token stops working; call refreshSession before then.',
      resolve: ({ session }) => session.accessToken.expiresAt,
    }),
    user: t.field({ type: UserRef, description: 'The user now signed in.', resolve: ({ user }) => user }),
  }),
});

/**
 * The rest of this response speaks for the session just opened: it becomes the viewer, and its
 * refresh cookie is set.
 */
async function signedIn(context: Context, result: SignedIn): Promise<SignedIn> {
  context.viewer = {
    kind: 'session',
    userId: result.session.userId,
    sessionId: result.session.sessionId,
    expiresAt: result.session.accessToken.expiresAt,
  };
  context.memberships.reset();
  await context.refreshCookie.write(result.session.refreshToken, result.session.refreshExpiresAt);
  return result;
}

const RegisterInput = builder.inputType('RegisterInput', {
  description: 'A new account.',
  fields: (t) => ({
    email: t.string({
      description:
        'Your email address, at most 254 characters; stored in lower case. CONFLICT when it already has an account.',
    }),
    password: t.string({
      description:
        'At least 8 characters and at most 72 bytes; common passwords, and ones built on your email or name, are refused.',
    }),
    name: t.string({ description: 'The name others see, 1 to 100 characters.' }),
  }),
});

const LoginInput = builder.inputType('LoginInput', {
  description:
    'Email and password. After repeated failures for an email or from an address, login answers RATE_LIMITED for a while.',
  fields: (t) => ({
    email: t.string({ description: 'Your account’s email address, in any case.' }),
    password: t.string({ description: 'Your password.' }),
  }),
});

const UpdateProfileInput = builder.inputType('UpdateProfileInput', {
  description: 'Your new name.',
  fields: (t) => ({ name: t.string({ description: '1 to 100 characters.' }) }),
});

const ChangePasswordInput = builder.inputType('ChangePasswordInput', {
  description: 'Your current password and the new one.',
  fields: (t) => ({
    currentPassword: t.string({
      description:
        'Your password now. A wrong one is BAD_USER_INPUT and counts as a failed sign-in (RATE_LIMITED after repeated failures).',
    }),
    newPassword: t.string({
      description:
        'At least 8 characters and at most 72 bytes; common passwords, and ones built on your email or name, are refused.',
    }),
  }),
});

builder.queryFields((t) => ({
  me: t.withAuth({ loggedIn: true }).prismaField({
    type: 'User',
    description: 'The signed-in user.',
    resolve: (query, _root, _args, context) =>
      context.db.user.findUniqueOrThrow({ ...query, where: { id: context.viewer.userId } }),
  }),
  sessions: t.withAuth({ person: true }).prismaField({
    type: ['Session'],
    description: "The viewer's open sessions, most recently used first.",
    resolve: (query, _root, _args, context) =>
      context.db.session.findMany({
        ...query,
        where: context.services.sessions.activeWhere(context.viewer.userId),
        orderBy: { lastUsedAt: 'desc' },
      }),
  }),
}));

builder.mutationFields((t) => ({
  register: t.field({
    type: AuthPayload,
    description: 'Creates an account and signs in. Sets the httpOnly refresh cookie.',
    args: { input: t.arg({ type: RegisterInput, required: true, description: 'The new account.' }) },
    resolve: async (_root, { input }, context) =>
      signedIn(context, await context.services.accounts.register(input, context.client)),
  }),
  login: t.field({
    type: AuthPayload,
    description: 'Signs in with email and password. Sets the httpOnly refresh cookie.',
    args: { input: t.arg({ type: LoginInput, required: true, description: 'Email and password.' }) },
    resolve: async (_root, { input }, context) =>
      signedIn(context, await context.services.accounts.login(input, context.client)),
  }),
  refreshSession: t.field({
    type: AuthPayload,
    description: 'Trades the refresh cookie for a new access token, and rotates the cookie.',
    resolve: async (_root, _args, context) => {
      const token = await context.refreshCookie.read();
      if (!token) throw unauthenticated('You are not signed in.');
      const session = await context.services.sessions.refresh(token, context.client).catch(async (error: unknown) => {
        await context.refreshCookie.clear();
        throw error;
      });
      const user = await context.db.user.findUniqueOrThrow({ where: { id: session.userId } });
      return signedIn(context, { user, session });
    },
  }),
  logout: t.boolean({
    description: 'Ends the current session: its access token stops working at once.',
    resolve: async (_root, _args, context) => {
      if (context.viewer?.kind === 'token') throw forbidden('An API token has no session to end: revoke the token.');
      await context.refreshCookie.clear();
      if (!context.viewer || context.viewer.kind === 'webhook') throw unauthenticated();
      await context.services.sessions.revoke(
        context.viewer.userId,
        context.viewer.sessionId,
        'SIGN_OUT',
        auditSourceOf(context),
      );
      return true;
    },
  }),
  updateProfile: t.withAuth({ person: true }).field({
    type: UserRef,
    description: 'Changes your name.',
    args: { input: t.arg({ type: UpdateProfileInput, required: true, description: 'Your new name.' }) },
    resolve: (_root, { input }, context) => context.services.accounts.updateProfile(context.viewer, input),
  }),
  changePassword: t.withAuth({ person: true }).boolean({
    description: 'Changes the password and ends every other session.',
    args: {
      input: t.arg({
        type: ChangePasswordInput,
        required: true,
        description: 'Your current password and the new one.',
      }),
    },
    resolve: async (_root, { input }, context) => {
      await context.services.accounts.changePassword(context.viewer, input, auditSourceOf(context));
      return true;
    },
  }),
  revokeSession: t.withAuth({ person: true }).boolean({
    description: "Ends one of the viewer's sessions.",
    args: {
      id: t.arg.globalID({
        required: true,
        for: SessionRef,
        description: 'The session’s id, from `sessions`; NOT_FOUND when it is not yours or has ended.',
      }),
    },
    resolve: async (_root, { id }, context) => {
      // Revoking the current session this way is a revocation too, not a sign-out: the person chose it from the list.
      await context.services.sessions.revoke(context.viewer.userId, id.id, 'SESSION_REVOKED', auditSourceOf(context));
      if (id.id === context.viewer.sessionId) await context.refreshCookie.clear();
      return true;
    },
  }),
}));
