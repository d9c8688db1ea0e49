/**
 * Mines the sign-in products' own message bundles into bench/expiry-corpus/real/strings.json: one entry per
 * product × language × message key, each with the repository, commit, path and key it came from.
 *
 * Inputs (not committed; fetched by whoever regenerates the data):
 *   OKTA_GIT     bare clone of okta/okta-signin-widget            (login_*.properties)
 *   FREEIPA_GIT  bare clone of freeipa/freeipa                    (po/*.po, ipaserver/plugins/internal.py msgids)
 *   KEYCLOAKIFY  unpacked npm package keycloakify@11.16.0, whose src/login/i18n/messages_defaultSet/*.ts are
 *                generated verbatim from keycloak/keycloak themes/…/login/messages/messages_*.properties
 *   PAM_GIT      bare clone of linux-pam/linux-pam                (po/*.po: pam_unix account warnings, plural forms)
 *   SHADOW_GIT   bare clone of shadow-maint/shadow                (po/*.po: lib/age.c expiry warnings)
 *   SSSD_GIT     bare clone of SSSD/sssd                          (po/*.po: pam_sss expiry and grace-login messages)
 *   SAMBA_GIT    bare clone of samba-team/samba                   (source3/locale/pam_winbind/*.po)
 *   SUDO_GIT     bare clone of sudo-project/sudo                  (plugins/sudoers/po/*.po)
 *   SHIBBOLETH_GIT bare clone of unofficial-shibboleth-mirror/java-identity-provider (messages_*.properties; held out)
 *   MEDIAWIKI_DEB  Debian package file, `apt-get download mediawiki=1:1.39.17-1+deb12u2`    (languages/i18n/*.json)
 *   SOGO_DEB       Debian package file, `apt-get download sogo-common=5.8.0-2+deb12u4`     (MainUI Localizable.strings)
 *   ROUNDCUBE_PLUGINS_DEB `apt-get download roundcube-plugins=1.6.5+dfsg-1+deb12u14`      (plugins/password/localization)
 *   EVOLUTION_EWS_DEB     `apt-get download evolution-ews=3.46.4-1`                        (.mo catalogues, via msgunfmt)
 *   GNOME_SCREENSAVER_DEB `apt-get download gnome-screensaver=3.6.1-13+b2`
 *   MATE_SCREENSAVER_DEB  `apt-get download mate-screensaver-common=1.26.1-1+deb12u1`
 *   KRB5_LOCALES_DEB      `apt-get download krb5-locales=1.20.1-2+deb12u5`
 *   HORDE_DEB             `apt-get download php-horde=5.2.23+debian0-6`
 *   COCKPIT_WS_DEB, COCKPIT_SYSTEM_DEB `apt-get download cockpit-ws=287.1-0+deb12u3 cockpit-system=287.1-0+deb12u3`
 *   SILVERSTRIPE_GIT      bare clone of silverstripe/silverstripe-framework             (lang/*.yml)
 *   FUSIONAUTH_GIT        bare clone of FusionAuth/fusionauth-localization              (theme/messages*.properties)
 *   LOGTO_GIT             bare clone of logto-io/logto          (packages/phrases-experience/src/locales/LANG/*.ts)
 *   REDMINE_DEB           `apt-get download redmine=5.0.4-5+deb12u1`                        (config/locales/*.yml)
 *   (a .deb names its package and version, which become the source: debian/NAME@VERSION:path:key)
 *   GUACAMOLE_GIT  bare clone of apache/guacamole-client   (guacamole-auth-jdbc translations/*.json)
 *   OWNCLOUD_PASSWORD_POLICY_GIT bare clone of owncloud/password_policy (l10n/*.json)
 *   WEBMIN_GIT     bare clone of webmin/webmin (lang/LANG and lang/LANG.auto, machine translations marked by the path)
 *   ZIMBRA_AJAX_GIT, ZIMBRA_WEB_CLIENT_GIT bare clones of Zimbra/zm-ajax (ZMsg*.properties) and Zimbra/zm-web-client (ZmMsg*)
 *   NEXTCLOUD_PASSWORD_POLICY_GIT bare clone of nextcloud/password_policy (l10n/*.json)
 *   AUTH0_LOCK     unpacked npm package auth0-lock@14.3.0 (`npm pack auth0-lock@14.3.0`; lib/i18n/*.js)
 *   JUMPSERVER_GIT bare clone of jumpserver/jumpserver (apps/i18n/core/LANG/LC_MESSAGES/django.po)
 *   CASDOOR_GIT    bare clone of casdoor/casdoor (held out: pages only; i18n/locales and web/src/locales LANG/data.json)
 * Always read: Apereo CAS's messages*.properties excerpts vendored in bench/expiry-corpus/real/bundles/apereo-cas, authentik's
 * django.po excerpts in bench/expiry-corpus/real/bundles/authentik, and
 * closed products' messages as documentation pages quote them (bench/expiry-corpus/real/bundles/documented, with URLs).
 * Commits used for the data in the repository: okta 5225c54fdab5, freeipa b16f3b80dc59, keycloakify 11.16.0, and
 * linux-pam ddab692c8409, shadow 816e02a2a98d, sssd 9238b410e4b3, samba 4614f04b0629, sudo 2e18923c2e95, shibboleth idp
 * 70cacdfae055, guacamole-client 5be18be1eead, owncloud password_policy d6d0fb96c354 (as in the sources). Fuzzy (unreviewed) translations are skipped.
 * An input left unset keeps that product's entries from the current strings.json, so one bundle can be re-mined alone.
 * Run: OKTA_GIT=… FREEIPA_GIT=… KEYCLOAKIFY=… PAM_GIT=… SHADOW_GIT=… SSSD_GIT=… SAMBA_GIT=… SUDO_GIT=… SHIBBOLETH_GIT=… \
 *      MEDIAWIKI_DEB=… SOGO_DEB=… ROUNDCUBE_PLUGINS_DEB=… npx tsx scripts/mine-expiry-strings.ts
 */

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import {
  parseCockpitPo,
  parseLocaleModule,
  parseLocaleYaml,
  parsePo,
  parsePoForms,
  parseProperties,
  parseRoundcubeInc,
  parseStrings,
} from './bundle-parsers';

export interface MinedString {
  product: string;
  lang: string;
  key: string;
  text: string;
  source: string;
}

const out: MinedString[] = [];
const git = (dir: string, ...args: string[]) => execFileSync('git', ['--git-dir', dir, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });

// ── Okta Sign-In Widget ─────────────────────────────────────────────────────────────────────────────────────
const OKTA_KEYS = [
  'password.expired.title.generic',
  'password.expired.title.specific',
  'password.expired.submit',
  'errors.E0000064',
  'password.expiring.title',
  'password.expiring.today',
  'password.expiring.soon',
  'password.expiring.subtitle.generic',
  'password.expiring.later',
  'idx.password.expiring.message',
  'password.oldPassword.placeholder',
  'password.newPassword.placeholder',
  'password.confirmPassword.placeholder',
  'password.complexity.minAgeDays',
  'primaryauth.title',
  'primaryauth.username.placeholder',
  'primaryauth.password.placeholder',
  'primaryauth.submit',
  'goback',
  'error.expired.session',
  'error.auth.lockedOut',
  'password.reset.title.generic',
  'enroll.choices.title',
  'enroll.choices.description.gracePeriod.bold',
  'enroll.choices.setup',
  'oie.enrollment.policy.grace.period.required.in.days',
  'oie.select.authenticators.enroll.title',
  'oie.activation.request.email.title.expire',
  'idx.return.link.expired',
];
const OKTA_DIR = 'packages/@okta/i18n/src/properties';
const oktaLang = (file: string) =>
  ({
    'login.properties': 'en',
    'login_nl_NL.properties': 'nl',
    'login_pt_BR.properties': 'pt-BR',
    'login_zh_CN.properties': 'zh-CN',
    'login_zh_TW.properties': 'zh-TW',
  })[file] ?? /^login_([a-z]{2})\.properties$/.exec(file)?.[1];

if (process.env.OKTA_GIT) {
  const dir = process.env.OKTA_GIT;
  const commit = git(dir, 'rev-parse', 'HEAD').trim();
  const files = git(dir, 'ls-tree', '--name-only', `HEAD:${OKTA_DIR}`).split('\n').filter(Boolean);
  for (const file of files) {
    const lang = oktaLang(file);
    if (!lang) continue; // pseudo-locales (ok_PL, ok_SK) and languages without a two-letter tag
    const props = parseProperties(git(dir, 'show', `HEAD:${OKTA_DIR}/${file}`));
    for (const key of OKTA_KEYS) {
      const text = props.get(key);
      if (text)
        out.push({ product: 'okta', lang, key, text, source: `okta/okta-signin-widget@${commit.slice(0, 12)}:${OKTA_DIR}/${file}:${key}` });
    }
  }
}

// ── Keycloak (login theme messages, via keycloakify's verbatim copy) ─────────────────────────────────────────
const KEYCLOAK_KEYS = [
  'updatePasswordTitle',
  'updatePasswordMessage',
  'resetPasswordMessage',
  'passwordNew',
  'passwordConfirm',
  'doSubmit',
  'doLogIn',
  'loginAccountTitle',
  'usernameOrEmail',
  'password',
  'accountDisabledMessage',
  'expiredCodeMessage',
  'expiredActionMessage',
  'pageExpiredTitle',
  'emailForgotTitle',
  'emailInstruction',
  'doForgotPassword',
  'console-update-password',
];
if (process.env.KEYCLOAKIFY) {
  const dir = join(process.env.KEYCLOAKIFY, 'src/login/i18n/messages_defaultSet');
  const version = JSON.parse(readFileSync(join(process.env.KEYCLOAKIFY, 'package.json'), 'utf8')).version as string;
  for (const file of readdirSync(dir)) {
    const lang = /^([a-z]{2}(?:-[A-Z]{2})?)\.ts$/.exec(file)?.[1];
    if (!lang) continue;
    const source = readFileSync(join(dir, file), 'utf8');
    const body = source.slice(source.indexOf('{'), source.lastIndexOf('}') + 1);
    // The generated file is a plain object literal of string literals.
    const messages = new Function(`return (${body});`)() as Record<string, string>;
    const keycloakFile = lang === 'en' ? 'messages_en.properties' : `messages_${lang.replace('-', '_')}.properties`;
    for (const key of KEYCLOAK_KEYS) {
      const text = messages[key];
      if (text)
        out.push({
          product: 'keycloak',
          lang,
          key,
          text: text.trim(),
          source: `keycloak/keycloak:themes/src/main/resources(-community)/theme/base/login/messages/${keycloakFile}:${key} (copied verbatim in npm keycloakify@${version})`,
        });
    }
  }
}

