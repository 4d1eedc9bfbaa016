import { checkWebhookUrl, isForbiddenAddress } from '../../src/webhooks/webhook-urls';

/** Where a webhook may point outside development, by address: public ones only, in both families. */
describe('webhook addresses', () => {
  it.each([
    ['93.184.216.34', false],
    ['8.8.8.8', false],
    ['2606:2800:220:1:248:1893:25c8:1946', false],
    ['::ffff:93.184.216.34', false],
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['172.16.0.1', true],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['0.0.0.0', true],
    ['::1', true],
    ['::', true],
    ['fd00::1', true],
    ['fe80::1', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:a00:1', true],
    ['not an address', true],
  ])('%s forbidden: %s', (address, forbidden) => {
    expect(isForbiddenAddress(address)).toBe(forbidden);
  });

  it('takes an https URL to a public IPv4 address outside development', async () => {
    await expect(checkWebhookUrl('https://93.184.216.34/hooks', false)).resolves.toBe(
      'https://93.184.216.34/hooks',
    );
    await expect(checkWebhookUrl('https://[::ffff:10.0.0.1]/hooks', false)).rejects.toThrow(
      'a private, loopback or reserved address',
    );
  });
});
