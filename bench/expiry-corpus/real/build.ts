/**
 * Builds the real-product expiry corpus: pages laid out like each product's own sign-in screens, filled only with
 * that product's own translated messages (strings.json, mined with provenance by scripts/mine-expiry-strings.ts).
 *
 * The split into tuning and held-out parts is fixed here, by a hash of the page id, and was made before the
 * detector was changed; FreeIPA and Shibboleth IdP pages are all held out because their bundles are never used to
 * tune the detector (scripts/check-expiry-phrases.ts refuses phrase data sourced from them). Shibboleth's pages were
 * added before the Linux PAM / shadow / SSSD phrase knowledge, and its wording was not read while adding it.
 * Run: npx tsx bench/expiry-corpus/real/build.ts
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { ExpiryKind } from '@/utils/expiry';

interface MinedString {
  product: string;
  lang: string;
  key: string;
  text: string;
  source: string;
}

export interface RealPageLabel {
  file: string;
  part: 'tuning' | 'held-out';
  product: string;
  lang: string;
  /** What the page is, e.g. `expired-form`, `neg-session-expired`. */
  scenario: string;
  kind: ExpiryKind;
  daysLeft?: number;
  url: string;
  sources: string[];
}

/** Products whose pages are all held out: nothing from them may tune the detector. */
export const UNTUNED_PRODUCTS = ['freeipa', 'shibboleth', 'casdoor'] as const;
/** Products tuned on one language only: their other languages' pages are all held out. */
export const TUNED_LANGUAGE_ONLY: Record<string, string> = { lemonldap: 'en' };

/** Whether a product's strings in a language are held out: never phrase data, never the tuning part. */
export function isHeldOutSource(product: string, lang: string): boolean {
  if ((UNTUNED_PRODUCTS as readonly string[]).includes(product)) return true;
  const only = TUNED_LANGUAGE_ONLY[product];
  return only !== undefined && lang !== only;
}
const HELD_OUT_SHARE = 0.3;

const DIR = new URL('.', import.meta.url);
const strings = JSON.parse(readFileSync(new URL('strings.json', DIR), 'utf8')) as MinedString[];