// ── FreeIPA Web UI (gettext) ────────────────────────────────────────────────────────────────────────────────
const FREEIPA_MSGIDS: Record<string, string> = {
  'Your password has expired. Please enter a new password.': 'password_expired',
  'Your password expires in ${days} days.': 'password_expires_in_days',
  'Kerberos Principal you entered is expired': 'krbprincipal_expired',
  'Your session has expired. Please log in again.': 'session_expired',
  'Reset your password.': 'reset_your_password',
  'Reset Password': 'reset_password',
  'New Password': 'new_password',
  'Current Password': 'current_password',
  'Verify Password': 'verify_password',
  Username: 'username',
  Password: 'password',
  'Log in': 'login',
  OTP: 'otp',
};

if (process.env.FREEIPA_GIT) {
  const dir = process.env.FREEIPA_GIT;
  const commit = git(dir, 'rev-parse', 'HEAD').trim().slice(0, 12);
  for (const [msgid, key] of Object.entries(FREEIPA_MSGIDS))
    out.push({ product: 'freeipa', lang: 'en', key, text: msgid, source: `freeipa/freeipa@${commit}:po/ipa.pot:msgid "${msgid}"` });
  const files = git(dir, 'ls-tree', '--name-only', 'HEAD:po')
    .split('\n')
    .filter((f) => f.endsWith('.po'));
  for (const file of files) {
    const lang = file.replace(/\.po$/, '').replace('_', '-');
    if (lang === 'en-GB') continue;
    const po = parsePo(git(dir, 'show', `HEAD:po/${file}`));
    for (const [msgid, key] of Object.entries(FREEIPA_MSGIDS)) {
      const text = po.get(msgid);
      if (text) out.push({ product: 'freeipa', lang, key, text, source: `freeipa/freeipa@${commit}:po/${file}:msgid "${msgid}"` });
    }
  }
}

// ── LemonLDAP::NG portal 1.9 (error messages by PE_* constant) ─────────────────────────────────────────────
// Read through the code-search service (the repository cannot be cloned here); copied verbatim from
// gitpan/Lemonldap-NG-Portal lib/Lemonldap/NG/Portal/_i18n.pm ($VERSION 1.9.1), subs error_en, error_fr, error_ro.
const LEMONLDAP: Record<string, Record<string, string>> = {
  en: {
    PE_SESSIONEXPIRED: 'Your connection has expired, you must authenticate once again',
    PE_FIRSTACCESS: 'Authentication required',
    PE_PP_ACCOUNT_LOCKED: 'Your account is locked',
    PE_PP_PASSWORD_EXPIRED: 'Your password has expired',
    PE_PP_CHANGE_AFTER_RESET: 'Password has been reset and now must be changed',
    PE_PP_GRACE: ' authentications remaining, change your password!',
    PE_PP_EXP_WARNING: '%d days, %d hours, %d minutes and %d seconds before password expiration, change it!',
    PE_PASSWORDFIRSTACCESS: 'Please provide your new password',
  },
  fr: {
    PE_SESSIONEXPIRED: 'Votre session a expiré, vous devez vous réauthentifier',
    PE_FIRSTACCESS: 'Veuillez vous authentifier',
    PE_PP_ACCOUNT_LOCKED: 'Votre compte est bloqué',
    PE_PP_PASSWORD_EXPIRED: 'Votre mot de passe a expiré',
    PE_PP_CHANGE_AFTER_RESET: 'Le mot de passe a été réinitialisé et doit être changé',
    PE_PP_GRACE: ' authentifications restantes, changez votre mot de passe !',
    PE_PP_EXP_WARNING: '%d jours, %d heures, %d minutes et %d secondes avant expiration de votre mot de passe, pensez à le changer !',
    PE_PASSWORDFIRSTACCESS: 'Merci de saisir votre nouveau mot de passe',
  },
  ro: {
    PE_SESSIONEXPIRED: 'Sesiunea dvs. a expirat, trebuie să vă reautentificaţi',
    PE_FIRSTACCESS: 'Autentificare cerută',
    PE_PP_ACCOUNT_LOCKED: 'Contul dvs. este blocat',
    PE_PP_PASSWORD_EXPIRED: 'Parola dvs. a expirat',
    PE_PP_CHANGE_AFTER_RESET: 'Parola a fost de resetare şi acum trebuie să fie schimbat',
    PE_PP_GRACE: ' authentications rămase, schimbaţi-vă parola!',
    PE_PP_EXP_WARNING: '%d zile, %d ora, %d minute şi %d secundes înainte de expirarea parola dvs., asiguraţi-vă pentru a schimba!',
    PE_PASSWORDFIRSTACCESS: 'Vă rugăm să introduceţi adresa dvs. de e-mail',
  },
};
for (const [lang, messages] of Object.entries(LEMONLDAP)) {
  for (const [key, text] of Object.entries(messages)) {
    if (key === 'PE_PASSWORDFIRSTACCESS' && lang === 'ro') continue; // the ro array is shifted here; not used
    out.push({
      product: 'lemonldap',
      lang,
      key,
      text,
      source: `gitpan/Lemonldap-NG-Portal@1.9.1:lib/Lemonldap/NG/Portal/_i18n.pm:error_${lang}[${key}]`,
    });
  }
}

// ── gettext catalogues of the Linux sign-in stack (the messages a web console or SSH login relays from PAM) ────

/**
 * One product's .po catalogues: the English msgid (and msgid_plural) plus every translation of the chosen msgids,
 * each plural form its own entry (msgstr[n] in the source), so "день / дня / дней" are all known.
 */
function minePo(product: string, repo: string, dir: string, poDir: string, msgids: Record<string, string>) {
  const commit = git(dir, 'rev-parse', 'HEAD').trim().slice(0, 12);
  const where = (file: string) => `${repo}@${commit}:${poDir}/${file}`;
  const files = git(dir, 'ls-tree', '--name-only', `HEAD:${poDir}`).split('\n');
  // The English is the template's msgid, or, where a catalogue directory ships no template, any catalogue's.
  const template = files.find((file) => file.endsWith('.pot')) ?? files.find((file) => file.endsWith('.po'))!;
  // (Only its msgids are read, so an unreviewed translation there does not matter.)
  const english = parsePoForms(git(dir, 'show', `HEAD:${poDir}/${template}`), true);
  for (const [msgid, key] of Object.entries(msgids)) {
    const entry = english.get(msgid);
    if (!entry) throw new Error(`${product}: no msgid ${JSON.stringify(msgid)} in ${template}`);
    out.push({ product, lang: 'en', key, text: msgid.trim(), source: `${where(template)}:msgid "${msgid.trim()}"` });
    if (entry.plural)
      out.push({ product, lang: 'en', key, text: entry.plural.trim(), source: `${where(template)}:msgid_plural "${msgid.trim()}"` });
  }
  for (const file of files) {
    // Regional English, script variants (sr@latin) and the template itself are left out.
    if (!file.endsWith('.po') || file.includes('@') || /^en[_.]/.test(file)) continue;
    const lang = file.replace(/\.po$/, '').replace('_', '-');
    const catalogue = parsePoForms(git(dir, 'show', `HEAD:${poDir}/${file}`));
    for (const [msgid, key] of Object.entries(msgids)) {
      const entry = catalogue.get(msgid);
      if (!entry) continue;
      entry.forms.forEach((form, n) => {
        if (!form.trim()) return;
        const which = entry.plural ? `msgstr[${n}]` : 'msgstr';
        out.push({ product, lang, key, text: form.trim(), source: `${where(file)}:msgid "${msgid.trim()}":${which}` });
      });
    }
  }
}

const PAM_MSGIDS: Record<string, string> = {
  'You are required to change your password immediately (administrator enforced).': 'change_now_admin',
  'You are required to change your password immediately (password expired).': 'change_now_expired',
  'Warning: your password will expire in %ld day.': 'expire_in_days',
  'Your account has expired; please contact your system administrator.': 'account_expired',
  'Your password is not expired.': 'not_expired',
  'You must wait longer to change your password.': 'wait_longer',
  'Password: ': 'password',
  'New password: ': 'new_password',
  'Retype new password: ': 'retype_new_password',
};
if (process.env.PAM_GIT) minePo('linux-pam', 'linux-pam/linux-pam', process.env.PAM_GIT, 'po', PAM_MSGIDS);

const SHADOW_MSGIDS: Record<string, string> = {
  'Your password has expired.': 'password_expired',
  'Your password is inactive.': 'password_inactive',
  'Your login has expired.': 'login_expired',
  'You must change your password.': 'must_change',
  'Your password will expire in %ld days.\n': 'expire_in_days',
  'Your password will expire tomorrow.': 'expire_tomorrow',
  'Your password will expire today.': 'expire_today',
  'Password: ': 'password',
};
if (process.env.SHADOW_GIT) minePo('shadow', 'shadow-maint/shadow', process.env.SHADOW_GIT, 'po', SHADOW_MSGIDS);

