import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

const adyen = { PAYMENT_PROVIDER: 'adyen', ADYEN_API_KEY: 'k', ADYEN_MERCHANT_ACCOUNT: 'M' };

describe('configuration', () => {
  it('loads demo data by default only on the embedded database', () => {
    expect(loadConfig({}).demoData).toBe(true);
    expect(loadConfig({ DATABASE_URL: 'postgres://db.example/portal' }).demoData).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://db.example/portal', DEMO_DATA: 'true' }).demoData).toBe(
      true,
    );
    expect(loadConfig({ DEMO_DATA: 'false' }).demoData).toBe(false);
    // Never in production, whatever else is said.
    expect(
      loadConfig({
        NODE_ENV: 'production',
        LICENSE_KEY_SECRET: 'a-production-secret-1234',
        ...adyen,
        DEMO_DATA: 'true',
      }).demoData,
    ).toBe(false);
  });

  it('trusts a number of proxies or their addresses, never every X-Forwarded-For', () => {
    expect(loadConfig({}).trustProxy).toBeUndefined();
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1, 10.0.1.0/24,fd00::/8' }).trustProxy).toEqual([
      '10.0.0.1',
      '10.0.1.0/24',
      'fd00::/8',
    ]);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.1/40' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: 'balancer.internal' })).toThrow(/TRUST_PROXY/);
  });

  it('checks answers against the contract everywhere but in production, unless told', () => {
    expect(loadConfig({}).checkResponses).toBe(true);
    expect(
      loadConfig({
        NODE_ENV: 'production',
        LICENSE_KEY_SECRET: 'a-production-secret-1234',
        ...adyen,
      }).checkResponses,
    ).toBe(false);
    expect(
      loadConfig({
        NODE_ENV: 'production',
        LICENSE_KEY_SECRET: 'a-production-secret-1234',
        ...adyen,
        CHECK_RESPONSES: 'true',
      }).checkResponses,
    ).toBe(true);
    expect(loadConfig({ CHECK_RESPONSES: 'false' }).checkResponses).toBe(false);
  });

  it('stops the start on a bad value with a message naming it', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });

  it('needs a license key secret in production, and Adyen credentials when Adyen is chosen', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', ...adyen })).toThrow(/LICENSE_KEY_SECRET/);
    // The sandbox takes test cards only: production names a real provider.
    expect(() =>
      loadConfig({ NODE_ENV: 'production', LICENSE_KEY_SECRET: 'a-production-secret-1234' }),
    ).toThrow(/PAYMENT_PROVIDER/);
    expect(() => loadConfig({ PAYMENT_PROVIDER: 'adyen' })).toThrow(/ADYEN_API_KEY/);
    expect(
      loadConfig({ PAYMENT_PROVIDER: 'adyen', ADYEN_API_KEY: 'k', ADYEN_MERCHANT_ACCOUNT: 'M' }).payments,
    ).toEqual({
      provider: 'adyen',
      apiKey: 'k',
      merchantAccount: 'M',
      environment: 'TEST',
      liveEndpointUrlPrefix: undefined,
    });
    expect(loadConfig({}).payments).toEqual({ provider: 'sandbox' });
  });

  it('takes PayPal credentials in pairs', () => {
    expect(loadConfig({}).paypal).toBeNull();
    expect(() => loadConfig({ PAYPAL_CLIENT_ID: 'id' })).toThrow(/PAYPAL_CLIENT_SECRET/);
    expect(
      loadConfig({ PAYPAL_CLIENT_ID: 'id', PAYPAL_CLIENT_SECRET: 'secret', PAYPAL_ENVIRONMENT: 'live' })
        .paypal,
    ).toEqual({ clientId: 'id', clientSecret: 'secret', environment: 'live', endpointOverride: undefined });
  });
});
