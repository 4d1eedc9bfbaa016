import net from 'node:net';

describe('networking is disabled in the test processes', () => {
  it('refuses sockets to non-loopback addresses and host names', async () => {
    for (const target of [
      { host: '8.8.8.8', port: 53 },
      { host: 'api.openai.com', port: 443 },
      { host: '10.0.0.1', port: 80 },
    ]) {
      expect(() => net.connect(target)).toThrow(/Network access to .* is disabled/);
    }
    await expect(fetch('https://api.openai.com/v1/models')).rejects.toThrow();
  });

  it('still allows loopback', async () => {
    const server = net.createServer((s) => s.end('ok'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as net.AddressInfo).port;
    const reply = await new Promise<string>((resolve, reject) => {
      const s = net.connect(port, '127.0.0.1');
      s.on('data', (d) => resolve(String(d))).on('error', reject);
    });
    expect(reply).toBe('ok');
    await new Promise((r) => server.close(r));
  });
});