const SSSD_MSGIDS: Record<string, string> = {
  'Your password has expired. You have %1$d grace login(s) remaining.': 'grace_logins',
  'Your password will expire in %1$d %2$s.': 'expire_in',
  'Your password has expired.': 'password_expired',
  'Password expired. Change your password now.': 'expired_change_now',
  ', your cached password will expire at: ': 'cached_password_expires',
  'System is offline, password change not possible': 'offline_no_change',
  'Password: ': 'password',
  'New Password: ': 'new_password',
  'Reenter new Password: ': 'reenter_new_password',
};
if (process.env.SSSD_GIT) minePo('sssd', 'SSSD/sssd', process.env.SSSD_GIT, 'po', SSSD_MSGIDS);

// Samba's pam_winbind (Active Directory sign-in on Linux): its "day"/"days" words name the unit in each language.
const SAMBA_MSGIDS: Record<string, string> = {
  'Your password has expired': 'password_expired',
  'You need to change your password now': 'change_now',
  'Your password expires today.\n': 'expires_today',
  'Your password will expire in %d %s.\n': 'expire_in',
  day: 'day',
  days: 'days',
  'Your account has expired. Please contact your System administrator': 'account_expired',
  'Your account is disabled. Please contact your System administrator': 'account_disabled',
  'The password of this user is too recent to change': 'too_recent',
  'Password: ': 'password',
};
if (process.env.SAMBA_GIT) minePo('samba', 'samba-team/samba', process.env.SAMBA_GIT, 'source3/locale/pam_winbind', SAMBA_MSGIDS);

// sudo (sudoers plugin): what sudo says when PAM reports the password expired.
const SUDO_MSGIDS: Record<string, string> = {
  'Password expired, contact your system administrator': 'password_expired',
  'your account has expired': 'account_expired',
};
if (process.env.SUDO_GIT) minePo('sudo', 'sudo-project/sudo', process.env.SUDO_GIT, 'plugins/sudoers/po', SUDO_MSGIDS);

// ── Shibboleth IdP (held out entirely: only its pages use these strings, never the phrase data) ───────────────
const SHIBBOLETH_KEYS = [
  'idp.title',
  'idp.logo.alt-text',
  'idp.footer',
  'idp.login.username',
  'idp.login.password',
  'idp.login.donotcache',
  'idp.login.login',
  'idp.login.forgotPassword',
  'idp.login.needHelp',
  'idp.login.expiringSoon',
  'idp.login.changePassword',
  'idp.login.proceedBegin',
  'idp.login.proceedHere',
  'idp.login.proceedEnd',
  'idp.attribute-release.revoke',
  'expired-password.message',
  'bad-password.message',
  'bad-username.message',
  'account-locked.message',
];
const SHIBBOLETH_DIR = 'idp-conf-impl/src/main/resources/net/shibboleth/idp/messages';
if (process.env.SHIBBOLETH_GIT) {
  const dir = process.env.SHIBBOLETH_GIT;
  const commit = git(dir, 'rev-parse', 'HEAD').trim().slice(0, 12);
  for (const file of git(dir, 'ls-tree', '--name-only', `HEAD:${SHIBBOLETH_DIR}`).split('\n')) {
    const tag = /^messages(?:_([a-z]{2})(?:_([A-Z]{2}))?)?\.properties$/.exec(file);
    if (!tag) continue;
    const lang = tag[1] ? (tag[2] ? `${tag[1]}-${tag[2]}` : tag[1]) : 'en';
    const props = parseProperties(git(dir, 'show', `HEAD:${SHIBBOLETH_DIR}/${file}`));
    for (const key of SHIBBOLETH_KEYS) {
      const text = props.get(key);
      if (text)
        out.push({
          product: 'shibboleth',
          lang,
          key,
          text,
          source: `unofficial-shibboleth-mirror/java-identity-provider@${commit}:${SHIBBOLETH_DIR}/${file}:${key}`,
        });
    }
  }
}

// ── Debian packages of web sign-in products (read from the .deb itself: package and version are the provenance) ──

/** Unpacks a downloaded .deb (`apt-get download NAME=VERSION`) into a temporary folder; returns it and `debian/NAME@VERSION`. */
function unpackDeb(deb: string): { root: string; origin: string } {
  const field = (name: string) => execFileSync('dpkg-deb', ['-f', deb, name], { encoding: 'utf8' }).trim();
  const root = mkdtempSync(join(tmpdir(), 'expiry-deb-'));
  execFileSync('dpkg-deb', ['-x', deb, root]);
  return { root, origin: `debian/${field('Package')}@${field('Version')}` };
}

// MediaWiki (Special:ChangeCredentials after sign-in; languages/i18n, translated at translatewiki.net). Only ISO 639-1
// languages and the Chinese scripts are kept: the other ~300 files are dialects and script variants. Its long
// messages (the temporary-code sign-in, the reset form's instructions) are left out: they cost the classifier a
// fifth of its size and changed no verdict on the tuning pages or the leave-one-out table.
const MEDIAWIKI_KEYS: Record<string, string> = {
  'resetpass-expired': 'password_expired',
  'userlogin-yourpassword': 'password',
  newpassword: 'new_password',
  retypenew: 'retype_new_password',
  resetpass_header: 'change_account_password',
  passwordreset: 'reset_password',
};
const MEDIAWIKI_LANG: Record<string, string> = { 'zh-hans': 'zh-CN', 'zh-hant': 'zh-TW', 'pt-br': 'pt-BR' };
if (process.env.MEDIAWIKI_DEB) {
  const { root, origin } = unpackDeb(process.env.MEDIAWIKI_DEB);
  const dir = 'usr/share/mediawiki/languages/i18n';
  for (const file of readdirSync(join(root, dir))) {
    const code = file.replace(/\.json$/, '');
    const lang = MEDIAWIKI_LANG[code] ?? (/^[a-z]{2}$/.test(code) ? code : undefined);
    if (!lang || !file.endsWith('.json')) continue;
    const messages = JSON.parse(readFileSync(join(root, dir, file), 'utf8')) as Record<string, unknown>;
    for (const [key, name] of Object.entries(MEDIAWIKI_KEYS)) {
      const text = messages[key];
      if (typeof text === 'string' && text.trim())
        out.push({ product: 'mediawiki', lang, key: name, text: text.trim(), source: `${origin}:${dir}/${file}:${key}` });
    }
  }
  rmSync(root, { recursive: true, force: true });
}

// SOGo groupware (web mail sign-in; LDAP password policy messages of its MainUI). A language's file repeats the
// English for what it has not translated: those entries are left to English.
const SOGO_KEYS: Record<string, string> = {
  'Your password has expired, please enter a new one below': 'password_expired',
  'Your account was locked due to an expired password.': 'locked_expired_password',
  'You have %{0} logins remaining before your account is locked. Please change your password in the preference dialog.': 'grace_logins',
  'Your password is going to expire in %{0} %{1}.': 'expire_in',
  'Password about to expire': 'about_to_expire',
  days: 'days',
  'Change your Password': 'change_password',
  Password: 'password',
  'New password': 'new_password',
};
const SOGO_LANG: Record<string, string> = {
  Arabic: 'ar',
  Basque: 'eu',
  Bosnian: 'bs',
  BrazilianPortuguese: 'pt-BR',
  Bulgarian: 'bg',
  Catalan: 'ca',
  ChineseChina: 'zh-CN',
  ChineseTaiwan: 'zh-TW',
  Croatian: 'hr',
  Czech: 'cs',
  Danish: 'da',
  Dutch: 'nl',
  English: 'en',
  Finnish: 'fi',
  French: 'fr',
  German: 'de',
  Hebrew: 'he',
  Hungarian: 'hu',
  Icelandic: 'is',
  Indonesian: 'id',
  Italian: 'it',
  Japanese: 'ja',
  Kazakh: 'kk',
  Latvian: 'lv',
  Lithuanian: 'lt',
  Macedonian: 'mk',
  NorwegianBokmal: 'nb',
  NorwegianNynorsk: 'nn',
  Polish: 'pl',
  Portuguese: 'pt',
  Romanian: 'ro',
  Russian: 'ru',
  Serbian: 'sr',
  Slovak: 'sk',
  Slovenian: 'sl',
  SpanishArgentina: 'es-AR',
  SpanishSpain: 'es',
  Swedish: 'sv',
  TurkishTurkey: 'tr',
  Ukrainian: 'uk',
  Welsh: 'cy',
};
if (process.env.SOGO_DEB) {
  const { root, origin } = unpackDeb(process.env.SOGO_DEB);
  const dir = 'usr/share/GNUstep/SOGo/MainUI.SOGo/Resources';
  for (const folder of readdirSync(join(root, dir))) {
    const lang = SOGO_LANG[folder.replace(/\.lproj$/, '')];
    if (!lang || !folder.endsWith('.lproj')) continue; // Montenegrin and SerbianLatin: no two-letter tag of their own
    const path = `${dir}/${folder}/Localizable.strings`;
    const strings = parseStrings(readFileSync(join(root, path), 'utf8'));
    for (const [english, key] of Object.entries(SOGO_KEYS)) {
      const text = strings.get(english);
      if (text?.trim() && (lang === 'en' || text !== english))
        out.push({ product: 'sogo', lang, key, text: text.trim(), source: `${origin}:${path}:"${english}"` });
    }
  }
  rmSync(root, { recursive: true, force: true });
}

// Roundcube webmail's password plugin (shown after sign-in when the LDAP/AD password has expired or soon will).
const ROUNDCUBE_KEYS = [
  'passwdexpired',
  'passwdexpirewarning',
  'changepasswd',
  'curpasswd',
  'newpasswd',
  'confpasswd',
  'passwordforbidden',
];
if (process.env.ROUNDCUBE_PLUGINS_DEB) {
  const { root, origin } = unpackDeb(process.env.ROUNDCUBE_PLUGINS_DEB);
  const dir = 'usr/share/roundcube/plugins/password/localization';
  for (const file of readdirSync(join(root, dir))) {
    const tag = /^([a-z]{2})(?:_([A-Z]{2}))?\.inc$/.exec(file);
    if (!tag || (tag[1] === 'en' && tag[2] !== 'US')) continue; // regional English; three-letter languages
    const lang = tag[1] === 'en' ? 'en' : tag[1] === 'zh' || tag[1] === 'pt' || tag[1] === 'es' ? `${tag[1]}-${tag[2]}` : tag[1]!;
    const messages = parseRoundcubeInc(readFileSync(join(root, dir, file), 'utf8'));
    for (const key of ROUNDCUBE_KEYS) {
      const text = messages.get(key);
      if (text?.trim()) out.push({ product: 'roundcube', lang, key, text: text.trim(), source: `${origin}:${dir}/${file}:${key}` });
    }
  }
  rmSync(root, { recursive: true, force: true });
}

