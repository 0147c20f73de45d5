import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { tagScript } from './tagScript';

const COLLECT = 'https://openabm.example/t/collect';

/** A browser page stubbed just enough for the tag: location, history, popstate, cookies, storage, sendBeacon. */
function loadTag(options: { href: string; referrer?: string; cookie?: string; doNotTrack?: string; globalPrivacyControl?: boolean }) {
  const beacons: Array<{ u: string; r: string | null; v: string; k: string }> = [];
  const listeners: Record<string, Array<() => void>> = {};
  const location = { href: options.href };
  const storage = new Map<string, string>();
  let cookie = options.cookie ?? '';
  const resolve = (url: string) => new URL(url, location.href).href;
  const history = {
    pushState(_state: unknown, _title: string, url?: string) {
      if (url !== undefined) location.href = resolve(url);
    },
    replaceState(_state: unknown, _title: string, url?: string) {
      if (url !== undefined) location.href = resolve(url);
    },
  };
  const window: Record<string, unknown> = {
    location,
    history,
    navigator: {
      doNotTrack: options.doNotTrack,
      globalPrivacyControl: options.globalPrivacyControl,
      sendBeacon: (url: string, body: string) => {
        expect(url).toBe(COLLECT);
        beacons.push(JSON.parse(body));
        return true;
      },
    },
    document: {
      currentScript: { getAttribute: (name: string) => (name === 'data-openabm-key' ? 'k'.repeat(24) : null) },
      referrer: options.referrer ?? '',
      get cookie() {
        return cookie;
      },
      set cookie(value: string) {
        const [pair] = value.split(';');
        const name = (pair ?? '').split('=')[0];
        const others = cookie.split('; ').filter((entry) => entry && !entry.startsWith(`${name}=`));
        cookie = [...others, ...(value.includes('max-age=0') ? [] : [pair])].join('; ');
      },
    },
    localStorage: { getItem: (key: string) => storage.get(key) ?? null, setItem: (key: string, value: string) => storage.set(key, value) },
    crypto: { getRandomValues: (bytes: Uint8Array) => bytes.fill(7) },
    addEventListener: (type: string, listener: () => void) => (listeners[type] ??= []).push(listener),
    fetch: () => {
      throw new Error('sendBeacon succeeded; fetch must not be called');
    },
  };
  window.window = window;
  runInNewContext(tagScript(COLLECT), window);
  const popTo = (url: string) => {
    location.href = resolve(url);
    for (const listener of listeners.popstate ?? []) listener();
  };
  return { beacons, history, popTo, window };
}

describe('web tag script', () => {
  it('counts the page load and each single-page-app navigation to a new URL, once', () => {
    const page = loadTag({ href: 'https://www.vantorel.test/', referrer: 'https://search.example/?q=abm' });
    expect(page.beacons).toEqual([expect.objectContaining({ u: 'https://www.vantorel.test/', r: 'https://search.example/?q=abm' })]);

    page.history.pushState({}, '', '/pricing');
    page.history.replaceState({ tab: 2 }, '', '/pricing'); // same URL: a state update, not a view
    page.history.pushState({}, '', '/pricing#plans'); // an anchor on the same page
    page.history.replaceState({}, ''); // no URL at all
    page.history.pushState({}, '', '/docs?section=setup');
    page.popTo('/pricing'); // back button
    page.popTo('/pricing'); // a second popstate without a URL change

    expect(page.beacons.map((beacon) => [beacon.u, beacon.r])).toEqual([
      ['https://www.vantorel.test/', 'https://search.example/?q=abm'],
      ['https://www.vantorel.test/pricing', 'https://www.vantorel.test/'],
      ['https://www.vantorel.test/docs?section=setup', 'https://www.vantorel.test/pricing'],
      ['https://www.vantorel.test/pricing', 'https://www.vantorel.test/docs?section=setup'],
    ]);
    expect(new Set(page.beacons.map((beacon) => beacon.v)).size).toBe(1);
  });

  it('stops counting navigations once the visitor opts out', () => {
    const page = loadTag({ href: 'https://www.vantorel.test/' });
    (page.window.openabm as { optOut: () => void }).optOut();
    page.history.pushState({}, '', '/pricing');
    expect(page.beacons.map((beacon) => beacon.u)).toEqual(['https://www.vantorel.test/']);
  });

  it.each([
    ['Do Not Track', { doNotTrack: '1' }],
    ['Global Privacy Control', { globalPrivacyControl: true }],
    ['the opt-out cookie', { cookie: 'openabm_optout=1' }],
  ])('sends nothing, on load or navigation, under %s', (_name, privacy) => {
    const page = loadTag({ href: 'https://www.vantorel.test/', ...privacy });
    page.history.pushState({}, '', '/pricing');
    page.popTo('/');
    expect(page.beacons).toEqual([]);
  });
});
