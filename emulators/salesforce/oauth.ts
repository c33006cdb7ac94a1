import { createHmac, createPublicKey, verify, X509Certificate, type KeyObject } from 'node:crypto';
import { opaqueToken } from './ids.js';
import type { Org, OrgUser } from './org.js';

/** The grant type of the OAuth 2.0 JWT bearer flow. */
export const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

/** A connected app: consumer key, optional secret, and the certificate its JWT assertions are checked against. */
export interface ConnectedApp {
  clientId: string;
  clientSecret?: string;
  publicKey?: KeyObject;
}

/** Who a token stands for. */
export interface Grant {
  orgId: string;
  userId: string;
}

/** Access tokens (session ids) and refresh tokens the emulator has issued. */
export class SessionRegistry {
  private readonly accessTokens = new Map<string, Grant>();
  private readonly refreshTokens = new Map<string, Grant & { clientId: string }>();

  /** A new session id, shaped like Salesforce's `<org id 15>!<opaque>`. */
  issueAccessToken(grant: Grant): string {
    const token = `${grant.orgId.slice(0, 15)}!AQ${opaqueToken(72)}`;
    this.accessTokens.set(token, { ...grant });
    return token;
  }

  /** A new refresh token bound to the client that obtained it. */
  issueRefreshToken(grant: Grant, clientId: string): string {
    const token = `5Aep861${opaqueToken(60)}`;
    this.refreshTokens.set(token, { ...grant, clientId });
    return token;
  }

  /** The grant behind a live session id. */
  session(token: string | undefined): Grant | undefined {
    return token ? this.accessTokens.get(token) : undefined;
  }

  /** The grant behind a refresh token, with the client it was issued to. */
  refreshGrant(token: string): (Grant & { clientId: string }) | undefined {
    return this.refreshTokens.get(token);
  }

  /** Ends sessions (all, or one org's); refresh tokens stay valid, as when sessions time out. */
  expire(orgId?: string): void {
    for (const [token, grant] of this.accessTokens) if (!orgId || grant.orgId === orgId) this.accessTokens.delete(token);
  }

  /** Revokes one token of either kind (`/services/oauth2/revoke`). */
  revoke(token: string): boolean {
    return this.accessTokens.delete(token) || this.refreshTokens.delete(token);
  }
}

/** Reads a PEM certificate or public key into the key JWT signatures are verified with. */
export function publicKeyOf(pem: string): KeyObject {
  return pem.includes('BEGIN CERTIFICATE') ? new X509Certificate(pem).publicKey : createPublicKey(pem);
}

/** What the token endpoint needs from the emulator. */
export interface TokenContext {
  url: string;
  apps: ReadonlyMap<string, ConnectedApp>;
  sessions: SessionRegistry;
  orgById(id: string): Org | undefined;
  userByUsername(username: string): { org: Org; user: OrgUser } | undefined;
}

/** The token endpoint's answer, and what the request log may say about it. */
export interface TokenResponse {
  status: number;
  body: Record<string, unknown>;
  orgId?: string;
  detail: Record<string, unknown>;
}

const oauthError = (error: string, description: string, detail: Record<string, unknown>): TokenResponse => ({
  status: 400,
  body: { error, error_description: description },
  detail: { ...detail, error },
});

/**
 * What an assertion's `aud` may name for a user of this org (Salesforce Help, "OAuth 2.0 JWT
 * Bearer Flow for Server-to-Server Integration": "The aud claim is https://login.salesforce.com,
 * https://test.salesforce.com, or https://site.force.com/customers if implementing for an
 * Experience Cloud site" — login for production, test for a sandbox), or the org's own My
 * Domain / instance URL, which the emulator's URL stands for.
 */
function acceptedAudiences(url: string, isSandbox: boolean): Set<string> {
  return new Set([url, isSandbox ? 'https://test.salesforce.com' : 'https://login.salesforce.com']);
}

/** `POST /services/oauth2/token` for the refresh-token and JWT bearer grants, with Salesforce's error bodies. */
export function tokenRequest(form: URLSearchParams, context: TokenContext): TokenResponse {
  const grantType = form.get('grant_type') ?? '';
  const detail: Record<string, unknown> = { grantType };
  if (grantType === 'refresh_token') {
    const clientId = form.get('client_id') ?? '';
    const app = context.apps.get(clientId);
    detail.clientId = clientId;
    if (!app) return oauthError('invalid_client_id', 'client identifier invalid', detail);
    const secret = form.get('client_secret');
    if (secret && app.clientSecret && secret !== app.clientSecret) {
      return oauthError('invalid_client', 'invalid client credentials', detail);
    }
    const grant = context.sessions.refreshGrant(form.get('refresh_token') ?? '');
    const org = grant && grant.clientId === clientId ? context.orgById(grant.orgId) : undefined;
    if (!grant || !org) return oauthError('invalid_grant', 'expired access/refresh token', detail);
    return issue(context, org, org.user(grant.userId), app, 'refresh_token web api', detail);
  }
  if (grantType === JWT_BEARER_GRANT) return jwtBearer(form.get('assertion') ?? '', context, detail);
  return oauthError('unsupported_grant_type', 'grant type not supported', detail);
}