// ── Redmine (config/locales/LANG.yml, translated by its community) ───────────────────────────────────────────────
// When the password is past the administrator's maximum age, or the administrator ticked "must change password at
// next logon", Redmine sends every request to My account › Change password with the flash "Your password has expired
// or the administrator requires you to change it." (app/controllers/application_controller.rb): one expired row. Its
// session, recovery-link, locked-account and wrong-password messages and the form's labels are rows too. A language
// file repeats the English for what it has not translated: those entries are left to English. en-GB copies the
// English; sr-YU (Serbian in Latin script) and es-PA (a regional Spanish) are left out like other script and regional
// variants.
const REDMINE_KEYS = [
  'error_password_expired',
  'error_session_expired',
  'error_token_expired',
  'notice_account_locked',
  'notice_account_invalid_credentials',
  'field_password',
  'field_new_password',
];
if (process.env.REDMINE_DEB) {
  const { root, origin } = unpackDeb(process.env.REDMINE_DEB);
  const dir = 'usr/share/redmine/config/locales';
  const english = parseLocaleYaml(readFileSync(join(root, dir, 'en.yml'), 'utf8'));
  for (const file of readdirSync(join(root, dir)).sort()) {
    const tag = /^([a-z]{2})(?:-(BR|TW))?\.yml$/.exec(file);
    if (!tag) continue;
    const lang = tag[1] === 'zh' && !tag[2] ? 'zh-CN' : tag[2] ? `${tag[1]}-${tag[2]}` : tag[1]!;
    const messages = parseLocaleYaml(readFileSync(join(root, dir, file), 'utf8'));
    for (const key of REDMINE_KEYS) {
      const text = messages.get(key)?.trim();
      if (text && (lang === 'en' || text !== english.get(key)))
        out.push({ product: 'redmine', lang, key, text, source: `${origin}:${dir}/${file}:${key}` });
    }
  }
  rmSync(root, { recursive: true, force: true });
}

// ── SilverStripe CMS (framework's lang/LANG.yml, translated on Transifex) ──────────────────────────────────────────
// When a member's password is past the site's maximum age (or was marked expired), its sign-in sends them to the change
// form with "Your password has expired. Please choose a new one." (MemberAuthenticator\LoginHandler). The CMS's copy
// (CMSMemberLoginForm, the same words around a link) is left out; its timed-out session message and the form's labels
// are rows too. Its "That username / password isn't recognised" (BasicAuth.ERRORNOTREC) was mined and left out: as a
// hard negative, its Turkish "Kullanıcı adı / şifre hatalı" cost Keycloak's leave-one-out a page ("şifrenizi
// değiştirmeniz gerekiyor" no longer read as a demand). Untranslated entries (the English repeated) are left to English; zh.yml
// is Simplified Chinese; regional files fold into their language (the build keeps one row per wording).
const SILVERSTRIPE_KEYS = [
  'SilverStripe\\Security\\Member.PASSWORDEXPIRED',
  'SilverStripe\\Security\\Member.PASSWORD',
  'SilverStripe\\Security\\Member.NEWPASSWORD',
  'SilverStripe\\Security\\Member.CONFIRMNEWPASSWORD',
  'SilverStripe\\Security\\CMSSecurity.LOGIN_MESSAGE',
];
if (process.env.SILVERSTRIPE_GIT) {
  const dir = process.env.SILVERSTRIPE_GIT;
  const commit = git(dir, 'rev-parse', 'HEAD').trim().slice(0, 12);
  const english = parseLocaleYaml(git(dir, 'show', 'HEAD:lang/en.yml'));
  for (const file of git(dir, 'ls-tree', '--name-only', 'HEAD', 'lang/').split('\n')) {
    const tag = /^lang\/([a-z]{2})(?:_([A-Z]{2}))?\.yml$/.exec(file);
    if (!tag) continue; // sr@latin, ast and other script variants or three-letter codes
    const lang = tag[1] === 'zh' ? (tag[2] === 'TW' ? 'zh-TW' : 'zh-CN') : tag[2] === 'BR' ? 'pt-BR' : tag[1]!;
    if (lang === 'en' && file !== 'lang/en.yml') continue; // en_GB copies the English
    const messages = parseLocaleYaml(git(dir, 'show', `HEAD:${file}`));
    for (const key of SILVERSTRIPE_KEYS) {
      const text = messages.get(key)?.trim();
      if (text && (lang === 'en' || text !== english.get(key)))
        out.push({ product: 'silverstripe', lang, key, text, source: `silverstripe/silverstripe-framework@${commit}:${file}:${key}` });
    }
  }
}

// ── FusionAuth (hosted sign-in theme: theme/messages_LANG.properties in FusionAuth/fusionauth-localization) ─────────
// At sign-in FusionAuth sends a user whose password must change to its change form with the reason: "Your password has
// expired and must be changed.", or found among breached passwords, or no longer meeting the validation rules (all three
// a demand to change now). Its account-expired, reset-code-expired and wrong-credentials messages are hard negatives.
// Its "You must change your password in order to continue." ([PasswordChangeRequired]) was mined and left out: its
// "... to continue" took a re-authentication prompt ("Introduzca su contraseña para continuar.", the written Spanish
// session page) for a forced change, and its Turkish "Şifre değişikliği gerekli." cost Keycloak's leave-one-out a page.
// Untranslated entries (the English repeated) are left to English; cz is Czech, ua Ukrainian; the seven de_* files fold
// into de (the build keeps one row per wording).
const FUSIONAUTH_KEYS = [
  '[PasswordChangeReasonExpired]',
  '[PasswordChangeReasonBreached]',
  '[PasswordChangeReasonValidation]',
  '[UserExpiredException]',
  '[InvalidChangePasswordId]',
  '[InvalidLogin]',
  'password',
  'passwordConfirm',
];
const FUSIONAUTH_LANGS: Record<string, string> = { cz: 'cs', ua: 'uk', id_ID: 'id', pt_BR: 'pt-BR', zh_CN: 'zh-CN' };
if (process.env.FUSIONAUTH_GIT) {
  const dir = process.env.FUSIONAUTH_GIT;
  const commit = git(dir, 'rev-parse', 'HEAD').trim().slice(0, 12);
  const english = parseProperties(git(dir, 'show', 'HEAD:theme/messages.properties'));
  for (const file of git(dir, 'ls-tree', '--name-only', 'HEAD', 'theme/').split('\n')) {
    const tag = /^theme\/messages(?:_([a-z]{2}(?:_[A-Z]{2})?))?\.properties$/.exec(file);
    if (!tag) continue;
    const lang = !tag[1] ? 'en' : (FUSIONAUTH_LANGS[tag[1]] ?? tag[1].slice(0, 2));
    const messages = parseProperties(git(dir, 'show', `HEAD:${file}`));
    for (const key of FUSIONAUTH_KEYS) {
      const text = messages.get(key)?.trim();
      if (text && (lang === 'en' || text !== english.get(key)))
        out.push({ product: 'fusionauth', lang, key, text, source: `FusionAuth/fusionauth-localization@${commit}:${file}:${key}` });
    }
  }
}

// ── Logto (sign-in experience phrases: packages/phrases-experience/src/locales/LANG/*.ts in logto-io/logto) ───────
// When a password is past the tenant's maximum age, Logto's sign-in stops with "Your password has expired and must be
// reset before you can sign in." above a reset button (description.password_expired); its new-password and password
// labels are rows too. The locales are TypeScript modules, read by parseLocaleModule; untranslated entries (the English
// repeated) are left to English. The English itself is left out: as an English expired row its "must be reset" took
// "reset" out of English's hard-negative words, and the written locked-account page ("… or you can reset your password
// now") became a warning; the translations kept every reset page in the tuning and written parts silent. Its expired
// one-time-link message (error.invalid_link_description) added nothing and was left out too.
const LOGTO_KEYS = [
  ['description.ts', 'password_expired'],
  ['description.ts', 'new_password'],
  ['description.ts', 'verification_method.password'],
] as const;
/** Logto's locale folders → the phrase data's tags (pt-pt stays Portuguese of Portugal, zh-hk Hong Kong Chinese). */
const logtoLang = (folder: string) => {
  const [lang, region] = folder.split('-');
  if (!region || (lang !== 'pt' && lang !== 'zh')) return lang!;
  return `${lang}-${region.toUpperCase()}`;
};
if (process.env.LOGTO_GIT) {
  const dir = process.env.LOGTO_GIT;
  const commit = git(dir, 'rev-parse', 'HEAD').trim().slice(0, 12);
  const root = 'packages/phrases-experience/src/locales';
  const read = (folder: string, file: string) => parseLocaleModule(git(dir, 'show', `HEAD:${root}/${folder}/${file}`));
  const english = new Map(LOGTO_KEYS.map(([file, key]) => [key, read('en', file).get(key)]));
  for (const folder of git(dir, 'ls-tree', '--name-only', `HEAD:${root}`).split('\n').filter(Boolean)) {
    const lang = logtoLang(folder);
    for (const [file, key] of LOGTO_KEYS) {
      const text = read(folder, file).get(key)?.trim();
      if (lang !== 'en' && text && text !== english.get(key))
        out.push({ product: 'logto', lang, key, text, source: `logto-io/logto@${commit}:${root}/${folder}/${file}:${key}` });
    }
  }
}

