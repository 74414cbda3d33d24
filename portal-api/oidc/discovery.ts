import * as oidc from 'openid-client';

/** How the portal is registered at an OpenID provider (the staff directory, AGOV). */
export interface RelyingPartySettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

/**
 * The provider's configuration, discovered on first use and again after a failure, so the portal
 * starts before the provider does. Plain HTTP is allowed only for an `http:` issuer (development).
 */
export function lazyDiscovery(settings: RelyingPartySettings): () => Promise<oidc.Configuration> {
  let configuration: Promise<oidc.Configuration> | undefined;
  return () => {
    configuration ??= oidc.discovery(new URL(settings.issuer), settings.clientId, undefined, oidc.ClientSecretBasic(settings.clientSecret),
      settings.issuer.startsWith('http:') ? { execute: [oidc.allowInsecureRequests] } : undefined)
      .catch((error: unknown) => {
        configuration = undefined;
        throw error;
      });
    return configuration;
  };
}
