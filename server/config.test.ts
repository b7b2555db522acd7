import { describe, expect, it } from 'vitest';
import { isLoopbackHost, loadConfig } from './config.ts';

const adyen = { PAYMENT_PROVIDER: 'adyen', ADYEN_API_KEY: 'k', ADYEN_MERCHANT_ACCOUNT: 'M' };
/** What production needs besides the variable under test. */
const production = {
  NODE_ENV: 'production',
  LICENSE_KEY_SECRET: 'a-production-secret-1234',
  ...adyen,
  ADYEN_ENVIRONMENT: 'LIVE',
};

describe('configuration', () => {
  it('loads demo data by default only on the embedded database', () => {
    expect(loadConfig({}).demoData).toBe(true);
    expect(loadConfig({ DATABASE_URL: 'postgres://db.example/portal' }).demoData).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://db.example/portal', DEMO_DATA: 'true' }).demoData).toBe(
      true,
    );
    expect(loadConfig({ DEMO_DATA: 'false' }).demoData).toBe(false);
    // Never in production, whatever else is said.
    expect(loadConfig({ ...production, DEMO_DATA: 'true' }).demoData).toBe(false);
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
    expect(loadConfig(production).checkResponses).toBe(false);
    expect(loadConfig({ ...production, CHECK_RESPONSES: 'true' }).checkResponses).toBe(true);
    expect(loadConfig({ CHECK_RESPONSES: 'false' }).checkResponses).toBe(false);
  });

  it('serves /metrics only with a token long enough, and waits 10 s on SIGTERM unless told', () => {
    expect(loadConfig({}).metricsToken).toBeUndefined();
    expect(loadConfig({ METRICS_TOKEN: '' }).metricsToken).toBeUndefined();
    expect(loadConfig({ METRICS_TOKEN: 'a-long-enough-token' }).metricsToken).toBe('a-long-enough-token');
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
    expect(loadConfig({}).shutdownTimeoutMs).toBe(10_000);
    expect(loadConfig({ SHUTDOWN_TIMEOUT_MS: '2500' }).shutdownTimeoutMs).toBe(2_500);
    expect(() => loadConfig({ SHUTDOWN_TIMEOUT_MS: 'soon' })).toThrow(/SHUTDOWN_TIMEOUT_MS/);
  });

  it('stops the start on a bad value with a message naming it', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });

  it('takes a standby to read from only beside a PostgreSQL primary', () => {
    const primary = 'postgres://db.example/portal';
    const standby = 'postgres://standby.example/portal';
    expect(loadConfig({ DATABASE_URL: primary, DATABASE_READ_URL: standby }).databaseReadUrl).toBe(standby);
    expect(loadConfig({ DATABASE_URL: primary, DATABASE_READ_URL: '' }).databaseReadUrl).toBeUndefined();
    expect(() => loadConfig({ DATABASE_READ_URL: standby })).toThrow(/DATABASE_READ_URL/);
  });

  it('needs a license key secret in production, and Adyen credentials when Adyen is chosen', () => {
    const { LICENSE_KEY_SECRET: _, ...withoutSecret } = production;
    expect(() => loadConfig(withoutSecret)).toThrow(/LICENSE_KEY_SECRET/);
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

  it('runs production against the environments it names, never a test one by default', () => {
    const { ADYEN_ENVIRONMENT: _, ...unnamed } = production;
    expect(() => loadConfig(unnamed)).toThrow(
      /set ADYEN_ENVIRONMENT in production: LIVE, or TEST for a staging deployment/,
    );
    expect(() => loadConfig({ ...unnamed, ADYEN_ENVIRONMENT: '' })).toThrow(/ADYEN_ENVIRONMENT/);
    expect(loadConfig(production).payments).toMatchObject({ provider: 'adyen', environment: 'LIVE' });
    // A staging deployment says so.
    expect(loadConfig({ ...production, ADYEN_ENVIRONMENT: 'TEST' }).payments).toMatchObject({
      environment: 'TEST',
    });

    const paypal = { PAYPAL_CLIENT_ID: 'id', PAYPAL_CLIENT_SECRET: 'secret' };
    expect(() => loadConfig({ ...production, ...paypal })).toThrow(
      /set PAYPAL_ENVIRONMENT in production: live, or sandbox for a staging deployment/,
    );
    expect(loadConfig({ ...production, ...paypal, PAYPAL_ENVIRONMENT: 'live' }).paypal).toMatchObject({
      environment: 'live',
    });
    expect(loadConfig({ ...production, ...paypal, PAYPAL_ENVIRONMENT: 'sandbox' }).paypal).toMatchObject({
      environment: 'sandbox',
    });
    // Without PayPal credentials there is no PayPal to name an environment for.
    expect(loadConfig(production).paypal).toBeNull();

    // Outside production the test environments stay the defaults.
    expect(loadConfig(adyen).payments).toMatchObject({ environment: 'TEST' });
    expect(loadConfig(paypal).paypal).toMatchObject({ environment: 'sandbox' });
  });

  it('serves beyond this machine only in production', () => {
    for (const host of [
      '127.0.0.1',
      '127.0.1.1',
      '::1',
      '[::1]',
      'localhost',
      'LOCALHOST',
      '::ffff:127.0.0.1',
    ])
      expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.20', '10.0.0.1', 'fe80::1', 'portal.example.com'])
      expect(isLoopbackHost(host), host).toBe(false);

    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '::1', NODE_ENV: 'test' }).host).toBe('::1');
    const advice = /HOST=0\.0\.0\.0 is reachable from other machines; set NODE_ENV=production/;
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(advice);
    expect(() => loadConfig({ HOST: '0.0.0.0', DATABASE_URL: 'postgres://db.example/portal' })).toThrow(
      advice,
    );
    expect(() => loadConfig({ HOST: '0.0.0.0', NODE_ENV: 'development' })).toThrow(advice);
    expect(() => loadConfig({ HOST: '0.0.0.0', NODE_ENV: 'test' })).toThrow(advice);
    expect(() => loadConfig({ HOST: '::' })).toThrow(/HOST=:: is reachable/);
    expect(() => loadConfig({ HOST: '192.168.1.20' })).toThrow(/NODE_ENV=production/);
    expect(loadConfig({ ...production, HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });
});
