import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A logged-in browser, as far as the API can tell: the session cookie and the CSRF token. */
export class TestSession {
  readonly app: FastifyInstance;
  readonly cookie: string;
  readonly csrfToken: string;

  constructor(app: FastifyInstance, cookie: string, csrfToken: string) {
    this.app = app;
    this.cookie = cookie;
    this.csrfToken = csrfToken;
  }

  request(method: Method, url: string, payload?: unknown, headers: Record<string, string> = {}) {
    const options: InjectOptions = {
      method,
      url,
      cookies: { pp_session: this.cookie },
      headers: { ...(method === 'GET' ? {} : { 'x-csrf-token': this.csrfToken }), ...headers },
    };
    if (payload !== undefined) options.payload = payload as InjectOptions['payload'];
    return this.app.inject(options);
  }

  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, payload?: unknown) {
    return this.request('POST', url, payload);
  }
  patch(url: string, payload?: unknown) {
    return this.request('PATCH', url, payload);
  }
  delete(url: string) {
    return this.request('DELETE', url);
  }
}

export async function login(app: FastifyInstance, email: string, password: string): Promise<TestSession> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login failed for ${email}: ${res.statusCode} ${res.body}`);
  return sessionFrom(app, res);
}

export function sessionFrom(app: FastifyInstance, res: LightMyRequestResponse): TestSession {
  const cookie = res.cookies.find((c) => c.name === 'pp_session');
  if (!cookie) throw new Error('no session cookie in the answer');
  return new TestSession(app, cookie.value, res.json().csrfToken);
}
