import { href, parseRoute, SITE_SECTIONS } from '../../src/router';

describe('the console hash routes', () => {
  it.each([
    ['', { page: 'sites' }],
    ['#/', { page: 'sites' }],
    ['#/new', { page: 'new' }],
    ['#/apps/', { page: 'apps' }],
    ['#/sites/acme', { page: 'site', id: 'acme' }],
    ['#/sites/acme/usage', { page: 'site', id: 'acme', section: 'usage' }],
    ['#/sites/acme/setup', { page: 'setup', id: 'acme' }],
    ['#/sites/acme/nonsense', { page: 'not-found' }],
    ['#/sites/%E0%A4%A', { page: 'not-found' }],
    ['#/elsewhere', { page: 'not-found' }],
  ])('%s is %j', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it('reads back every link it makes', () => {
    expect(parseRoute(href.sites())).toEqual({ page: 'sites' });
    expect(parseRoute(href.newSite())).toEqual({ page: 'new' });
    expect(parseRoute(href.apps())).toEqual({ page: 'apps' });
    expect(parseRoute(href.setup('site_1'))).toEqual({ page: 'setup', id: 'site_1' });
    for (const section of SITE_SECTIONS)
      expect(parseRoute(href.site('a b', section))).toEqual({ page: 'site', id: 'a b', section });
  });
});
