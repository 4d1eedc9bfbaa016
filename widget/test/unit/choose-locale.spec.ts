import { chatKitLocale } from '../../src/chatkit/chatkit-renderer';
import { catalogFor, chooseLocale, directionOf } from '../../src/locale/choose-locale';

describe('chooseLocale', () => {
  it('takes the locale attribute over the site setting and the browser languages', () => {
    expect(chooseLocale({ attribute: 'de', site: 'fr', browser: ['es-ES'] })).toEqual({
      locale: 'de',
      tag: 'de',
      source: 'attribute',
    });
  });

  it("takes the site's setting when the page gives no attribute", () => {
    expect(chooseLocale({ attribute: '', site: 'ar', browser: ['es-ES', 'en'] })).toEqual({
      locale: 'ar',
      tag: 'ar',
      source: 'site',
    });
  });

  it("takes the first of the browser's languages the widget speaks", () => {
    expect(chooseLocale({ browser: ['ja-JP', 'fr-CA', 'de'] })).toEqual({
      locale: 'fr',
      tag: 'fr-CA',
      source: 'browser',
    });
  });

  it('falls back from a region to its language (ur-PK → ur), keeping the tag as asked', () => {
    expect(chooseLocale({ attribute: 'ur-PK' })).toEqual({ locale: 'ur', tag: 'ur-PK', source: 'attribute' });
    expect(chooseLocale({ site: 'ur_PK' })).toEqual({ locale: 'ur', tag: 'ur-PK', source: 'site' });
    expect(chooseLocale({ browser: ['AR-eg'] })).toMatchObject({ locale: 'ar', source: 'browser' });
  });

  it('passes over languages without a catalog to the next wish, and ends in English', () => {
    expect(chooseLocale({ attribute: 'ja', site: 'zh-Hant', browser: ['es-MX'] })).toEqual({
      locale: 'es',
      tag: 'es-MX',
      source: 'browser',
    });
    expect(chooseLocale({ attribute: 'ja', browser: ['ko', 'zh'] })).toEqual({
      locale: 'en',
      tag: 'en',
      source: 'default',
    });
    expect(chooseLocale({})).toEqual({ locale: 'en', tag: 'en', source: 'default' });
  });

  it('matches exact codes and languages only, not prefixes of other languages', () => {
    expect(catalogFor('en-GB')).toBe('en');
    expect(catalogFor('ar')).toBe('ar');
    expect(catalogFor('ury')).toBeUndefined(); // not Urdu
    expect(catalogFor('')).toBeUndefined();
  });
});

describe('directionOf', () => {
  it('lays Urdu and Arabic out right to left, the others left to right', () => {
    expect(['ur', 'ur-PK', 'ar', 'ar-EG'].map(directionOf)).toEqual(['rtl', 'rtl', 'rtl', 'rtl']);
    expect(['en', 'de-DE', 'es', 'fr'].map(directionOf)).toEqual(['ltr', 'ltr', 'ltr', 'ltr']);
  });
});

describe('chatKitLocale', () => {
  it('names the language as ChatKit knows it: a regional variant it translates, else the language alone', () => {
    expect(['fr-FR', 'es-419', 'de-DE', 'ur-PK', 'de-AT', 'en-US', 'ar'].map(chatKitLocale)).toEqual([
      'fr-FR',
      'es-419',
      'de-DE',
      'ur',
      'de',
      'en',
      'ar',
    ]);
  });
});