// ── Apereo CAS (vendored excerpts: bench/expiry-corpus/real/bundles/apereo-cas, read through the code-search service) ──
// The repository is too large to mirror; each excerpt's header names the commit and path it was read from, and its
// lines are the file's own. Always mined (the excerpts are committed), so re-mining is reproducible without a network.
const CAS_KEYS = [
  'authenticationFailure.AccountDisabledException',
  'authenticationFailure.AccountLockedException',
  'authenticationFailure.AccountExpiredException',
  'authenticationFailure.CredentialExpiredException',
  'authenticationFailure.AccountPasswordMustChangeException',
  'password.expiration.warning',
  'password.expiration.loginsRemaining',
  'screen.accountdisabled.heading',
  'screen.accountlocked.heading',
  'screen.expiredpass.heading',
  'screen.mustchangepass.heading',
  'screen.button.changePassword',
  'screen.pm.success.message',
  'screen.pm.confirmpsw',
  'screen.pm.enterpsw',
];
const CAS_DIR = new URL('../bench/expiry-corpus/real/bundles/apereo-cas/', import.meta.url);
{
  const read = (file: string) => readFileSync(new URL(file, CAS_DIR), 'utf8');
  const english = parseProperties(read('messages.properties'));
  for (const file of readdirSync(CAS_DIR)) {
    const tag = /^messages(?:_([a-z]{2})(?:_([A-Z]{2}))?)?\.properties$/.exec(file);
    if (!tag) continue;
    const lang = !tag[1] ? 'en' : tag[2] ? `${tag[1]}-${tag[2]}` : tag[1];
    const text = read(file);
    const [, commit, path] = /^# Excerpt of apereo\/cas@([0-9a-f]{40}):(\S+)/.exec(text) ?? [];
    if (!commit || !path) throw new Error(`${file}: no "# Excerpt of apereo/cas@<commit>:<path>" header`);
    const props = parseProperties(text);
    for (const key of CAS_KEYS) {
      const value = props.get(key);
      // An untranslated line repeats the English: that is English, not this language.
      if (value && (lang === 'en' || value !== english.get(key)))
        out.push({ product: 'cas', lang, key, text: value, source: `apereo/cas@${commit.slice(0, 12)}:${path}:${key}` });
    }
  }
}

// ── Nextcloud's LDAP backend (vendored excerpts: bench/expiry-corpus/real/bundles/nextcloud-user-ldap) ──────────────
// Its password-policy notification ("Your password will expire today / tomorrow / within %n day(s).") and the "New
// password" label of the page a sign-in with an expired LDAP password is sent to (templates/renewpassword.php), read
// through the code-search service (the repository is too large to mirror): each excerpt names the commit and file it
// copies and holds that file's entries verbatim, the renew page's others too (its title "Please renew your password."
// as a demand made Chinese "更新" a demand word: tried and dropped, bench/expiry-corpus/real/BASELINE.md, 23rd round).
// Languages: every stored l10n file that has the notification (ja, nl, fi, th, vi, id and others are stored only in
// versions from before it). The English is the source's own: en.json excerpts lib/Notification/Notifier.php (singular
// and plural of the count), en-renewpassword.json the template.
const NEXTCLOUD_KEYS: Record<string, string> = {
  'Your password will expire tomorrow.': 'expire_tomorrow',
  'Your password will expire today.': 'expire_today',
  '_Your password will expire within %n day._::_Your password will expire within %n days._': 'expire_within_days',
  'New password': 'new_password',
};
{
  const dir = new URL('../bench/expiry-corpus/real/bundles/nextcloud-user-ldap/', import.meta.url);
  const english = (file: string) => (JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as { messages: string[] }).messages;
  const englishMessages = new Set([...Object.keys(NEXTCLOUD_KEYS), ...english('en.json'), ...english('en-renewpassword.json')]);
  for (const file of readdirSync(dir).sort()) {
    const excerpt = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as {
      excerptOf: string;
      messages?: string[];
      translations?: Record<string, string | string[]>;
    };
    const [, commit, path] = /^nextcloud\/server@([0-9a-f]{40}):(\S+)$/.exec(excerpt.excerptOf) ?? [];
    if (!commit || !path) throw new Error(`${file}: no "nextcloud/server@<commit>:<path>" it was copied from`);
    const where = `nextcloud/server@${commit.slice(0, 12)}:${path}`;
    if (file === 'en.json') {
      // Notifier.php's messages: singular and plural of the count.
      const keys = ['expire_tomorrow', 'expire_today', 'expire_within_days', 'expire_within_days'];
      for (const [n, text] of excerpt.messages!.entries())
        out.push({ product: 'nextcloud', lang: 'en', key: keys[n]!, text, source: `${where}:"${text}"` });
      continue;
    }
    if (file === 'en-renewpassword.json') {
      // The template's messages are their own msgids.
      for (const text of excerpt.messages!) {
        const key = NEXTCLOUD_KEYS[text];
        if (key) out.push({ product: 'nextcloud', lang: 'en', key, text, source: `${where}:"${text}"` });
      }
      continue;
    }
    const lang = file.replace(/\.json$/, '').replace('_', '-');
    for (const [msgid, key] of Object.entries(NEXTCLOUD_KEYS)) {
      const value = excerpt.translations?.[msgid];
      const forms = typeof value === 'string' ? [value] : (value ?? []);
      forms.forEach((text, n) => {
        // Nextcloud pads a language's plural forms with copies: one row per distinct wording. A value that is the
        // English (Georgian, Lao) is no translation.
        if (text.trim() && forms.indexOf(text) === n && !englishMessages.has(text.trim()))
          out.push({
            product: 'nextcloud',
            lang,
            key,
            text: text.trim(),
            source: `${where}:"${msgid}"${Array.isArray(value) ? `[${n}]` : ''}`,
          });
      });
    }
  }
}

// ── authentik (vendored excerpts: bench/expiry-corpus/real/bundles/authentik) ────────────────────────────────────────
// Its password expiry policy denies the flow with "Password has expired." on the access-denied page (a server-side
// message, so translated in locale/LANG/LC_MESSAGES/django.po, not in the web UI's xliff files). Its other wording,
// "Password expired {days} days ago. Please update your password.", is formatted before gettext looks it up
// (authentik/policies/expiry/models.py), so no translation of it is ever shown: it is not mined. The admin's name for
// the policy ("Password Expiry Policy") and the password policy's "Invalid password." / "Password is too weak." are
// hard negatives. Read through the code-search service (the repository is too large to mirror); each excerpt names
// the commit and file it copies. English is the msgid. zh_TW left out: its entry fell outside the part that was read.
const AUTHENTIK_KEYS: Record<string, string> = {
  'Password has expired.': 'password_expired',
  'Password Expiry Policy': 'expiry_policy',
  'Password Expiry Policies': 'expiry_policies',
  'Invalid password.': 'invalid_password',
  'Password is too weak.': 'password_too_weak',
};
{
  const dir = new URL('../bench/expiry-corpus/real/bundles/authentik/', import.meta.url);
  const english = new Set<string>();
  for (const file of readdirSync(dir).sort()) {
    const text = readFileSync(new URL(file, dir), 'utf8');
    const [, commit, path] = /^# Excerpt of goauthentik\/authentik@([0-9a-f]{40}):(\S+)/.exec(text) ?? [];
    if (!commit || !path) throw new Error(`${file}: no "# Excerpt of goauthentik/authentik@<commit>:<path>" header`);
    const where = `goauthentik/authentik@${commit.slice(0, 12)}:${path}`;
    // zh-Hans is Simplified Chinese; pt_BR stays Brazilian Portuguese (the build folds it into pt).
    const lang = file === 'zh-Hans.po' ? 'zh-CN' : file.replace(/\.po$/, '').replace('_', '-');
    for (const [msgid, { forms }] of parsePoForms(text)) {
      const key = AUTHENTIK_KEYS[msgid];
      if (!key) continue;
      if (!english.has(msgid)) {
        english.add(msgid);
        out.push({ product: 'authentik', lang: 'en', key, text: msgid, source: `${where}:msgid "${msgid}"` });
      }
      const translation = forms[0]?.trim();
      if (translation && translation !== msgid)
        out.push({ product: 'authentik', lang, key, text: translation, source: `${where}:msgid "${msgid}":msgstr` });
    }
  }
}

// ── Closed products' messages as their documentation or support pages quote them (Windows, Apple Open Directory) ──
// bench/expiry-corpus/real/bundles/documented/messages.json: each message with the page that quotes it, verbatim.
{
  interface Documented {
    product: string;
    key: string;
    text: string;
    url: string;
  }
  const documented = JSON.parse(
    readFileSync(new URL('../bench/expiry-corpus/real/bundles/documented/messages.json', import.meta.url), 'utf8'),
  ).messages as Documented[];
  for (const { product, key, text, url } of documented) out.push({ product, lang: 'en', key, text, source: `${url}#${key}` });
}

// ── Compiled gettext catalogues (.mo) inside Debian packages: desktop unlock screens and an Exchange client ─────

/**
 * One package's compiled catalogues of a text domain (usr/share/locale/LANG/LC_MESSAGES/DOMAIN.mo), read with
 * msgunfmt: the English msgid (and msgid_plural) plus every translation of the chosen msgids, each plural form a row.
 * A .mo file holds no fuzzy entries; an untranslated one (empty msgstr) is skipped.
 */
