import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A logged-in browser, as far as the API can tell: its cookies and the CSRF token. */
export class TestSession {
  readonly app: FastifyInstance;
  readonly cookie: string;
  readonly csrfToken: string;
  /** The device cookie the login left in this browser, if any. */
  readonly deviceToken: string | undefined;

  constructor(app: FastifyInstance, cookie: string, csrfToken: string, deviceToken?: string) {
    this.app = app;
    this.cookie = cookie;
    this.csrfToken = csrfToken;
    this.deviceToken = deviceToken;
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
  post(url: string, payload?: unknown, headers?: Record<string, string>) {
    return this.request('POST', url, payload, headers);
  }
  patch(url: string, payload?: unknown) {
    return this.request('PATCH', url, payload);
  }
  put(url: string, payload?: unknown) {
    return this.request('PUT', url, payload);
  }
  delete(url: string) {
    return this.request('DELETE', url);
  }
}

export function loginRequest(
  app: FastifyInstance,
  email: string,
  password: string,
  options: { deviceToken?: string | undefined; url?: string } = {},
) {
  return app.inject({
    method: 'POST',
    url: options.url ?? '/api/auth/login',
    payload: { email, password },
    ...(options.deviceToken ? { cookies: { pp_device: options.deviceToken } } : {}),
  });
}

export async function login(
  app: FastifyInstance,
  email: string,
  password: string,
  options: { deviceToken?: string | undefined; url?: string } = {},
): Promise<TestSession> {
  const res = await loginRequest(app, email, password, options);
  if (res.statusCode !== 200) throw new Error(`login failed for ${email}: ${res.statusCode} ${res.body}`);
  return sessionFrom(app, res, options.deviceToken);
}

export function sessionFrom(
  app: FastifyInstance,
  res: LightMyRequestResponse,
  deviceToken?: string,
): TestSession {
  const cookie = res.cookies.find((c) => c.name === 'pp_session');
  if (!cookie) throw new Error('no session cookie in the answer');
  const device = res.cookies.find((c) => c.name === 'pp_device')?.value ?? deviceToken;
  return new TestSession(app, cookie.value, res.json().csrfToken, device);
}
