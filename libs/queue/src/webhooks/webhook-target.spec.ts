import { describe, expect, it } from '@jest/globals';
import { isPublicAddress, publicAddressesOf, webhookTarget, WebhookTargetError } from './webhook-target.js';

describe('isPublicAddress', () => {
  it.each([
    '127.0.0.1',
    '10.0.0.1',
    '172.16.5.4',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fc00::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    '64:ff9b::a00:1',
    '2002:a00:1::',
    'not an address',
  ])('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(['93.184.215.14', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8'])('accepts %s', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });
});

describe('webhookTarget', () => {
  it('accepts public https URLs and listed hosts over http', () => {
    expect(webhookTarget('https://8.8.8.8/hook', [])).toMatchObject({ hostname: '8.8.8.8', listed: false });
    expect(webhookTarget('http://127.0.0.1:8080/hook', ['127.0.0.1:8080'])).toMatchObject({ listed: true });
    expect(webhookTarget('https://[::1]:9/hook', ['[::1]:9'])).toMatchObject({
      hostname: '::1',
      listed: true,
    });
  });

  it.each([
    ['http://8.8.8.8/hook', 'The callback_url must be an https URL'],
    ['ftp://8.8.8.8/hook', 'The callback_url must be an https URL'],
    ['https://user:pw@8.8.8.8/hook', 'The callback_url must not carry a user name or password'],
    ['https://2130706433/hook', /private or local address/],
    ['https://[::ffff:7f00:1]/hook', /private or local address/],
    ['https://127.0.0.1:8080/hook', /private or local address/],
    ['nonsense', 'The callback_url is not a valid URL'],
  ])('refuses %s', (url, message) => {
    expect(() => webhookTarget(url, ['127.0.0.1:9090'])).toThrow(message);
  });

  it('refuses a name that resolves to loopback', async () => {
    await expect(publicAddressesOf('localhost')).rejects.toBeInstanceOf(WebhookTargetError);
  });
});