function jwtBearer(assertion: string, context: TokenContext, detail: Record<string, unknown>): TokenResponse {
  const parts = assertion.split('.');
  let header: { alg?: string };
  let claims: { iss?: string; sub?: string; aud?: string | string[]; exp?: number };
  try {
    if (parts.length !== 3) throw new Error('not three parts');
    header = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8')) as typeof header;
    claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as typeof claims;
  } catch {
    return oauthError('invalid_grant', 'invalid assertion', detail);
  }
  detail.clientId = claims.iss;
  detail.username = claims.sub;
  const app = context.apps.get(claims.iss ?? '');
  if (!app) return oauthError('invalid_client_id', 'client identifier invalid', detail);
  const signed = Buffer.from(`${parts[0]}.${parts[1]}`);
  const signatureOk =
    header.alg === 'RS256' && app.publicKey && verify('RSA-SHA256', signed, app.publicKey, Buffer.from(parts[2]!, 'base64url'));
  if (!signatureOk) return oauthError('invalid_grant', 'invalid assertion', detail);
  // `exp` is in seconds; the Salesforce CLI sends milliseconds, which Salesforce accepts as far future.
  if (typeof claims.exp !== 'number' || claims.exp * 1000 < Date.now()) {
    return oauthError('invalid_grant', 'expired authorization code', detail);
  }
  const found = context.userByUsername(claims.sub ?? '');
  const audiences = (Array.isArray(claims.aud) ? claims.aud : [claims.aud ?? '']).map((aud) => aud.replace(/\/+$/, ''));
  const accepted = acceptedAudiences(context.url, found?.org.isSandbox ?? false);
  if (!audiences.some((aud) => accepted.has(aud))) return oauthError('invalid_grant', 'audience is invalid', detail);
  if (!found) return oauthError('invalid_grant', "user hasn't approved this consumer", detail);
  return issue(context, found.org, found.user, app, 'web api', detail);
}

function issue(
  context: TokenContext,
  org: Org,
  user: OrgUser,
  app: ConnectedApp,
  scope: string,
  detail: Record<string, unknown>,
): TokenResponse {
  const id = `${context.url}/id/${org.id}/${user.id}`;
  const issuedAt = String(Date.now());
  const signature = createHmac('sha256', app.clientSecret ?? app.clientId).update(id + issuedAt).digest('base64');
  return {
    status: 200,
    orgId: org.id,
    detail: { ...detail, username: user.username },
    body: {
      access_token: context.sessions.issueAccessToken({ orgId: org.id, userId: user.id }),
      signature,
      scope,
      instance_url: context.url,
      id,
      token_type: 'Bearer',
      issued_at: issuedAt,
    },
  };
}

function urlsOf(url: string, org: Org, user: OrgUser): Record<string, string> {
  return {
    enterprise: `${url}/services/Soap/c/{version}/${org.id}`,
    metadata: `${url}/services/Soap/m/{version}/${org.id}`,
    partner: `${url}/services/Soap/u/{version}/${org.id}`,
    rest: `${url}/services/data/v{version}/`,
    sobjects: `${url}/services/data/v{version}/sobjects/`,
    search: `${url}/services/data/v{version}/search/`,
    query: `${url}/services/data/v{version}/query/`,
    recent: `${url}/services/data/v{version}/recent/`,
    tooling_soap: `${url}/services/Soap/T/{version}/${org.id}`,
    tooling_rest: `${url}/services/data/v{version}/tooling/`,
    profile: `${url}/${user.id}`,
    feeds: `${url}/services/data/v{version}/chatter/feeds`,
    groups: `${url}/services/data/v{version}/chatter/groups`,
    users: `${url}/services/data/v{version}/chatter/users`,
    feed_items: `${url}/services/data/v{version}/chatter/feed-items`,
    feed_elements: `${url}/services/data/v{version}/chatter/feed-elements`,
    custom_domain: url,
  };
}

/** The identity service's answer (`GET /id/<orgId>/<userId>`). */
export function identityOf(url: string, org: Org, user: OrgUser): Record<string, unknown> {
  const [firstName, ...rest] = user.name.split(' ');
  return {
    id: `${url}/id/${org.id}/${user.id}`,
    asserted_user: true,
    user_id: user.id,
    organization_id: org.id,
    username: user.username,
    nick_name: user.username.split('@')[0],
    display_name: user.name,
    email: user.email,
    email_verified: true,
    first_name: firstName,
    last_name: rest.join(' ') || firstName,
    timezone: 'America/Los_Angeles',
    photos: { picture: `${url}/profilephoto/005/F`, thumbnail: `${url}/profilephoto/005/T` },
    addr_street: null,
    addr_city: null,
    addr_state: null,
    addr_country: null,
    addr_zip: null,
    mobile_phone: null,
    mobile_phone_verified: false,
    is_lightning_login_user: false,
    status: { created_date: null, body: null },
    urls: urlsOf(url, org, user),
    active: true,
    user_type: 'STANDARD',
    language: 'en_US',
    locale: 'en_US',
    utcOffset: -28800000,
    last_modified_date: org.createdDate.replace('Z', '+0000'),
    is_app_installed: true,
  };
}

/** The OpenID Connect userinfo answer (`GET /services/oauth2/userinfo`). */
export function userInfoOf(url: string, org: Org, user: OrgUser): Record<string, unknown> {
  const identity = identityOf(url, org, user);
  return {
    sub: identity.id,
    user_id: user.id,
    organization_id: org.id,
    preferred_username: user.username,
    nickname: identity.nick_name,
    name: user.name,
    email: user.email,
    email_verified: true,
    given_name: identity.first_name,
    family_name: identity.last_name,
    zoneinfo: identity.timezone,
    photos: identity.photos,
    profile: `${url}/${user.id}`,
    picture: `${url}/profilephoto/005/F`,
    address: {},
    is_salesforce_integration_user: false,
    urls: identity.urls,
    active: true,
    user_type: 'STANDARD',
    language: 'en_US',
    locale: 'en_US',
    utcOffset: -28800000,
    updated_at: org.createdDate,
    is_app_installed: true,
  };
}
