import { Window } from 'happy-dom';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { looksRelevant, namesPassword } from '@/utils/expiry/precheck';

const pageOf = (body: string, title = 'Sign in') => new JSDOM(`<title>${title}</title><body>${body}</body>`).window.document;

describe('watcher pre-check: could this page be about a password?', () => {
  it.each([
    ['a password field', '<form><input type="PASSWORD" name="x"></form>'],
    ['English text', '<p>Your password will expire in 3 days.</p>'],
    ['Swedish, inflected', '<p>Lösenordet har gått ut.</p>'],
    ['Russian, genitive', '<p>Срок действия вашего пароля истёк.</p>'],
    ['Korean', '<h2>비밀번호가 만료되었습니다</h2>'],
    ['Thai', '<h2>รหัสผ่านของคุณหมดอายุแล้ว</h2>'],
    ['Danish "kodeord"', '<p>Kodeordet er udløbet og skal skiftes.</p>'],
  ])('says yes for %s', (_what, body) => {
    expect(looksRelevant(pageOf(body))).toBe(true);
  });

  it('says no for a page that never names a password', () => {
    expect(looksRelevant(pageOf('<h1>Quarterly report</h1><p>Revenue is up.</p><input type="text">', 'Report'))).toBe(false);
  });

  it('does not read scripts or styles', () => {
    expect(looksRelevant(pageOf('<script>var password = 1</script><style>.password{}</style><p>Hello</p>', 'Home'))).toBe(false);
  });

  it('stops after its node budget: a password named only past it is not seen', () => {
    const filler = '<span>x</span>'.repeat(50);
    expect(looksRelevant(pageOf(`${filler}<p>password</p>`, 'Home'), { maxNodes: 20, maxChars: 10_000 })).toBe(false);
    expect(looksRelevant(pageOf(`${filler}<p>password</p>`, 'Home'), { maxNodes: 1_000, maxChars: 10_000 })).toBe(true);
  });

  it('matches whole-script nouns only, not look-alikes', () => {
    expect(namesPassword('Passport renewal')).toBe(false);
    expect(namesPassword('PASSWORT abgelaufen')).toBe(true);
  });

  it('answers on hostile pages without recursion or unbounded reading: 20 000-deep nesting, a 5 MB text node', () => {
    const window = new Window({ url: 'https://login.corp.example/' });
    const doc = window.document as unknown as Document;
    let deepest: Element = doc.body;
    for (let depth = 0; depth < 20_000; depth++) {
      const child = doc.createElement('div');
      deepest.appendChild(child);
      deepest = child;
    }
    deepest.textContent = `${'x'.repeat(5_000_000)} password`;
    expect(typeof looksRelevant(doc)).toBe('boolean');
    void window.happyDOM.abort();
  });
});