function fnv(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** Bundles carry a little markup (`<b>`); keep it as markup, escape the rest. */
const inline = (text: string) => escapeHtml(text).replace(/&lt;(\/?)b&gt;/g, '<$1b>');

class Bundle {
  readonly used: string[] = [];
  constructor(
    private readonly product: string,
    readonly lang: string,
  ) {}
  has(key: string): boolean {
    return strings.some((s) => s.product === this.product && s.lang === this.lang && s.key === key);
  }
  /** The message, or the English one when this language lacks it (as the products themselves fall back). */
  get(key: string, ...args: Array<string | number>): string {
    const entry =
      strings.find((s) => s.product === this.product && s.lang === this.lang && s.key === key) ??
      strings.find((s) => s.product === this.product && s.lang === 'en' && s.key === key);
    if (!entry) throw new Error(`${this.product}/${this.lang}: no ${key}`);
    this.used.push(entry.source);
    let next = 0;
    return entry.text.replace(/\{(\d)\}|\$\{days\}|%[ds]/g, (_, index: string | undefined) => String(args[index === undefined ? next++ : Number(index)] ?? ''));
  }
}

const page = (lang: string, title: string, body: string) =>
  `<!DOCTYPE html>\n<html lang="${lang}">\n<head>\n  <meta charset="utf-8">\n  <title>${escapeHtml(title)}</title>\n</head>\n<body>\n${body}\n</body>\n</html>\n`;

const DAY_CHOICES = [1, 2, 3, 4, 5, 6, 7, 9, 10, 12, 14];
const pickDays = (id: string) => DAY_CHOICES[fnv(`days:${id}`) % DAY_CHOICES.length]!;
const ORGS = ['Contoso', 'Fabrikam', 'Northwind', 'Initech'];
const pickOrg = (id: string) => ORGS[fnv(`org:${id}`) % ORGS.length]!;

interface Scenario {
  name: string;
  kind: ExpiryKind;
  /** Returns null when the bundle cannot express the scenario in this language. */
  render(b: Bundle, id: string): { title: string; body: string; daysLeft?: number; url: string } | null;
}

// ── Okta Sign-In Widget ─────────────────────────────────────────────────────────────────────────────────────
const oktaShell = (org: string, form: string, content: string) => `  <div id="okta-login-container">
    <main id="okta-sign-in" class="auth-container main-container no-beacon" data-se="auth-container">
      <div class="okta-sign-in-header auth-header"><img src="/fs/bco/1/logo.png" class="auth-org-logo" alt="${org} logo"></div>
      <div class="auth-content"><div class="auth-content-inner">
        <div class="${form}" data-se="o-form">
          <form method="POST" action="#" class="o-form o-form-edit-mode">
            <div class="o-form-content o-form-theme clearfix">
${content}
            </div>
          </form>
        </div>
      </div></div>
    </main>
  </div>`;
const oktaTitle = (text: string) => `              <h2 data-se="o-form-head" class="okta-form-title o-form-head">${inline(text)}</h2>`;
const oktaSubtitle = (text: string) => `              <p class="okta-form-subtitle o-form-explain" data-se="o-form-explain">${inline(text)}</p>`;
const oktaError = (text: string) =>
  `              <div class="o-form-error-container o-form-has-errors" data-se="o-form-error-container" role="alert"><div class="okta-form-infobox-error infobox infobox-error"><span class="icon error-16"></span><p>${inline(text)}</p></div></div>`;
const oktaField = (name: string, type: string, label: string, autocomplete: string) =>
  `              <div class="o-form-fieldset o-form-label-top"><div class="okta-form-label o-form-label"><label for="input-${name}">${inline(label)}</label></div><div class="o-form-input"><span class="o-form-input-name-${name} input-fix"><input type="${type}" name="${name}" id="input-${name}" autocomplete="${autocomplete}"></span></div></div>`;
const oktaButton = (text: string, primary = true) =>
  primary
    ? `              <div class="o-form-button-bar"><input class="button button-primary" type="submit" value="${escapeHtml(text)}" data-type="save"></div>`
    : `              <div class="auth-footer"><a href="#" class="link help js-skip" data-se="skip">${inline(text)}</a></div>`;
const oktaUrl = (id: string, path: string) => `https://${pickOrg(id).toLowerCase()}.okta.com${path}`;

const oktaChangeFields = (b: Bundle) =>
  [
    oktaField('oldPassword', 'password', b.get('password.oldPassword.placeholder'), 'current-password'),
    oktaField('newPassword', 'password', b.get('password.newPassword.placeholder'), 'new-password'),
    oktaField('confirmPassword', 'password', b.get('password.confirmPassword.placeholder'), 'new-password'),
  ].join('\n');
const oktaSignIn = (b: Bundle, extra: string) =>
  [
    oktaTitle(b.get('primaryauth.title')),
    extra,
    oktaField('username', 'text', b.get('primaryauth.username.placeholder'), 'username'),
    oktaField('password', 'password', b.get('primaryauth.password.placeholder'), 'current-password'),
    oktaButton(b.get('primaryauth.submit')),
  ]
    .filter(Boolean)
    .join('\n');

const OKTA: Scenario[] = [
  {
    name: 'expired-change-form',
    kind: 'expired',
    render: (b, id) => {
      const org = pickOrg(id);
      const title = fnv(id) % 2 ? b.get('password.expired.title.generic') : b.get('password.expired.title.specific', org);
      return {
        title: org,
        url: oktaUrl(id, '/signin/password-expired'),
        body: oktaShell(org, 'password-expired', [oktaTitle(title), oktaChangeFields(b), oktaButton(b.get('password.expired.submit')), oktaButton(b.get('goback'), false)].join('\n')),
      };
    },
  },
  {
    name: 'expired-signin-error',
    kind: 'expired',
    render: (b, id) => ({
      title: pickOrg(id),
      url: oktaUrl(id, '/login/login.htm'),
      body: oktaShell(pickOrg(id), 'primary-auth', oktaSignIn(b, oktaError(b.get('errors.E0000064')))),
    }),
  },
  {
    name: 'expiring-in-days',
    kind: 'expiring',
    render: (b, id) => {
      const days = pickDays(id);
      return {
        title: pickOrg(id),
        daysLeft: days,
        url: oktaUrl(id, '/signin/password-expiry-warning'),
        body: oktaShell(
          pickOrg(id),
          'password-expiry-warning',
          [
            oktaTitle(b.get('password.expiring.title', days)),
            oktaSubtitle(b.get('password.expiring.subtitle.generic')),
            oktaChangeFields(b),
            oktaButton(b.get('password.expired.submit')),
            oktaButton(b.get('password.expiring.later'), false),
          ].join('\n'),
        ),
      };
    },
  },
  {
    name: 'expiring-today',
    kind: 'expiring',
    render: (b, id) => ({
      title: pickOrg(id),
      daysLeft: 0,
      url: oktaUrl(id, '/signin/password-expiry-warning'),
      body: oktaShell(
        pickOrg(id),
        'password-expiry-warning',
        [oktaTitle(b.get('password.expiring.today')), oktaSubtitle(b.get('password.expiring.subtitle.generic')), oktaChangeFields(b), oktaButton(b.get('password.expired.submit')), oktaButton(b.get('password.expiring.later'), false)].join('\n'),
      ),
    }),
  },
  {
    name: 'expiring-soon-idx',
    kind: 'expiring',
    render: (b, id) => ({
      title: pickOrg(id),
      url: oktaUrl(id, '/oauth2/v1/authorize?client_id=okta.2b1959c8&response_type=code'),
      body: oktaShell(
        pickOrg(id),
        'siw-main-view reenroll-authenticator-warning-password',
        [
          oktaTitle(b.get('password.expiring.soon')),
          oktaSubtitle(b.get('idx.password.expiring.message', pickOrg(id))),
          oktaField('credentials.passcode', 'password', b.get('password.newPassword.placeholder'), 'new-password'),
          oktaField('confirmPassword', 'password', b.get('password.confirmPassword.placeholder'), 'new-password'),
          oktaButton(b.get('password.expired.submit')),
          oktaButton(b.get('password.expiring.later'), false),
        ].join('\n'),
      ),
    }),
  },
  {
    name: 'neg-signin',
    kind: 'none',
    render: (b, id) => ({ title: pickOrg(id), url: oktaUrl(id, '/login/login.htm'), body: oktaShell(pickOrg(id), 'primary-auth', oktaSignIn(b, '')) }),
  },
  {
    name: 'neg-session-expired',
    kind: 'none',
    render: (b, id) => ({
      title: pickOrg(id),
      url: oktaUrl(id, '/login/login.htm'),
      body: oktaShell(pickOrg(id), 'primary-auth', oktaSignIn(b, oktaError(b.get('error.expired.session')))),
    }),
  },
  {
    name: 'neg-mfa-grace-period',
    kind: 'none',
    render: (b, id) => ({
      title: pickOrg(id),
      url: oktaUrl(id, '/signin/enroll'),
      body: oktaShell(
        pickOrg(id),
        'enroll-choices',
        [oktaTitle(b.get('enroll.choices.title')), oktaSubtitle(b.get('enroll.choices.description.gracePeriod.bold', pickDays(id))), oktaButton(b.get('enroll.choices.setup'))].join('\n'),
      ),
    }),
  },
  {
    name: 'neg-enrolment-required-in-days',
    kind: 'none',
    render: (b, id) => ({
      title: pickOrg(id),
      url: oktaUrl(id, '/oauth2/v1/authorize?client_id=okta.2b1959c8'),
      body: oktaShell(
        pickOrg(id),
        'siw-main-view select-authenticator-enroll',
        [oktaTitle(b.get('oie.select.authenticators.enroll.title')), oktaSubtitle(b.get('oie.enrollment.policy.grace.period.required.in.days', pickDays(id))), oktaButton(b.get('enroll.choices.setup'))].join('\n'),
      ),
    }),
  },
  {
    name: 'neg-reset-password',
    kind: 'none',
    render: (b, id) => ({
      title: pickOrg(id),
      url: oktaUrl(id, '/signin/reset-password/XE6wE17zmphl3KqAPFxO'),
      body: oktaShell(
        pickOrg(id),
        'password-reset',
        [
          oktaTitle(b.get('password.reset.title.generic')),
          oktaField('newPassword', 'password', b.get('password.newPassword.placeholder'), 'new-password'),
          oktaField('confirmPassword', 'password', b.get('password.confirmPassword.placeholder'), 'new-password'),
          oktaButton(b.get('password.reset.title.generic')),
        ].join('\n'),
      ),
    }),
  },
  {
    name: 'neg-activation-link-expired',
    kind: 'none',
    render: (b, id) => ({
      title: pickOrg(id),
      url: oktaUrl(id, '/email/verify/00ub0oNGTSWTBKOLGLNR'),
      body: oktaShell(pickOrg(id), 'siw-main-view request-activation-email', [oktaTitle(b.get('oie.activation.request.email.title.expire')), oktaButton(b.get('goback'), false)].join('\n')),
    }),
  },
  {
    name: 'neg-email-link-expired',
    kind: 'none',
    render: (b, id) => ({
      title: pickOrg(id),
      url: oktaUrl(id, '/oauth2/v1/authorize?client_id=okta.2b1959c8'),
      body: oktaShell(pickOrg(id), 'siw-main-view terminal', [oktaError(b.get('idx.return.link.expired')), oktaButton(b.get('goback'), false)].join('\n')),
    }),
  },
  {
    name: 'neg-locked-out',
    kind: 'none',
    render: (b, id) => ({
      title: pickOrg(id),
      url: oktaUrl(id, '/login/login.htm'),
      body: oktaShell(pickOrg(id), 'primary-auth', oktaSignIn(b, oktaError(b.get('error.auth.lockedOut')))),
    }),
  },
];

// ── Keycloak login theme ────────────────────────────────────────────────────────────────────────────────────
const REALMS = ['corp', 'staff', 'employees', 'intranet'];
const kcUrl = (id: string, path: string) => `https://sso.${pickOrg(id).toLowerCase()}.example/realms/${REALMS[fnv(`realm:${id}`) % REALMS.length]}${path}`;
const kcShell = (id: string, title: string, alert: { type: 'warning' | 'error' | 'info'; text: string } | null, form: string) => `  <div class="login-pf-page">
    <div id="kc-header" class="login-pf-page-header"><div id="kc-header-wrapper">${pickOrg(id)}</div></div>
    <div class="card-pf">
      <header class="login-pf-header"><h1 id="kc-page-title">${inline(title)}</h1></header>
      <div id="kc-content"><div id="kc-content-wrapper">
${
  alert
    ? `        <div class="alert-${alert.type} pf-c-alert pf-m-inline pf-m-${alert.type === 'error' ? 'danger' : alert.type}"><div class="pf-c-alert__icon"><span class="fa fa-fw fa-exclamation-triangle"></span></div><span class="kc-feedback-text">${inline(alert.text)}</span></div>`
    : ''
}
${form}
      </div></div>
    </div>
  </div>`;
const kcField = (id: string, type: string, label: string, autocomplete: string) =>
  `        <div class="form-group"><div class="col-xs-12"><label for="${id}" class="control-label">${inline(label)}</label></div><div class="col-xs-12"><input type="${type}" id="${id}" name="${id}" class="form-control" autocomplete="${autocomplete}"></div></div>`;
const kcUpdateForm = (b: Bundle) => `        <form id="kc-passwd-update-form" class="form-horizontal" action="#" method="post">
${kcField('password-new', 'password', b.get('passwordNew'), 'new-password')}
${kcField('password-confirm', 'password', b.get('passwordConfirm'), 'new-password')}
          <div class="form-group"><div id="kc-form-buttons"><input class="btn btn-primary btn-block btn-lg" type="submit" value="${escapeHtml(b.get('doSubmit'))}"></div></div>
        </form>`;
const kcLoginForm = (b: Bundle) => `        <form id="kc-form-login" action="#" method="post">
${kcField('username', 'text', b.get('usernameOrEmail'), 'username')}
${kcField('password', 'password', b.get('password'), 'current-password')}
          <div class="form-group"><div class="kc-form-options"><span><a tabindex="5" href="#">${inline(b.get('doForgotPassword'))}</a></span></div></div>
          <div id="kc-form-buttons" class="form-group"><input class="btn btn-primary btn-block btn-lg" name="login" id="kc-login" type="submit" value="${escapeHtml(b.get('doLogIn'))}"></div>
        </form>`;

const KEYCLOAK: Scenario[] = [
  {
    name: 'update-password-to-activate',
    kind: 'expired',
    render: (b, id) => ({
      title: b.get('updatePasswordTitle'),
      url: kcUrl(id, '/login-actions/required-action?execution=UPDATE_PASSWORD&client_id=account-console'),
      body: kcShell(id, b.get('updatePasswordTitle'), { type: 'warning', text: b.get('updatePasswordMessage') }, kcUpdateForm(b)),
    }),
  },
  {
    name: 'update-password-required',
    kind: 'expired',
    render: (b, id) =>
      b.has('resetPasswordMessage')
        ? {
            title: b.get('updatePasswordTitle'),
            url: kcUrl(id, '/login-actions/required-action?execution=UPDATE_PASSWORD&client_id=account-console'),
            body: kcShell(id, b.get('updatePasswordTitle'), { type: 'warning', text: b.get('resetPasswordMessage') }, kcUpdateForm(b)),
          }
        : null,
  },
  {
    name: 'neg-signin',
    kind: 'none',
    render: (b, id) => ({
      title: b.get('loginAccountTitle'),
      url: kcUrl(id, '/protocol/openid-connect/auth?client_id=account-console&response_type=code'),
      body: kcShell(id, b.get('loginAccountTitle'), null, kcLoginForm(b)),
    }),
  },
  {
    name: 'neg-account-disabled',
    kind: 'none',
    render: (b, id) => ({
      title: b.get('loginAccountTitle'),
      url: kcUrl(id, '/login-actions/authenticate?execution=7c2c1a5e&client_id=account-console'),
      body: kcShell(id, b.get('loginAccountTitle'), { type: 'error', text: b.get('accountDisabledMessage') }, kcLoginForm(b)),
    }),
  },
  {
    name: 'neg-login-timeout',
    kind: 'none',
    render: (b, id) => ({
      title: b.get('loginAccountTitle'),
      url: kcUrl(id, '/login-actions/authenticate?execution=7c2c1a5e&client_id=account-console'),
      body: kcShell(id, b.get('loginAccountTitle'), { type: 'error', text: b.get('expiredCodeMessage') }, kcLoginForm(b)),
    }),
  },
  {
    name: 'neg-action-expired',
    kind: 'none',
    render: (b, id) => ({
      title: b.get('loginAccountTitle'),
      url: kcUrl(id, '/login-actions/action-token?key=eyJhbGciOiJIUzI1NiJ9'),
      body: kcShell(id, b.get('loginAccountTitle'), { type: 'error', text: b.get('expiredActionMessage') }, kcLoginForm(b)),
    }),
  },
  {
    name: 'neg-page-expired',
    kind: 'none',
    render: (b, id) => ({
      title: b.get('pageExpiredTitle'),
      url: kcUrl(id, '/login-actions/restart?client_id=account-console'),
      body: kcShell(id, b.get('pageExpiredTitle'), null, ''),
    }),
  },
  {
    name: 'neg-forgot-password',
    kind: 'none',
    render: (b, id) => ({
      title: b.get('emailForgotTitle'),
      url: kcUrl(id, '/login-actions/reset-credentials?client_id=account-console'),
      body: kcShell(
        id,
        b.get('emailForgotTitle'),
        null,
        `        <form id="kc-reset-password-form" action="#" method="post">\n${kcField('username', 'text', b.get('usernameOrEmail'), 'username')}\n          <div id="kc-info"><span>${inline(b.get('emailInstruction'))}</span></div>\n          <input class="btn btn-primary" type="submit" value="${escapeHtml(b.get('doSubmit'))}">\n        </form>`,
      ),
    }),
  },
];

// ── FreeIPA Web UI ──────────────────────────────────────────────────────────────────────────────────────────
const ipaUrl = (id: string, path: string) => `https://ipa.${pickOrg(id).toLowerCase()}.example${path}`;
const ipaField = (name: string, type: string, label: string, autocomplete: string) =>
  `          <div class="form-group"><label class="col-sm-3 control-label" for="${name}">${inline(label)}</label><div class="col-sm-9 controls"><input type="${type}" name="${name}" id="${name}" class="form-control" autocomplete="${autocomplete}"></div></div>`;
const ipaShell = (b: Bundle, alert: { type: string; text: string } | null, fields: string, button: string) => `  <div class="login-pf"><div class="container"><div class="row">
    <div class="col-sm-12"><div id="brand"><img src="../ui/images/login-screen-logo.png" alt="Identity Management"></div></div>
    <div class="col-sm-7 col-md-6 col-lg-5 login">
      <div class="login-widget">
${alert ? `        <div class="validation-summary"><div class="alert alert-${alert.type}"><span class="pficon pficon-${alert.type === 'danger' ? 'error-circle-o' : 'warning-triangle-o'}"></span><p>${inline(alert.text)}</p></div></div>` : ''}
        <form class="form-horizontal">
${fields}
          <div class="col-sm-12 login-buttons"><button type="button" class="btn btn-primary btn-lg">${inline(button)}</button></div>
        </form>
      </div>
    </div>
  </div></div></div>`;
const ipaLoginFields = (b: Bundle) => [ipaField('username', 'text', b.get('username'), 'username'), ipaField('password', 'password', b.get('password'), 'current-password')].join('\n');

const FREEIPA: Scenario[] = [
  {
    name: 'expired-reset-view',
    kind: 'expired',
    render: (b, id) =>
      b.lang === 'en' || b.has('password_expired')
        ? {
            title: 'Identity Management',
            url: ipaUrl(id, '/ipa/ui/'),
            body: ipaShell(
              b,
              { type: 'warning', text: b.get('password_expired') },
              [
                ipaField('username', 'text', b.get('username'), 'username'),
                ipaField('current_password', 'password', b.get('current_password'), 'current-password'),
                ipaField('new_password', 'password', b.get('new_password'), 'new-password'),
                ipaField('verify_password', 'password', b.get('verify_password'), 'new-password'),
              ].join('\n'),
              b.get('reset_password'),
            ),
          }
        : null,
  },
  {
    name: 'expiring-in-days',
    kind: 'expiring',
    render: (b, id) =>
      b.lang === 'en' || b.has('password_expires_in_days')
        ? {
            title: 'Identity Management',
            daysLeft: pickDays(id),
            url: ipaUrl(id, '/ipa/ui/'),
            body: ipaShell(b, { type: 'warning', text: b.get('password_expires_in_days', pickDays(id)) }, ipaLoginFields(b), b.get('login')),
          }
        : null,
  },
  {
    name: 'neg-kerberos-principal-expired',
    kind: 'none',
    render: (b, id) =>
      b.lang === 'en' || b.has('krbprincipal_expired')
        ? { title: 'Identity Management', url: ipaUrl(id, '/ipa/ui/'), body: ipaShell(b, { type: 'danger', text: b.get('krbprincipal_expired') }, ipaLoginFields(b), b.get('login')) }
        : null,
  },
  {
    name: 'neg-session-expired',
    kind: 'none',
    render: (b, id) =>
      b.lang === 'en' || b.has('session_expired')
        ? { title: 'Identity Management', url: ipaUrl(id, '/ipa/ui/'), body: ipaShell(b, { type: 'warning', text: b.get('session_expired') }, ipaLoginFields(b), b.get('login')) }
        : null,
  },
  {
    name: 'neg-reset-password',
    kind: 'none',
    render: (b, id) =>
      b.lang === 'en' || b.has('reset_your_password')
        ? {
            title: 'Identity Management',
            url: ipaUrl(id, '/ipa/ui/reset_password.html'),
            body: ipaShell(
              b,
              { type: 'info', text: b.get('reset_your_password') },
              [
                ipaField('user', 'text', b.get('username'), 'username'),
                ipaField('old_password', 'password', b.get('current_password'), 'current-password'),
                ipaField('new_password', 'password', b.get('new_password'), 'new-password'),
                ipaField('verify_password', 'password', b.get('verify_password'), 'new-password'),
              ].join('\n'),
              b.get('reset_password'),
            ),
          }
        : null,
  },
];

// ── LemonLDAP::NG portal 1.9 ────────────────────────────────────────────────────────────────────────────────
const llngUrl = (id: string, path: string) => `https://auth.${pickOrg(id).toLowerCase()}.example${path}`;
const llngShell = (b: Bundle, message: { type: string; text: string }, form: string) => `  <div id="page" class="container">
    <div id="header"><div id="logo"><img src="/static/common/logos/logo_llng_400px.png" alt="LemonLDAP::NG"></div></div>
    <div id="errormsg"><div class="message message-${message.type} alert alert-${message.type}">${inline(message.text)}</div></div>
    <div id="content" class="panel panel-default">
${form}
    </div>
  </div>`;
const llngInput = (name: string, type: string, autocomplete: string) =>
  `        <div class="form-group input-group"><span class="input-group-addon"><i class="glyphicon glyphicon-lock"></i></span><input name="${name}" type="${type}" class="form-control" autocomplete="${autocomplete}"></div>`;
const llngLogin = () =>
  `      <form action="#" method="post" class="login">
${llngInput('user', 'text', 'username')}
${llngInput('password', 'password', 'current-password')}
        <button type="submit" class="btn btn-success">OK</button>
      </form>`;
const llngChange = () =>
  `      <form action="#" method="post" class="password">
${llngInput('oldpassword', 'password', 'current-password')}
${llngInput('newpassword', 'password', 'new-password')}
${llngInput('confirmpassword', 'password', 'new-password')}
        <button type="submit" class="btn btn-success">OK</button>
      </form>`;
const llngMenu = () => `      <div id="menu"><ul class="nav nav-tabs"><li><a href="#appslist">Applications</a></li><li><a href="#password">Password</a></li><li><a href="/?logout=1">Logout</a></li></ul></div>`;

const LEMONLDAP: Scenario[] = [
  {
    name: 'expired-change-form',
    kind: 'expired',
    render: (b, id) => ({ title: 'LemonLDAP::NG', url: llngUrl(id, '/'), body: llngShell(b, { type: 'warning', text: b.get('PE_PP_PASSWORD_EXPIRED') }, llngChange()) }),
  },
  {
    name: 'reset-must-change',
    kind: 'expired',
    render: (b, id) => ({ title: 'LemonLDAP::NG', url: llngUrl(id, '/'), body: llngShell(b, { type: 'warning', text: b.get('PE_PP_CHANGE_AFTER_RESET') }, llngChange()) }),
  },
  {
    name: 'grace-logins-remaining',
    kind: 'expiring',
    render: (b, id) => ({
      title: 'LemonLDAP::NG',
      url: llngUrl(id, '/'),
      // The portal prints the count right before the message: "2 authentications remaining, change your password!"
      body: llngShell(b, { type: 'warning', text: `${1 + (fnv(`grace:${id}`) % 4)}${b.get('PE_PP_GRACE')}` }, llngMenu()),
    }),
  },
  {
    name: 'expiry-countdown',
    kind: 'expiring',
    render: (b, id) => {
      const days = pickDays(id);
      return { title: 'LemonLDAP::NG', daysLeft: days, url: llngUrl(id, '/'), body: llngShell(b, { type: 'warning', text: b.get('PE_PP_EXP_WARNING', days, 5, 42, 17) }, llngMenu()) };
    },
  },
  {
    name: 'neg-session-expired',
    kind: 'none',
    render: (b, id) => ({ title: 'LemonLDAP::NG', url: llngUrl(id, '/'), body: llngShell(b, { type: 'warning', text: b.get('PE_SESSIONEXPIRED') }, llngLogin()) }),
  },
  {
    name: 'neg-account-locked',
    kind: 'none',
    render: (b, id) => ({ title: 'LemonLDAP::NG', url: llngUrl(id, '/'), body: llngShell(b, { type: 'danger', text: b.get('PE_PP_ACCOUNT_LOCKED') }, llngLogin()) }),
  },
  {
    name: 'neg-signin',
    kind: 'none',
    render: (b, id) => ({ title: 'LemonLDAP::NG', url: llngUrl(id, '/'), body: llngShell(b, { type: 'info', text: b.get('PE_FIRSTACCESS') }, llngLogin()) }),
  },
];

// ── Shibboleth IdP (views/login.vm, login-error.vm, intercept/expiring-password.vm) ─────────────────────────
// Held out entirely, and built before any phrase knowledge was added after it: its wording never tunes the detector.
const shibUrl = (id: string, path: string) => `https://idp.${pickOrg(id).toLowerCase()}.example${path}`;
const shibShell = (b: Bundle, content: string, header = '') => `  <div class="wrapper">
    <div class="container">
      <header>
        <img src="/idp/images/dummylogo.png" alt="${escapeHtml(b.get('idp.logo.alt-text'))}">
${header}
      </header>
${content}
    </div>
    <footer><div class="container container-footer"><p class="footer-text">${inline(b.get('idp.footer'))}</p></div></footer>
  </div>`;
const shibLogin = (b: Bundle, error: string | null) =>
  shibShell(
    b,
    `      <div class="content">
        <div class="column one">
${error ? `          <section><p class="form-element form-error">${escapeHtml(error)}</p></section>` : ''}
          <form action="/idp/profile/SAML2/Redirect/SSO?execution=e1s1" method="post">
            <div class="form-element-wrapper"><label for="username">${inline(b.get('idp.login.username'))}</label><input class="form-element form-field" id="username" name="j_username" type="text"></div>
            <div class="form-element-wrapper"><label for="password">${inline(b.get('idp.login.password'))}</label><input class="form-element form-field" id="password" name="j_password" type="password"></div>
            <div class="form-element-wrapper"><input type="checkbox" name="donotcache" value="1" id="donotcache"><label for="donotcache">${inline(b.get('idp.login.donotcache'))}</label></div>
            <div class="form-element-wrapper"><input id="_shib_idp_revokeConsent" type="checkbox" name="_shib_idp_revokeConsent" value="true"><label for="_shib_idp_revokeConsent">${inline(b.get('idp.attribute-release.revoke'))}</label></div>
            <div class="form-element-wrapper"><button class="form-element form-button" type="submit" name="_eventId_proceed">${inline(b.get('idp.login.login'))}</button></div>
          </form>
        </div>
        <div class="column two">
          <ul class="list list-help">
            <li class="list-help-item"><a href="#"><span class="item-marker">&rsaquo;</span> ${inline(b.get('idp.login.forgotPassword'))}</a></li>
            <li class="list-help-item"><a href="#"><span class="item-marker">&rsaquo;</span> ${inline(b.get('idp.login.needHelp'))}</a></li>
          </ul>
        </div>
      </div>`,
  );
const shibLoginPage = (key: string | null) => (b: Bundle, id: string) => ({
  title: b.get('idp.title'),
  url: shibUrl(id, '/idp/profile/SAML2/Redirect/SSO?execution=e1s1'),
  body: shibLogin(b, key ? b.get(key) : null),
});

const SHIBBOLETH: Scenario[] = [
  { name: 'expired-signin-error', kind: 'expired', render: shibLoginPage('expired-password.message') },
  {
    name: 'expiring-soon-intercept',
    kind: 'expiring',
    render: (b, id) => ({
      title: b.get('idp.title'),
      url: shibUrl(id, '/idp/profile/SAML2/Redirect/SSO?execution=e1s2'),
      body: shibShell(
        b,
        `      <div class="content">
        <p>${inline(b.get('idp.login.changePassword'))} <strong><a href="https://password.${pickOrg(id).toLowerCase()}.example/" target="_blank">https://password.${pickOrg(id).toLowerCase()}.example/</a></strong>.</p>
        <p>${inline(b.get('idp.login.proceedBegin'))} <strong><a href="#">${inline(b.get('idp.login.proceedHere'))}</a></strong> ${inline(b.get('idp.login.proceedEnd'))}.</p>
      </div>`,
        `        <h3>${inline(b.get('idp.login.expiringSoon'))}</h3>`,
      ),
    }),
  },
  { name: 'neg-signin', kind: 'none', render: shibLoginPage(null) },
  { name: 'neg-bad-password', kind: 'none', render: shibLoginPage('bad-password.message') },
  { name: 'neg-bad-username', kind: 'none', render: shibLoginPage('bad-username.message') },
  { name: 'neg-account-locked', kind: 'none', render: shibLoginPage('account-locked.message') },
];

// ── Casdoor (held out, added after the twenty-sixth round) ─────────────────────────────────────────────────────────
// Its sign-in form (the web app's words) with the server's refusal shown as the app shows a failed request: an antd
// message toast at the top of the page.
const casdoorLogin = (key: string | null) => (b: Bundle, id: string) => {
  const org = pickOrg(id).toLowerCase();
  // Read in the page's order (title first), as the page's sources are listed.
  const title = b.get('signin_submit');
  const toast = key
    ? `  <div class="ant-message"><div class="ant-message-notice"><div class="ant-message-notice-content"><div class="ant-message-custom-content ant-message-error"><span>${inline(b.get(key, 3))}</span></div></div></div></div>\n`
    : '';
  return {
    title,
    url: `https://door.${org}.example/login/${org}`,
    body: `${toast}  <div class="login-content"><div class="login-panel"><div class="login-form">
    <form class="ant-form ant-form-horizontal" id="normal_login">
      <div class="ant-form-item"><input id="username" class="ant-input" placeholder="${escapeHtml(b.get('username_placeholder'))}"></div>
      <div class="ant-form-item"><input id="password" class="ant-input" type="password" placeholder="${escapeHtml(b.get('password_placeholder'))}"></div>
      <div class="ant-form-item"><a href="/forget/${org}">${inline(b.get('forgot_password'))}</a></div>
      <div class="ant-form-item"><button type="submit" class="ant-btn ant-btn-primary"><span>${inline(b.get('signin_submit'))}</span></button></div>
    </form>
  </div></div></div>`,
  };
};

const CASDOOR: Scenario[] = [
  { name: 'expired-signin-error', kind: 'expired', render: casdoorLogin('password_expired') },
  { name: 'neg-signin', kind: 'none', render: casdoorLogin(null) },
  { name: 'neg-bad-password-chances', kind: 'none', render: casdoorLogin('wrong_password_chances') },
];

/** Products with pages; the Linux PAM, shadow and SSSD catalogues only feed the phrase data (no web page of their own). */
const PRODUCTS: Record<string, Scenario[]> = {
  okta: OKTA,
  keycloak: KEYCLOAK,
  freeipa: FREEIPA,
  lemonldap: LEMONLDAP,
  shibboleth: SHIBBOLETH,
  casdoor: CASDOOR,
};

export function buildCorpus(): Array<RealPageLabel & { html: string }> {
  const pages: Array<RealPageLabel & { html: string }> = [];
  for (const [product, scenarios] of Object.entries(PRODUCTS)) {
    const langs = [...new Set(strings.filter((s) => s.product === product).map((s) => s.lang))].sort();
    for (const lang of langs) {
      for (const scenario of scenarios) {
        const id = `${product}-${scenario.name}-${lang}`;
        const bundle = new Bundle(product, lang);
        const rendered = scenario.render(bundle, id);
        if (!rendered) continue;
        const part = isHeldOutSource(product, lang) || (fnv(`split:${id}`) % 1000) / 1000 < HELD_OUT_SHARE ? 'held-out' : 'tuning';
        const label: RealPageLabel = {
          file: `${part}/${id}.html`,
          part,
          product,
          lang,
          scenario: scenario.name,
          kind: scenario.kind,
          url: rendered.url,
          sources: [...new Set(bundle.used)],
        };
        if (rendered.daysLeft !== undefined) label.daysLeft = rendered.daysLeft;
        pages.push({ ...label, html: page(lang, rendered.title, rendered.body) });
      }
    }
  }
  return pages;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const pages = buildCorpus();
  for (const part of ['tuning', 'held-out']) {
    rmSync(new URL(`${part}/`, DIR), { recursive: true, force: true });
    mkdirSync(new URL(`${part}/`, DIR), { recursive: true });
  }
  for (const { html, ...label } of pages) writeFileSync(new URL(label.file, DIR), html);
  writeFileSync(new URL('manifest.json', DIR), `${JSON.stringify(pages.map(({ html, ...label }) => label), null, 1)}\n`);
  const count = (part: string) => pages.filter((p) => p.part === part).length;
  console.log(`${pages.length} pages: ${count('tuning')} tuning, ${count('held-out')} held-out`);
}
