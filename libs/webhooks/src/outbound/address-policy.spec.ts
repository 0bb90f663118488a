import { isPrivateAddress, urlRefusal } from './address-policy';

describe('where webhooks may go', () => {
  it('knows private, loopback, link-local and metadata addresses', () => {
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      '::',
      'fe80::1',
      'fd00::1',
      '::ffff:10.0.0.1',
      '::ffff:127.0.0.1',
      'not-an-address',
    ]) {
      expect([address, isPrivateAddress(address)]).toEqual([address, true]);
    }
    for (const address of ['8.8.8.8', '203.0.113.9', '2001:4860:4860::8888', '::ffff:8.8.8.8']) {
      expect([address, isPrivateAddress(address)]).toEqual([address, false]);
    }
  });

  const production = { requireHttps: true, allowPrivateNetworks: false };
  const development = { requireHttps: false, allowPrivateNetworks: true };

  it('takes https only in production, and no private address literal', () => {
    expect(urlRefusal('https://rsj.example.id/hooks', production)).toBeUndefined();
    expect(urlRefusal('http://rsj.example.id/hooks', production)).toBe('must be https');
    expect(urlRefusal('https://10.0.0.5/hooks', production)).toMatch(/private/);
    expect(urlRefusal('https://[::1]/hooks', production)).toMatch(/private/);
    expect(urlRefusal('https://localhost/hooks', production)).toBe('points at this machine');
    expect(urlRefusal('https://user:pw@rsj.example.id/', production)).toBe('must not carry credentials');
    expect(urlRefusal('ftp://rsj.example.id/', production)).toBe('must be https');
    expect(urlRefusal('nonsense', production)).toBe('is not a URL');
  });

  it('takes http and local receivers where the installation allows them', () => {
    expect(urlRefusal('http://127.0.0.1:8080/hooks', development)).toBeUndefined();
    expect(urlRefusal('ftp://127.0.0.1/', development)).toBe('must be http or https');
  });
});
