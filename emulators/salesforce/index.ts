import { IdFactory } from './ids.js';
import { publicKeyOf, SessionRegistry, type ConnectedApp } from './oauth.js';
import { Org, type OrgSpec, type OrgUser } from './org.js';
import { FaultInjector, listen, type EmulatorState, type RequestLogEntry } from './server.js';

export { COMPILE_ERROR_MARKER, TEST_FAIL_MARKER } from './apex.js';
export { to18, isValid18 } from './ids.js';
export type { DeployMessage, DeployOptions } from './deploy.js';
export type { DeployRecord, DeployResult, DeployStatus, FileProperties, OrgSpec, RetrieveResult } from './org.js';
export type { FaultInjector, FaultKind, FaultSpec, RequestLogEntry } from './server.js';

/** An emulated org: users, tokens, metadata state, deploys and scripted failures. */
export type EmulatedOrg = Org;

/** Options of {@link startSalesforceEmulator}. */
export interface SalesforceEmulatorOptions {
  /** Port on 127.0.0.1; 0 or absent picks a free one. */
  port?: number;
  /** API versions `/services/data` lists and the routes accept (default 31.0 to 68.0). */
  apiVersions?: string[];
  /** Called with each request's log entry once it is answered (or its connection dropped). */
  onRequest?: (entry: RequestLogEntry) => void;
}

/** A running emulator: one HTTP server that is the login URL and the instance URL of every org. */
export interface SalesforceEmulator {
  /** `http://127.0.0.1:PORT`. */
  url: string;
  /** Creates an org; requests reach it through the session tokens of its users. */
  addOrg(spec: OrgSpec): EmulatedOrg;
  /** The org with that id (15 or 18 characters) or name. */
  org(idOrName: string): EmulatedOrg;
  orgs: EmulatedOrg[];
  /** Registers a connected app; `certificatePem` (X.509 certificate or public key) verifies its JWT assertions. */
  registerConnectedApp(app: { clientId: string; clientSecret?: string; certificatePem?: string }): void;
  /** Every request, in order. */
  requests: RequestLogEntry[];
  faults: FaultInjector;
  /** Invalidates issued access tokens (of one org); refresh tokens stay valid. */
  expireSessions(orgId?: string): void;
  close(): Promise<void>;
}

const DEFAULT_API_VERSIONS = Array.from({ length: 68 - 31 + 1 }, (_, i) => `${31 + i}.0`);

/** Starts the Salesforce org emulator on 127.0.0.1; the Salesforce CLI's `PlatformCLI` app is always registered. */
export async function startSalesforceEmulator(options: SalesforceEmulatorOptions = {}): Promise<SalesforceEmulator> {
  const ids = new IdFactory();
  const sessions = new SessionRegistry();
  const orgs: Org[] = [];
  const usernames = new Map<string, Org>();
  const apiVersions = options.apiVersions ?? DEFAULT_API_VERSIONS;
  const latestApiVersion = [...apiVersions].sort((a, b) => Number(b) - Number(a))[0] ?? '62.0';
  const apps = new Map<string, ConnectedApp>([['PlatformCLI', { clientId: 'PlatformCLI' }]]);
  const state: EmulatorState = {
    url: '',
    apiVersions,
    apps,
    sessions,
    faults: new FaultInjector(),
    requests: [],
    onRequest: options.onRequest,
    orgById: (id) => orgs.find((org) => org.id === id || org.id.startsWith(id.length === 15 ? id : '\u0000')),
    userByUsername: (username) => {
      const org = usernames.get(username.toLowerCase());
      const user: OrgUser | undefined = org?.users.find((u) => u.username.toLowerCase() === username.toLowerCase());
      return org && user ? { org, user } : undefined;
    },
  };
  const listening = await listen(state, options.port ?? 0);
  state.url = `http://127.0.0.1:${listening.port}`;

  return {
    url: state.url,
    orgs,
    requests: state.requests,
    faults: state.faults,
    addOrg(spec) {
      if (orgs.some((org) => org.name === spec.name || (spec.id && org.id === spec.id))) {
        throw new Error(`An org named '${spec.name}' (or with id ${spec.id}) already exists`);
      }
      const org = new Org(spec, {
        url: state.url,
        ids,
        latestApiVersion,
        claimUsername(username, owner) {
          if (usernames.has(username.toLowerCase())) throw new Error(`Username '${username}' is already taken`);
          usernames.set(username.toLowerCase(), owner);
        },
        issueAccessToken: (orgId, userId) => sessions.issueAccessToken({ orgId, userId }),
        issueRefreshToken: (orgId, userId, clientId) => sessions.issueRefreshToken({ orgId, userId }, clientId),
      });
      orgs.push(org);
      return org;
    },
    org(idOrName) {
      const org = state.orgById(idOrName) ?? orgs.find((o) => o.name === idOrName);
      if (!org) throw new Error(`No emulated org '${idOrName}'; orgs: ${orgs.map((o) => o.name).join(', ') || 'none'}`);
      return org;
    },
    registerConnectedApp(app) {
      apps.set(app.clientId, {
        clientId: app.clientId,
        clientSecret: app.clientSecret,
        publicKey: app.certificatePem ? publicKeyOf(app.certificatePem) : undefined,
      });
    },
    expireSessions(orgId) {
      sessions.expire(orgId);
    },
    close: listening.close,
  };
}
