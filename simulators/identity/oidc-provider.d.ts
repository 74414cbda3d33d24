// oidc-provider ships no types and @types/oidc-provider is not installed: the part of its API
// this folder uses, as documented in its README and lib/helpers/defaults.js (v9).
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export type AdapterPayload = Record<string, unknown> & {
    readonly uid?: string;
    readonly grantId?: string;
    readonly userCode?: string;
    consumed?: number;
  };

  /** Storage of one model (Session, Interaction, AuthorizationCode, Grant, …). */
  export interface Adapter {
    upsert(id: string, payload: AdapterPayload, expiresIn: number | undefined): Promise<void>;
    find(id: string): Promise<AdapterPayload | undefined>;
    findByUid(uid: string): Promise<AdapterPayload | undefined>;
    findByUserCode(userCode: string): Promise<AdapterPayload | undefined>;
    consume(id: string): Promise<void>;
    destroy(id: string): Promise<void>;
    revokeByGrantId(grantId: string): Promise<void>;
  }

  export interface Grant {
    readonly jti: string;
    readonly accountId: string;
    readonly clientId: string;
    addOIDCScope(scope: string): void;
    addOIDCClaims(claims: readonly string[]): void;
    addResourceScope(indicator: string, scope: string): void;
    save(): Promise<string>;
  }

  export interface GrantModel {
    new (properties: { accountId: string; clientId: string }): Grant;
    find(id: string): Promise<Grant | undefined>;
  }

  export interface ClientMetadata {
    client_id: string;
    client_secret: string;
    redirect_uris: readonly string[];
    post_logout_redirect_uris: readonly string[];
    grant_types: readonly string[];
    response_types: readonly string[];
    token_endpoint_auth_method: string;
    application_type?: 'web' | 'native';
    client_name?: string;
  }

  export interface OIDCContext {
    readonly provider: Provider;
    readonly client?: { readonly clientId: string; readonly clientName?: string };
    readonly session?: { readonly accountId?: string; grantIdFor(clientId: string): string | undefined };
    readonly result?: { readonly consent?: { readonly grantId?: string } };
    readonly requestParamOIDCScopes: Set<string>;
    readonly requestParamClaims: Set<string>;
    urlFor(name: string, options?: Record<string, string>): string;
  }

  /** The Koa context oidc-provider hands to its rendering and account callbacks. */
  export interface KoaContextWithOIDC {
    readonly oidc: OIDCContext;
    status: number;
    type: string;
    body: unknown;
    set(field: string, value: string): void;
  }

  export type ErrorOut = { readonly error: string; readonly error_description?: string; readonly state?: string };

  export interface Account {
    readonly accountId: string;
    claims(use: 'id_token' | 'userinfo', scope: string, claims: unknown, rejected: readonly string[]): Promise<Record<string, unknown>>;
  }

  export type Jwk = Record<string, unknown> & { readonly kty: string; readonly kid?: string };

  export interface CookieOptions {
    httpOnly?: boolean;
    sameSite?: 'lax' | 'strict' | 'none';
    secure?: boolean;
    signed?: boolean;
  }

  export interface Configuration {
    adapter?: (model: string) => Adapter;
    clients?: readonly ClientMetadata[];
    clientAuthMethods?: readonly string[];
    claims?: Record<string, readonly string[] | null>;
    conformIdTokenClaims?: boolean;
    cookies?: {
      names?: { session?: string; interaction?: string; resume?: string };
      long?: CookieOptions;
      short?: CookieOptions;
      keys?: readonly string[];
    };
    features?: {
      devInteractions?: { enabled: boolean };
      rpInitiatedLogout?: {
        enabled: boolean;
        logoutSource?: (ctx: KoaContextWithOIDC, form: string) => Promise<void>;
        postLogoutSuccessSource?: (ctx: KoaContextWithOIDC) => Promise<void>;
      };
      userinfo?: { enabled: boolean };
    };
    findAccount?: (ctx: KoaContextWithOIDC, sub: string) => Promise<Account | undefined>;
    /** Whether a code (or refresh token) exchange also issues a refresh token. */
    issueRefreshToken?: (ctx: KoaContextWithOIDC, client: { grantTypeAllowed(type: string): boolean }, code: unknown) => Promise<boolean>;
    jwks?: { keys: readonly Jwk[] };
    loadExistingGrant?: (ctx: KoaContextWithOIDC) => Promise<Grant | undefined>;
    pkce?: { required: (ctx: KoaContextWithOIDC, client: unknown) => boolean };
    renderError?: (ctx: KoaContextWithOIDC, out: ErrorOut, error: Error) => Promise<void>;
    responseTypes?: readonly string[];
    scopes?: readonly string[];
    ttl?: Record<string, number | ((...args: unknown[]) => number)>;
  }

  export interface InteractionDetails {
    readonly uid: string;
    readonly prompt: {
      readonly name: string;
      readonly details: {
        readonly missingOIDCScope?: readonly string[];
        readonly missingOIDCClaims?: readonly string[];
        readonly missingResourceScopes?: Readonly<Record<string, readonly string[]>>;
      };
    };
    readonly params: Readonly<Record<string, unknown>> & { readonly client_id: string };
    readonly session?: { readonly accountId: string; readonly uid: string };
    readonly grantId?: string;
  }

  export type InteractionResults = {
    login?: { accountId: string; amr?: readonly string[]; remember?: boolean };
    consent?: { grantId: string };
  };

  export class Provider {
    constructor(issuer: string, configuration?: Configuration);
    readonly issuer: string;
    proxy: boolean;
    readonly Grant: GrantModel;
    callback(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<InteractionDetails>;
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: InteractionResults,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }

  export const errors: {
    readonly SessionNotFound: new (...args: unknown[]) => Error;
    readonly OIDCProviderError: new (...args: unknown[]) => Error & { error: string; error_description?: string; status: number };
  };

  export default Provider;
}
