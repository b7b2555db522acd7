/**
 * What every service may need to know about the request, taken once by the route layer: the
 * client's address (for limits and the audit log), the request id (for logs), and the time, from
 * the app's clock (tests move it instead of waiting).
 */
export interface RequestMeta {
  ip: string;
  requestId: string;
  now: Date;
}

export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
