import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * The Content-Security-Policy of every page the API serves (tasklist, modeller, payment return,
 * login pages): scripts, styles and connections only from the portal itself, no inline script or
 * style, no plugins, and no framing by any site (clickjacking).
 */
export const CONTENT_SECURITY_POLICY: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'base-uri': ["'none'"],
  'connect-src': ["'self'"],
  'font-src': ["'self'", 'data:'],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'img-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
};

/**
 * Security headers on every response (Helmet: CSP, X-Content-Type-Options: nosniff,
 * X-Frame-Options: DENY, Referrer-Policy: no-referrer, ...), and `Cache-Control: no-store` on
 * every response that does not say otherwise: API answers carry personal data and must not stay
 * in a shared or browser cache. Static files set their own caching.
 */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: Object.fromEntries(Object.entries(CONTENT_SECURITY_POLICY).map(([name, values]) => [name, [...values]])),
    },
    frameguard: { action: 'deny' },
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
}


/**
 * The policy as a header value, with some directives replaced, for a page whose libraries need
 * more (the modeller, the API documentation); scripts stay strict everywhere.
 */
export function contentSecurityPolicy(overrides: Readonly<Record<string, readonly string[]>> = {}): string {
  const directives = { ...CONTENT_SECURITY_POLICY, ...overrides };
  return Object.entries(directives).map(([name, values]) => [name, ...values].join(' ')).join('; ');
}