function mineDebCatalogues(product: string, deb: string, domain: string, msgids: Record<string, string>, localeDir = 'usr/share/locale') {
  const { root, origin } = unpackDeb(deb);
  const english = new Set<string>();
  for (const folder of readdirSync(join(root, localeDir)).sort()) {
    // Regional English, script variants (sr@latin) and languages without a two-letter code (ast, crh) are left out.
    if (!/^[a-z]{2}(?:_[A-Z]{2})?$/.test(folder) || folder.startsWith('en')) continue;
    const path = `${localeDir}/${folder}/LC_MESSAGES/${domain}.mo`;
    if (!existsSync(join(root, path))) continue;
    const lang = folder.replace('_', '-');
    const catalogue = parsePoForms(execFileSync('msgunfmt', [join(root, path)], { encoding: 'utf8', maxBuffer: 64 << 20 }));
    for (const [msgid, key] of Object.entries(msgids)) {
      const entry = catalogue.get(msgid);
      if (!entry) continue;
      if (!english.has(msgid)) {
        english.add(msgid);
        out.push({ product, lang: 'en', key, text: msgid.trim(), source: `${origin}:${path}:msgid "${msgid.trim()}"` });
        if (entry.plural)
          out.push({ product, lang: 'en', key, text: entry.plural.trim(), source: `${origin}:${path}:msgid_plural "${msgid.trim()}"` });
      }
      entry.forms.forEach((form, n) => {
        if (!form.trim()) return;
        const which = entry.plural ? `msgstr[${n}]` : 'msgstr';
        out.push({ product, lang, key, text: form.trim(), source: `${origin}:${path}:msgid "${msgid.trim()}":${which}` });
      });
    }
  }
  for (const msgid of Object.keys(msgids))
    if (!english.has(msgid)) throw new Error(`${product}: no msgid ${JSON.stringify(msgid)} in ${deb}`);
  rmSync(root, { recursive: true, force: true });
}

// Evolution's Exchange Web Services backend: the server's password-expiry answer, with a count in every plural form.
const EVOLUTION_EWS_MSGIDS: Record<string, string> = {
  'Password expired.': 'password_expired',
  'Password expired. Change password at “%s”.': 'password_expired_change_at',
  'Password will expire in %d day. Open “%s” to change it.': 'expire_in_days_open',
  'Password will expire in one day.': 'expire_in_days',
};
if (process.env.EVOLUTION_EWS_DEB) mineDebCatalogues('evolution-ews', process.env.EVOLUTION_EWS_DEB, 'evolution-ews', EVOLUTION_EWS_MSGIDS);

// The GNOME and MATE screen lockers relay pam_unix's older wording when the password aged or the administrator
// demands a change; "account has expired" and "wait longer" are the account and minimum-age messages beside them.
const SCREENSAVER_MSGIDS: Record<string, string> = {
  'You are required to change your password immediately (password aged)': 'change_now_aged',
  'You are required to change your password immediately (root enforced)': 'change_now_root',
  'Your account has expired; please contact your system administrator': 'account_expired',
  'You must wait longer to change your password': 'wait_longer',
  'Password:': 'password',
};
if (process.env.GNOME_SCREENSAVER_DEB)
  mineDebCatalogues('gnome-screensaver', process.env.GNOME_SCREENSAVER_DEB, 'gnome-screensaver', {
    ...SCREENSAVER_MSGIDS,
    'Enter new Unix password:': 'new_password',
    'Retype new Unix password:': 'retype_new_password',
  });
if (process.env.MATE_SCREENSAVER_DEB)
  mineDebCatalogues('mate-screensaver', process.env.MATE_SCREENSAVER_DEB, 'mate-screensaver', SCREENSAVER_MSGIDS);

// MIT Kerberos (kinit): the password (not the principal) expired, or will on a date.
const KRB5_MSGIDS: Record<string, string> = {
  'Password expired.  You must change it now.': 'password_expired_change_now',
  'Password has expired': 'password_expired',
  'Warning: Your password will expire in %d days on %s': 'expire_in_days_on',
  "Client's entry in database has expired": 'principal_expired',
};
if (process.env.KRB5_LOCALES_DEB) mineDebCatalogues('krb5', process.env.KRB5_LOCALES_DEB, 'mit-krb5', KRB5_MSGIDS);

// Horde (webmail groupware): its login page when the password expired, and its LDAP account block's countdown
// ("%d days until your password expires."); the login and session expiring are other things.
const HORDE_MSGIDS: Record<string, string> = {
  'Your password has expired.': 'password_expired_login',
  'Your password has expired': 'password_expired',
  '%d days until your password expires.': 'days_until_expiry',
  'Your login has expired.': 'login_expired',
  'Your session has expired. Please login again.': 'session_expired',
  'Minimum password age has not yet expired': 'minimum_age',
  Password: 'password',
  'Confirm Password': 'confirm_password',
};
if (process.env.HORDE_DEB) mineDebCatalogues('horde', process.env.HORDE_DEB, 'horde', HORDE_MSGIDS, 'usr/share/horde/locale');

// ── Web products' JSON translations from bare clones ────────────────────────────────────────────────────────────

/** Apache Guacamole's database authentication (translations/*.json: nested sections, "SECTION.KEY"). */
const GUACAMOLE_DIR = 'extensions/guacamole-auth-jdbc/modules/guacamole-auth-jdbc-base/src/main/resources/translations';
const GUACAMOLE_KEYS = [
  'LOGIN.INFO_PASSWORD_EXPIRED',
  'LOGIN.FIELD_HEADER_NEW_PASSWORD',
  'LOGIN.FIELD_HEADER_CONFIRM_NEW_PASSWORD',
  'LOGIN.ERROR_NOT_VALID',
  'LOGIN.ERROR_NOT_ACCESSIBLE',
  'PASSWORD_POLICY.ERROR_TOO_YOUNG',
];
if (process.env.GUACAMOLE_GIT) {
  const dir = process.env.GUACAMOLE_GIT;
  const commit = git(dir, 'rev-parse', 'HEAD').trim().slice(0, 12);
  for (const file of git(dir, 'ls-tree', '--name-only', `HEAD:${GUACAMOLE_DIR}`).split('\n')) {
    const code = /^([a-z]{2})\.json$/.exec(file)?.[1];
    if (!code) continue;
    const lang = code === 'zh' ? 'zh-CN' : code; // Guacamole's zh.json is Simplified Chinese
    const sections = JSON.parse(git(dir, 'show', `HEAD:${GUACAMOLE_DIR}/${file}`)) as Record<string, Record<string, unknown>>;
    for (const key of GUACAMOLE_KEYS) {
      const [section, name] = key.split('.') as [string, string];
      const text = sections[section]?.[name];
      // "@:APP.…" is a reference to another bundle's string, not a message.
      if (typeof text === 'string' && text.trim() && !text.startsWith('@:'))
        out.push({
          product: 'guacamole',
          lang,
          key,
          text: text.trim(),
          source: `apache/guacamole-client@${commit}:${GUACAMOLE_DIR}/${file}:${key}`,
        });
    }
  }
}

/** ownCloud's password_policy app (l10n/*.json, Transifex): the expired-password page and its notifications. */
const OWNCLOUD_KEYS: Record<string, string> = {
  'Your password has expired.': 'password_expired_page',
  'Your password has expired': 'password_expired',
  'You have %1$s days to change your password': 'days_to_change',
  'Your password expired %1$s days ago': 'expired_days_ago',
  'Please change your password to gain back access to your account': 'change_to_regain_access',
  'days until user password expires': 'admin_days_until_expiry',
  'days before password expires, users will receive a reminder notification': 'admin_reminder_days',
  'Force users to change their password on first login': 'admin_force_first_login',
  'Current password': 'current_password',
};
if (process.env.OWNCLOUD_PASSWORD_POLICY_GIT) {
  const dir = process.env.OWNCLOUD_PASSWORD_POLICY_GIT;
  const commit = git(dir, 'rev-parse', 'HEAD').trim().slice(0, 12);
  const where = (file: string, msgid: string) => `owncloud/password_policy@${commit}:${file}:"${msgid}"`;
  const read = (file: string) =>
    (JSON.parse(git(dir, 'show', `HEAD:l10n/${file}`)) as { translations: Record<string, unknown> }).translations;
  const english = read('en_US.json');
  for (const [msgid, key] of Object.entries(OWNCLOUD_KEYS)) {
    if (english[msgid] !== msgid) throw new Error(`owncloud: no ${JSON.stringify(msgid)} in l10n/en_US.json`);
    out.push({ product: 'owncloud', lang: 'en', key, text: msgid, source: where('l10n/en_US.json', msgid) });
  }
  for (const file of git(dir, 'ls-tree', '--name-only', 'HEAD:l10n').split('\n')) {
    const tag = /^([a-z]{2})(?:_([A-Z]{2}))?\.json$/.exec(file);
    // English is en_US above; Hong Kong Chinese has no tag of its own in the phrase data (zh-CN and zh-TW do).
    if (!tag || tag[1] === 'en' || file === 'zh_HK.json') continue;
    const lang = tag[1] === 'zh' ? `zh-${tag[2]}` : tag[1]!;
    const translations = read(file);
    for (const [msgid, key] of Object.entries(OWNCLOUD_KEYS)) {
      const text = translations[msgid];
      if (typeof text === 'string' && text.trim() && text !== msgid)
        out.push({ product: 'owncloud', lang, key, text: text.trim(), source: where(`l10n/${file}`, msgid) });
    }
  }
}

// ── Webmin (the web administration console; its login and password-change pages, lang/*) ─────────────────────
// Its password_change.cgi page says why a change is demanded: expired, or a temporary password an administrator set.
// A language's file is `lang/LANG` (human translations) and `lang/LANG.auto` (machine translations Webmin ships and
// shows when a language's "auto" flag is on — the default for most languages — read after the human file, so it wins
// where both have a key). Both are mined as Webmin shows them: they are the words an employee really sees; a row
// from a machine translation keeps `.auto` in its source path, so the data says which rows no human wrote.
// The login page's other messages (session timed out, login failed, must enter a username and password, reset link
// sent or too old, password changed) are hard negatives.
const WEBMIN_KEYS: Record<string, string> = {
  password_expired: 'password_expired',
  password_temp: 'password_temp',
  password_header: 'password_header',
  password_old: 'password_old',
  password_new1: 'password_new1',
  password_new2: 'password_new2',
  password_done: 'password_done',
  password_eold: 'password_eold',
  session_pass: 'session_pass',
  session_mesg2: 'session_mesg2',
  session_failed: 'session_failed',
  session_timed_out: 'session_timed_out',
  forgot_sent: 'forgot_sent',
  forgot_etime: 'forgot_etime',
};
/** Webmin's read_file: `key=value` per line, the first `=` splits, a line starting with `#` is a comment. */
const parseWebminLang = (text: string) =>
  new Map(
    text
      .split(/\r?\n/)
      .filter((line) => !line.startsWith('#') && line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)] as const),
  );
