import { afterEach, describe, expect, it, vi } from 'vitest';
import { handlerNames } from '../../../scripts/lambda-bundles.mjs';
import { CONTEXT } from './harness';

const HANDLERS = handlerNames();

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe('handler modules build nothing at import time', () => {
  it('each imports with no environment (settings unreadable), exports handler and makeHandler, and fails only when invoked', async () => {
    // Arrange: settings that would throw if anything read them at import.
    vi.stubEnv('VPC_AUDITOR_SETTINGS', '{not json');
    expect(HANDLERS.sort()).toEqual(['change', 'config-rule', 'sweep']);

    for (const name of HANDLERS) {
      // Act
      const module = await import(`../../../lambdas/handlers/${name}`);

      // Assert
      expect(typeof module.handler).toBe('function');
      expect(typeof module.makeHandler).toBe('function');
      await expect(module.handler({}, CONTEXT)).rejects.toThrow('VPC_AUDITOR_SETTINGS is not valid JSON');
    }
  });

  it('the deps a handler needs from the environment are named when missing', async () => {
    // Arrange
    vi.stubEnv('VPC_AUDITOR_SETTINGS', '{}');
    vi.stubEnv('FINDING_STATE_TABLE', '');
    const { depsFromEnv } = await import('../../../lambdas/handlers/sweep');

    // Act / Assert
    expect(() => depsFromEnv({ VPC_AUDITOR_SETTINGS: '{}', AWS_REGION: 'eu-west-1' })).toThrow('environment variable FINDING_STATE_TABLE is not set');
    expect(depsFromEnv({ VPC_AUDITOR_SETTINGS: '{"sinks":{"securityHub":false}}', AWS_REGION: 'eu-west-1' }).publish).toBeUndefined();
  });
});
