import { beforeEach, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { mirrorPageSessionFlag } from '@/entrypoints/background/page-session-mirror';
import type { PageSessionMirror } from '@/entrypoints/shared/page-session-flag';

/**
 * Firefox's background page keeps a copy of storage.session's page-session flag for the first popup after a browser
 * start to read synchronously (paint-cache.ts's stillTrueNow): the copy must say what storage.session says, or nothing.
 */
beforeEach(() => {
  fakeBrowser.reset();
});

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

it('says nothing until it has read storage.session, then what it read', async () => {
  await fakeBrowser.storage.session.set({ 'rekey:page-session': true });
  const page: PageSessionMirror = {};
  mirrorPageSessionFlag(page);
  expect(page.rekeyPageSession).toBeUndefined();
  await settled();
  expect(page.rekeyPageSession).toBe(true);
});

it('reads an empty storage.session (a browser start) as no session kept', async () => {
  const page: PageSessionMirror = {};
  mirrorPageSessionFlag(page);
  await settled();
  expect(page.rekeyPageSession).toBe(false);
});

it('follows the flag as pages set it and as storage.session is emptied', async () => {
  const page: PageSessionMirror = {};
  mirrorPageSessionFlag(page);
  await settled();
  await fakeBrowser.storage.session.set({ 'rekey:page-session': true });
  await settled();
  expect(page.rekeyPageSession).toBe(true);
  await fakeBrowser.storage.session.clear();
  await settled();
  expect(page.rekeyPageSession).toBe(false);
});

it('keeps a change heard before its first read answered (that read may be older)', async () => {
  const page: PageSessionMirror = {};
  let answer: (value: Record<string, unknown>) => void = () => undefined;
  const get = fakeBrowser.storage.session.get;
  fakeBrowser.storage.session.get = (() =>
    new Promise<Record<string, unknown>>((resolve) => {
      answer = resolve;
    })) as typeof get;
  try {
    mirrorPageSessionFlag(page);
    await fakeBrowser.storage.session.set({ 'rekey:page-session': true });
    await settled();
    answer({});
    await settled();
    expect(page.rekeyPageSession).toBe(true);
  } finally {
    fakeBrowser.storage.session.get = get;
  }
});