if (process.env.WEBMIN_GIT) {
  const dir = process.env.WEBMIN_GIT;
  const commit = git(dir, 'rev-parse', 'HEAD').trim().slice(0, 12);
  const files = git(dir, 'ls-tree', '--name-only', 'HEAD:lang').split('\n');
  const english = parseWebminLang(git(dir, 'show', 'HEAD:lang/en'));
  for (const file of files) {
    const tag = /^([a-z]{2})(?:_([A-Z]{2}))?(\.auto)?$/.exec(file);
    if (!tag) continue; // .neutral (gender-neutral German, opt-in per user) and anything else
    // zh is Simplified Chinese; Norwegian is Bokmål; pt_BR stays Brazilian Portuguese (the build folds it into pt).
    const lang =
      tag[1] === 'zh' ? (tag[2] === 'TW' ? 'zh-TW' : 'zh-CN') : tag[1] === 'no' ? 'nb' : tag[2] ? `${tag[1]}-${tag[2]}` : tag[1]!;
    const messages = parseWebminLang(git(dir, 'show', `HEAD:lang/${file}`));
    const autoMessages =
      !tag[3] && files.includes(`${file}.auto`) ? parseWebminLang(git(dir, 'show', `HEAD:lang/${file}.auto`)) : new Map<string, string>();
    for (const [name, key] of Object.entries(WEBMIN_KEYS)) {
      const text = messages.get(name)?.trim();
      if (!text || autoMessages.has(name)) continue; // the .auto file's text is what Webmin shows
      if (lang !== 'en' && text === english.get(name)?.trim()) continue; // an untranslated copy of the English
      out.push({ product: 'webmin', lang, key, text, source: `webmin/webmin@${commit}:lang/${file}:${name}` });
    }
  }
}

// ── Cockpit, the Linux web console (Debian cockpit-ws and cockpit-system: po.LANG.js per page, some gzipped) ─────
// Its login page has no expiry wording of its own: an expired or administrator-reset password reaches it as the PAM
// conversation (pam_unix's "You are required to change your password immediately…", mined from linux-pam above).
// What it adds is its sign-in and account vocabulary and the hard negatives around it: the console's session timeout,
// and the account page's expiry *settings* an administrator sees ("Never expire password", "Account expiration").
// Its "Password must be changed" is that page's label for another account's state, so it is left out; so is its
// "Password expiration" heading: in Japanese and Russian ('パスワードの有効期限', 'Срок действия пароля') it is the
// opening words of the real expired/expiring messages, and as a negative it silenced two Okta leave-one-out pages.
const COCKPIT_PAGES: ReadonlyArray<{ deb: 'ws' | 'system'; dir: string; msgids: Record<string, string> }> = [
  {
    deb: 'ws',
    dir: 'usr/share/cockpit/static',
    msgids: { Password: 'login.password', 'Wrong user name or password': 'login.wrong_credentials' },
  },
  {
    deb: 'system',
    dir: 'usr/share/cockpit/shell',
    msgids: { 'Session is about to expire': 'shell.session_expiring', 'Password changed successfully': 'shell.password_changed' },
  },
  {
    deb: 'system',
    dir: 'usr/share/cockpit/users',
    msgids: {
      'New password': 'users.new_password',
      'Confirm new password': 'users.confirm_new_password',
      'Never expire password': 'users.never_expire_password',
      'Account expiration': 'users.account_expiration_setting',
      'Never expire account': 'users.never_expire_account',
    },
  },
];
if (process.env.COCKPIT_WS_DEB && process.env.COCKPIT_SYSTEM_DEB) {
  const debs = { ws: unpackDeb(process.env.COCKPIT_WS_DEB), system: unpackDeb(process.env.COCKPIT_SYSTEM_DEB) };
  for (const { deb, dir, msgids } of COCKPIT_PAGES) {
    const { root, origin } = debs[deb];
    for (const file of readdirSync(join(root, dir)).sort()) {
      const tag = /^po\.([a-z]{2})(?:_([A-Z]{2}))?\.js(\.gz)?$/.exec(file);
      if (!tag) continue;
      // Norwegian Bokmål ships as nb_NO; Chinese keeps its script's region (zh-CN, zh-TW), as in the phrase data.
      const lang = tag[1] === 'zh' || tag[1] === 'pt' ? `${tag[1]}-${tag[2]}` : tag[1]!;
      const path = `${dir}/${file}`;
      const catalogue = parseCockpitPo(
        tag[3] ? gunzipSync(readFileSync(join(root, path))).toString('utf8') : readFileSync(join(root, path), 'utf8'),
      );
      for (const [msgid, key] of Object.entries(msgids)) {
        if (file.startsWith('po.de.'))
          out.push({ product: 'cockpit', lang: 'en', key, text: msgid, source: `${origin}:${path}:msgid "${msgid}"` });
        const forms = catalogue.get(msgid) ?? [];
        forms.forEach((form, n) => {
          const which = forms.length > 1 ? `msgstr[${n}]` : 'msgstr';
          if (form.trim())
            out.push({ product: 'cockpit', lang, key, text: form.trim(), source: `${origin}:${path}:msgid "${msgid}":${which}` });
        });
      }
    }
    for (const msgid of Object.keys(msgids))
      if (!out.some((entry) => entry.product === 'cockpit' && entry.lang === 'en' && entry.text === msgid))
        throw new Error(`cockpit: no msgid ${JSON.stringify(msgid)} in ${dir}`);
  }
  for (const { root } of Object.values(debs)) rmSync(root, { recursive: true, force: true });
}

// ── Zimbra (its web client's login page: login.jsp shows the server's error code through the ZMsg bundle) ──────
// When the server answers a sign-in with account.CHANGE_PASSWORD (the password expired, or an administrator set
// "must change password"), login.jsp shows that message above new/confirm fields labelled from ZmMsg. ZMsg ships in
// Zimbra/zm-ajax (WebRoot/messages/ZMsg*.properties), ZmMsg in Zimbra/zm-web-client. The page's other server
// messages (wrong credentials, session expired, too soon, locked, recently used, maintenance) are hard negatives.
const ZIMBRA_ZMSG_KEYS = [
  'account.CHANGE_PASSWORD',
  'account.AUTH_FAILED',
  'account.PASSWORD_CHANGE_TOO_SOON',
  'account.PASSWORD_LOCKED',
  'account.PASSWORD_RECENTLY_USED',
  'account.MAINTENANCE_MODE',
  'service.AUTH_EXPIRED',
];
const ZIMBRA_ZMMSG_KEYS = ['password', 'passwordRecoveryResetNewLabel', 'passwordRecoveryResetConfirmLabel'];
/** Zimbra's bundle suffix → the phrase data's tag (Java's old codes: in = Indonesian, iw = Hebrew; no = Bokmål). */
const zimbraLang = (file: string, bundle: string): string | undefined => {
  if (file === `${bundle}.properties`) return 'en';
  const tag = new RegExp(`^${bundle}_([a-z]{2})(?:_([A-Z]{2}))?\\.properties$`).exec(file);
  if (!tag || tag[1] === 'en' || file.endsWith('_zh_HK.properties')) return undefined; // English variants copy the base
  const code = ({ in: 'id', iw: 'he', no: 'nb' } as Record<string, string>)[tag[1]!] ?? tag[1]!;
  return tag[2] ? `${code}-${tag[2]}` : code;
};
const mineZimbraBundle = (dir: string, repo: string, bundle: string, keys: readonly string[]) => {
  const commit = git(dir, 'rev-parse', 'HEAD').trim().slice(0, 12);
  const english = parseProperties(git(dir, 'show', `HEAD:WebRoot/messages/${bundle}.properties`));
  for (const file of git(dir, 'ls-tree', '--name-only', 'HEAD:WebRoot/messages').split('\n')) {
    const lang = zimbraLang(file, bundle);
    if (!lang) continue;
    const messages = parseProperties(git(dir, 'show', `HEAD:WebRoot/messages/${file}`));
    for (const key of keys) {
      const text = messages.get(key)?.trim();
      if (!text || (lang !== 'en' && text === english.get(key)?.trim())) continue; // untranslated copy of the English
      out.push({ product: 'zimbra', lang, key, text, source: `${repo}@${commit}:WebRoot/messages/${file}:${key}` });
    }
  }
};
if (process.env.ZIMBRA_AJAX_GIT && process.env.ZIMBRA_WEB_CLIENT_GIT) {
  mineZimbraBundle(process.env.ZIMBRA_AJAX_GIT, 'Zimbra/zm-ajax', 'ZMsg', ZIMBRA_ZMSG_KEYS);
  mineZimbraBundle(process.env.ZIMBRA_WEB_CLIENT_GIT, 'Zimbra/zm-web-client', 'ZmMsg', ZIMBRA_ZMMSG_KEYS);
}

