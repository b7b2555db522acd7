import type { z } from 'zod';
import {
  type ApiIssue,
  accountAdminApi,
  adminApi,
  authApi,
  type Endpoint,
  ReceivedApiError,
} from '../../../contract/index.ts';

/** What the client sends: the input side of the endpoint's schemas (before defaults and transforms). */
type InputOf<S> = S extends z.ZodType ? z.input<S> : never;
type EndpointParams<E> = E extends Endpoint<infer P, z.ZodType, z.ZodType, z.ZodType> ? InputOf<P> : never;
type EndpointQuery<E> = E extends Endpoint<z.ZodType, infer Q, z.ZodType, z.ZodType> ? InputOf<Q> : never;
type EndpointBody<E> = E extends Endpoint<z.ZodType, z.ZodType, infer B, z.ZodType> ? InputOf<B> : never;
export type EndpointResponse<E> =
  E extends Endpoint<z.ZodType, z.ZodType, z.ZodType, infer R> ? z.output<R> : never;

export interface CallOptions<E> {
  params?: EndpointParams<E>;
  query?: EndpointQuery<E>;
  body?: EndpointBody<E>;
  signal?: AbortSignal;
  /**
   * For an endpoint marked `idempotent` in the contract: the key of this user attempt, the same for
   * every retry of it (see `newIdempotencyKey`). Without one, the call makes its own.
   */
  idempotencyKey?: string;
  /**
   * Values a translated error message may need (e.g. the Customer ID of `customer.not_open`);
   * the path parameters are always included.
   */
  context?: Record<string, string>;
}

/** An answer from the API that was not a success, or no answer at all (status 0). */
export class ApiRequestError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  /** Values the message refers to (a limit, product codes, a status…), for the translated text. */
  readonly params: Record<string, string | number> | undefined;
  readonly retryAfterSeconds: number | undefined;
  /** Every problem of a refused request (400), each with its code and field; none for other errors. */
  readonly issues: readonly ApiIssue[];
  /** What the request was about (path parameters and the caller's context), for translated messages. */
  context: Record<string, string> = {};

  constructor(status: number, body: ReceivedApiError) {
    super(body.message);
    this.name = 'ApiRequestError';
    this.status = status;
    this.code = body.code;
    this.field = body.field;
    this.params = body.params;
    this.retryAfterSeconds = body.retryAfterSeconds;
    this.issues = body.issues ?? [];
  }

  /**
   * The error as a list of single problems, each an error of its own (for its translated text):
   * every issue of a refused request, or this error alone.
   */
  eachIssue(): ApiRequestError[] {
    if (this.issues.length === 0) return [this];
    return this.issues.map((issue) => {
      const one = new ApiRequestError(this.status, issue);
      one.context = this.context;
      return one;
    });
  }
}

export function isApiError(error: unknown, code?: string): error is ApiRequestError {
  return error instanceof ApiRequestError && (code === undefined || error.code === code);
}

let csrfToken: string | null = null;

/** Kept from SessionInfo.csrfToken (login and `me`) and sent with every state-changing request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/**
 * A 401 from these means "not logged in" / "wrong password", not "the session ended": the partner
 * user's, vendor staff's and account admin's own session checks and sign-ins.
 */
const sessionEndpoints: ReadonlySet<Endpoint> = new Set<Endpoint>([
  authApi.login,
  authApi.me,
  adminApi.login,
  adminApi.me,
  accountAdminApi.me,
  accountAdminApi.signIn,
]);

let unauthorizedHandler: (() => void) | null = null;

/** Called when any request other than login/me answers 401: the session is gone. */
export function onUnauthorized(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

export function buildUrl(path: string, params?: object, query?: object): string {
  const values = (params ?? {}) as Record<string, unknown>;
  const url = path.replace(/:([A-Za-z0-9_]+)/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined || value === null)
      throw new Error(`Missing path parameter "${name}" for ${path}`);
    return encodeURIComponent(String(value));
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries((query ?? {}) as Record<string, unknown>)) {
    if (value === undefined || value === null || value === '') continue;
    search.append(key, String(value));
  }
  const qs = search.toString();
  return qs ? `${url}?${qs}` : url;
}

function retryAfterHeader(response: Response): number | undefined {
  const header = response.headers.get('retry-after');
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

async function errorFromResponse(response: Response): Promise<ApiRequestError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // not JSON: described below from the status
  }
  const parsed = ReceivedApiError.safeParse(body);
  const apiError: ReceivedApiError = parsed.success
    ? parsed.data
    : {
        code: response.status === 429 ? 'rate_limited' : 'client.unexpected_status',
        message: `The server answered ${response.status} ${response.statusText}`.trim(),
      };
  if (apiError.retryAfterSeconds === undefined) {
    const retryAfter = retryAfterHeader(response);
    if (retryAfter !== undefined) apiError.retryAfterSeconds = retryAfter;
  }
  return new ApiRequestError(response.status, apiError);
}

function stringValues(values: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  if (values && typeof values === 'object') {
    for (const [key, value] of Object.entries(values)) {
      if (typeof value === 'string' || typeof value === 'number') result[key] = String(value);
    }
  }
  return result;
}

/**
 * A fresh `Idempotency-Key`: one per user attempt, reused when the same attempt is sent again (a
 * double click, a retry after a lost answer) so the server does the work once. `randomUUID` needs a
 * secure context; plain-HTTP intranet deployments get the same format from `getRandomValues`.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Calls one endpoint of the shared contract and returns its parsed, typed answer. */
export async function call<E extends Endpoint>(
  endpoint: E,
  options: CallOptions<E> = {},
): Promise<EndpointResponse<E>> {
  const url = buildUrl(
    endpoint.path,
    options.params as object | undefined,
    options.query as object | undefined,
  );
  const headers: Record<string, string> = { accept: 'application/json' };
  const hasBody = options.body !== undefined;
  if (hasBody) headers['content-type'] = 'application/json';
  if (endpoint.method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (endpoint.idempotent) headers['idempotency-key'] = options.idempotencyKey ?? newIdempotencyKey();

  let response: Response;
  try {
    response = await fetch(url, {
      method: endpoint.method,
      credentials: 'same-origin',
      headers,
      body: hasBody ? JSON.stringify(options.body) : undefined,
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiRequestError(0, { code: 'client.network', message: 'The server could not be reached.' });
  }

  if (!response.ok) {
    const error = await errorFromResponse(response);
    error.context = { ...stringValues(options.params), ...options.context };
    if (error.status === 401 && !sessionEndpoints.has(endpoint)) unauthorizedHandler?.();
    throw error;
  }

  if (response.status === 204) return null as EndpointResponse<E>;
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new ApiRequestError(response.status, {
      code: 'client.invalid_response',
      message: 'The server sent an answer that is not JSON.',
    });
  }
  const parsed = endpoint.response.safeParse(json);
  if (!parsed.success) {
    throw new ApiRequestError(response.status, {
      code: 'client.invalid_response',
      message: `Unexpected answer from ${endpoint.method} ${endpoint.path}.`,
    });
  }
  return parsed.data as EndpointResponse<E>;
}