// ── Nextcloud's password_policy app (l10n/*.json): the sign-in refusal once the password has expired ─────────────
// lib/Compliance/Expiration.php refuses the sign-in with "Password is expired, please use forgot password method to
// reset" (translated). Its admin settings' expiry wording (days until the password expires, the warning that expiry
// is considered a security risk) and its history rule are hard negatives. English is the msgid (no en.json ships).
const NEXTCLOUD_POLICY_KEYS: Record<string, string> = {
  'Password is expired, please use forgot password method to reset': 'password_expired',
  'Number of days until user password expires': 'admin_days_until_expiry',
  'days until user password expires': 'admin_days_until_expiry_short',
  'Warning: enabling password expiration is nowadays considered a security risk by several security agencies.': 'admin_expiry_warning',
  'Password must not have been used recently before.': 'history',
};
if (process.env.NEXTCLOUD_PASSWORD_POLICY_GIT) {
  const dir = process.env.NEXTCLOUD_PASSWORD_POLICY_GIT;
  const commit = git(dir, 'rev-parse', 'HEAD').trim().slice(0, 12);
  const where = (file: string, msgid: string) => `nextcloud/password_policy@${commit}:${file}:"${msgid}"`;
  const code = git(dir, 'show', 'HEAD:lib/Compliance/Expiration.php');
  for (const [msgid, key] of Object.entries(NEXTCLOUD_POLICY_KEYS)) {
    if (key === 'password_expired' && !code.includes(`$this->l->t('${msgid}')`))
      throw new Error(`nextcloud password_policy: lib/Compliance/Expiration.php no longer shows ${JSON.stringify(msgid)}`);
  }
  for (const file of git(dir, 'ls-tree', '--name-only', 'HEAD:l10n').split('\n')) {
    const tag = /^([a-z]{2,3})(?:_([A-Z]{2}|419))?\.json$/.exec(file);
    if (!tag || tag[1] === 'en' || file === 'zh_HK.json') continue; // en_GB copies the msgids
    const lang = tag[2] ? `${tag[1]}-${tag[2]}` : tag[1]!;
    const translations = (JSON.parse(git(dir, 'show', `HEAD:l10n/${file}`)) as { translations: Record<string, unknown> }).translations;
    for (const [msgid, key] of Object.entries(NEXTCLOUD_POLICY_KEYS)) {
      const text = translations[msgid];
      if (file === 'de.json' && typeof text === 'string')
        out.push({ product: 'nextcloud-password-policy', lang: 'en', key, text: msgid, source: `${where('l10n/de.json', msgid)}:msgid` });
      if (typeof text === 'string' && text.trim() && text !== msgid)
        out.push({ product: 'nextcloud-password-policy', lang, key, text: text.trim(), source: where(`l10n/${file}`, msgid) });
    }
  }
}

// ── Auth0 Lock (the sign-in widget of Auth0's Classic Universal Login: lib/i18n/LANG.js of npm auth0-lock) ─────
// When a user must change a password (an expired one, or a first sign-in with one the administrator set), Lock's
// sign-in form stops with error.login.password_change_required: "You need to update your password because this is the
// first time you are logging in, or because your password has expired." Lock's own files say most were machine
// translated and then corrected by its users; they are what Lock shows. The npm package is auth0/lock's src/i18n
// transpiled to CommonJS: one object literal per language, read by parseLocaleModule.
const AUTH0_LOCK_KEYS = ['error.login.password_change_required'];
/** Lock's file names → the phrase data's tags (ua.js is an older Ukrainian file beside uk.js). */
const auth0LockLang = (file: string) => {
  const name = file.replace(/\.js$/, '');
  if (name === 'zh') return 'zh-CN';
  if (name === 'zh-tw') return 'zh-TW';
  if (name === 'pt-br') return 'pt-BR';
  if (name === 'ua') return 'uk';
  return name;
};
if (process.env.AUTH0_LOCK) {
  const root = process.env.AUTH0_LOCK;
  const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version as string;
  for (const file of readdirSync(join(root, 'lib/i18n'))
    .filter((name) => name.endsWith('.js'))
    .sort()) {
    const messages = parseLocaleModule(readFileSync(join(root, 'lib/i18n', file), 'utf8'));
    for (const key of AUTH0_LOCK_KEYS) {
      const text = messages.get(key)?.trim();
      if (text)
        out.push({
          product: 'auth0-lock',
          lang: auth0LockLang(file),
          key,
          text,
          source: `auth0/lock@v${version}:src/i18n/${file}:${key} (transpiled in npm auth0-lock@${version} lib/i18n/${file})`,
        });
    }
  }
}

// ── JumpServer (the open-source bastion host: apps/i18n/core/LANG/LC_MESSAGES/django.po) ─────────────────────────
// Its sign-in stops a password that must change with an error page (authentication/errors/redirect.py): the forced
// change an administrator set and the expired password. Once signed in, apps/templates/_message.html shows a banner:
// "Your password has expired, please click this link…" or, composed by the template, "{Your password will at}
// {date} {expired. }" — the two messages around the date are mined as one row with %s for the date, and so is the
// account's twin ("Your account will at … expired. "), a hard negative. JumpServer's English catalogue rewrites its
// msgids ("Your password has expired. Change it before logging in"): its msgstrs are what an English page shows.
const JUMPSERVER_MSGIDS: Record<string, string> = {
  'You should to change your password before login': 'change_before_login',
  'Your password has expired, please reset before logging in': 'expired_reset_before_login',
  'Your password has expired, please click <a href="%(user_password_update_url)s"> this link </a> update password.': 'expired_banner',
  'Your account has expired, please contact the administrator.': 'account_expired',
  'Authentication failed password incorrect': 'password_incorrect',
  Password: 'password',
  'New password': 'new_password',
  'Confirm password': 'confirm_password',
};
/** Rows the template composes around a date: key → the message before the date and the one after it. */
const JUMPSERVER_AROUND_DATE: Record<string, [string, string]> = {
  password_will_expire_at: ['Your password will at', 'expired. '],
  account_will_expire_at: ['Your account will at', 'expired. '],
};
const jumpserverLang = (dir: string) => ({ zh: 'zh-CN', zh_Hant: 'zh-TW', pt_BR: 'pt-BR' })[dir] ?? dir;
if (process.env.JUMPSERVER_GIT) {
  const dir = process.env.JUMPSERVER_GIT;
  const commit = git(dir, 'rev-parse', 'HEAD').trim().slice(0, 12);
  const root = 'apps/i18n/core';
  for (const lang of git(dir, 'ls-tree', '--name-only', `HEAD:${root}`).split('\n').filter(Boolean)) {
    const path = `${root}/${lang}/LC_MESSAGES/django.po`;
    let catalogue: Map<string, string>;
    try {
      catalogue = parsePo(git(dir, 'show', `HEAD:${path}`));
    } catch {
      continue; // a language with only the front end's catalogue
    }
    const where = `jumpserver/jumpserver@${commit}:${path}`;
    const tag = jumpserverLang(lang);
    for (const [msgid, key] of Object.entries(JUMPSERVER_MSGIDS)) {
      const text = catalogue.get(msgid)?.trim();
      if (text) out.push({ product: 'jumpserver', lang: tag, key, text, source: `${where}:msgid "${msgid}":msgstr` });
    }
    for (const [key, [before, after]] of Object.entries(JUMPSERVER_AROUND_DATE)) {
      // Japanese renders it "あなたのパスワードは {date} 期限切れです" (your password is {date} expired): without the date
      // that is an expired message, so it would teach the warning an expired password's words. Left out.
      if (lang === 'ja') continue;
      const [first, last] = [catalogue.get(before)?.trim(), catalogue.get(after)?.trim()];
      if (first && last)
        out.push({
          product: 'jumpserver',
          lang: tag,
          key,
          text: `${first} %s ${last}`,
          source: `${where}:msgid "${before}" + date + msgid "${after}" (as apps/templates/_message.html composes them)`,
        });
    }
  }
}

// ── Casdoor (an open-source IAM and SSO server; bare clone of casdoor/casdoor): held out, never phrase data ─────────
// Pages only (bench/expiry-corpus/real/build.ts): its sign-in refuses an expired password with one server message
// (i18n/locales/LANG/data.json, section "check"), beside its wrong-password "you have %s remaining chances" (attempts
// left, no grace logins: a hard negative); the sign-in form's words come from the web app (web/src/locales). Tried as
// phrase data in the twenty-third round and dropped, so no rule was kept or dropped on it (BASELINE.md). English is the
// key; an untranslated copy of it is skipped.
const CASDOOR_KEYS: Record<string, [file: 'server' | 'web', section: string, msgid: string]> = {
  password_expired: ['server', 'check', 'Your password has expired. Please reset your password by clicking "Forgot password"'],
  wrong_password_chances: ['server', 'check', 'password or code is incorrect, you have %s remaining chances'],
  signin_submit: ['web', 'login', 'Sign In'],
  username_placeholder: ['web', 'login', 'username, Email or phone'],
  forgot_password: ['web', 'login', 'Forgot password?'],
  password_placeholder: ['web', 'general', 'Password'],
};
if (process.env.CASDOOR_GIT) {
  const dir = process.env.CASDOOR_GIT;
  const commit = git(dir, 'rev-parse', 'HEAD').trim().slice(0, 12);
  const paths = {
    server: (folder: string) => `i18n/locales/${folder}/data.json`,
    web: (folder: string) => `web/src/locales/${folder}/data.json`,
  };
  const folders = (root: string) => git(dir, 'ls-tree', '--name-only', `HEAD:${root}`).split('\n').filter(Boolean);
  // Languages both the server and the web app speak.
  const web = new Set(folders('web/src/locales'));
  for (const folder of folders('i18n/locales').filter((f) => web.has(f))) {
    const lang = folder === 'zh' ? 'zh-CN' : folder;
    const read = {
      server: JSON.parse(git(dir, 'show', `HEAD:${paths.server(folder)}`)),
      web: JSON.parse(git(dir, 'show', `HEAD:${paths.web(folder)}`)),
    };
    for (const [key, [file, section, msgid]] of Object.entries(CASDOOR_KEYS)) {
      const text = (read[file] as Record<string, Record<string, string>>)[section]?.[msgid]?.trim();
      if (text && (folder === 'en' || text !== msgid))
        out.push({ product: 'casdoor', lang, key, text, source: `casdoor/casdoor@${commit}:${paths[file](folder)}:${section}."${msgid}"` });
    }
  }
}

// Products whose input was not given this run keep their entries as they are.
const STRINGS = new URL('../bench/expiry-corpus/real/strings.json', import.meta.url);
const mined = new Set(out.map((entry) => entry.product));
if (existsSync(STRINGS))
  for (const entry of JSON.parse(readFileSync(STRINGS, 'utf8')) as MinedString[]) if (!mined.has(entry.product)) out.push(entry);

out.sort((a, b) => a.product.localeCompare(b.product) || a.lang.localeCompare(b.lang) || a.key.localeCompare(b.key));
writeFileSync(STRINGS, `${JSON.stringify(out, null, 1)}\n`);
console.log(`${out.length} strings`);
