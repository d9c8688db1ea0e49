/**
 * What each mined product message means to the detector.
 * - `expired`, `forced`: the signed-in user's password must be changed now (kind `expired`).
 * - `expiring-days` (carries a day count), `expiring-today`, `expiring-tomorrow`, `expiring-soon`: a warning ahead of time.
 * - `password-noun`, `new-password`, `confirm-password`: vocabulary (the noun gates every positive match).
 * - `day-unit`: the language's word for "day"/"days", which marks the count in a sentence worded unlike any message.
 * - `other`: a message that mentions expiry or passwords but is about something else (session, link, account,
 *   MFA enrolment grace period, a reset or sign-in page). It competes with the positive messages, so a sentence
 *   closest to it stays silent.
 */
export type PhraseRole =
  | 'expired'
  | 'forced'
  | 'expiring-days'
  | 'expiring-today'
  | 'expiring-tomorrow'
  | 'expiring-soon'
  | 'password-noun'
  | 'new-password'
  | 'confirm-password'
  | 'day-unit'
  | 'other';

/** `product:key` → role, for the bundles the detector is tuned on. */
export const PHRASE_ROLES: Record<string, PhraseRole> = {
  'okta:password.expired.title.generic': 'expired',
  'okta:password.expired.title.specific': 'expired',
  'okta:errors.E0000064': 'expired',
  'okta:password.expiring.title': 'expiring-days',
  'okta:password.expiring.today': 'expiring-today',
  'okta:password.expiring.soon': 'expiring-soon',
  'okta:primaryauth.password.placeholder': 'password-noun',
  'okta:password.newPassword.placeholder': 'new-password',
  'okta:password.confirmPassword.placeholder': 'confirm-password',
  // Button and page titles ("Change Password", "Update password") name the action, not a reason: a voluntary
  // change page shows them too, so a sentence that is just that stays silent.
  'okta:password.expired.submit': 'other',
  'keycloak:updatePasswordTitle': 'other',
  'okta:password.expiring.subtitle.generic': 'other',
  'okta:idx.password.expiring.message': 'other',
  'okta:password.complexity.minAgeDays': 'other',
  'okta:error.expired.session': 'other',
  'okta:error.auth.lockedOut': 'other',
  'okta:password.reset.title.generic': 'other',
  'okta:enroll.choices.description.gracePeriod.bold': 'other',
  'okta:oie.enrollment.policy.grace.period.required.in.days': 'other',
  'okta:oie.activation.request.email.title.expire': 'other',
  'okta:idx.return.link.expired': 'other',
  'keycloak:updatePasswordMessage': 'forced',
  'keycloak:resetPasswordMessage': 'forced',
  'keycloak:console-update-password': 'forced',
  'keycloak:password': 'password-noun',
  'keycloak:passwordNew': 'new-password',
  'keycloak:passwordConfirm': 'confirm-password',
  'keycloak:accountDisabledMessage': 'other',
  'keycloak:expiredCodeMessage': 'other',
  'keycloak:expiredActionMessage': 'other',
  'keycloak:pageExpiredTitle': 'other',
  'keycloak:emailInstruction': 'other',
  'keycloak:doForgotPassword': 'other',
  'lemonldap:PE_PP_PASSWORD_EXPIRED': 'expired',
  'lemonldap:PE_PP_CHANGE_AFTER_RESET': 'forced',
  // "N authentications remaining, change your password!": LDAP grace logins, a warning without a day count.
  'lemonldap:PE_PP_GRACE': 'expiring-soon',
  'lemonldap:PE_PP_EXP_WARNING': 'expiring-days',
  'lemonldap:PE_SESSIONEXPIRED': 'other',
  'lemonldap:PE_PP_ACCOUNT_LOCKED': 'other',
  'lemonldap:PE_FIRSTACCESS': 'other',
  'lemonldap:PE_PASSWORDFIRSTACCESS': 'other',
  // Linux PAM (pam_unix): what a web console or SSH login relays; every plural form of the day count is a row.
  'linux-pam:change_now_admin': 'forced',
  'linux-pam:change_now_expired': 'expired',
  'linux-pam:expire_in_days': 'expiring-days',
  'linux-pam:account_expired': 'other',
  'linux-pam:not_expired': 'other',
  'linux-pam:wait_longer': 'other',
  'linux-pam:password': 'password-noun',
  'linux-pam:new_password': 'new-password',
  'linux-pam:retype_new_password': 'confirm-password',
  // shadow-utils (login, su): "tomorrow" and "today" as well as a count; an inactive password or an expired login
  // (account) is something only an administrator can fix.
  'shadow:password_expired': 'expired',
  'shadow:must_change': 'forced',
  'shadow:expire_in_days': 'expiring-days',
  'shadow:expire_tomorrow': 'expiring-tomorrow',
  'shadow:expire_today': 'expiring-today',
  'shadow:password_inactive': 'other',
  'shadow:login_expired': 'other',
  'shadow:password': 'password-noun',
  // SSSD (pam_sss): "N grace login(s) remaining" is a warning without a day count, like LemonLDAP's PE_PP_GRACE.
  // Its ", your cached password will expire at:" fragment has no role: a bare clause, closer to a real warning
  // ("Ditt lösenord kommer att gå ut idag") than to anything that must stay silent.
  'sssd:grace_logins': 'expiring-soon',
  'sssd:expire_in': 'expiring-days',
  'sssd:password_expired': 'expired',
  'sssd:expired_change_now': 'expired',
  'sssd:offline_no_change': 'other',
  'sssd:password': 'password-noun',
  'sssd:new_password': 'new-password',
  'sssd:reenter_new_password': 'confirm-password',
  // Samba pam_winbind: Active Directory accounts signing in to Linux; "day"/"days" are translated on their own.
  'samba:password_expired': 'expired',
  'samba:change_now': 'forced',
  'samba:expires_today': 'expiring-today',
  'samba:expire_in': 'expiring-days',
  'samba:day': 'day-unit',
  'samba:days': 'day-unit',
  'samba:account_expired': 'other',
  'samba:account_disabled': 'other',
  'samba:too_recent': 'other',
  'samba:password': 'password-noun',
  'sudo:password_expired': 'expired',
  'sudo:account_expired': 'other',
  // MediaWiki (Special:ChangeCredentials): an expired password; its reset and plain change pages stay silent.
  'mediawiki:password_expired': 'expired',
  'mediawiki:password': 'password-noun',
  'mediawiki:new_password': 'new-password',
  'mediawiki:retype_new_password': 'confirm-password',
  'mediawiki:change_account_password': 'other',
  'mediawiki:reset_password': 'other',
  // SOGo (LDAP password policy): an account locked *because* the password expired is still an expired password;
  // "N logins remaining" is a grace-login warning; the unit of "expire in %{0} %{1}" is its "days" row.
  'sogo:password_expired': 'expired',
  'sogo:locked_expired_password': 'expired',
  'sogo:grace_logins': 'expiring-soon',
  'sogo:expire_in': 'expiring-days',
  'sogo:about_to_expire': 'expiring-soon',
  'sogo:days': 'day-unit',
  'sogo:change_password': 'other',
  'sogo:password': 'password-noun',
  'sogo:new_password': 'new-password',
  // Roundcube's password plugin: the warning names a date ("change it before 24.12.2026 10:00"), not a count.
  'roundcube:passwdexpired': 'expired',
  'roundcube:passwdexpirewarning': 'expiring-soon',
  'roundcube:changepasswd': 'other',
  'roundcube:curpasswd': 'other',
  'roundcube:newpasswd': 'new-password',
  'roundcube:confpasswd': 'confirm-password',
  'roundcube:passwordforbidden': 'other',
  // Apereo CAS: an expired password and one that "has expired and must be changed" (AD's must-change flag) are both
  // expired; "you must change your password" is forced; "N login(s) remaining" is a grace-login warning.
  'cas:authenticationFailure.CredentialExpiredException': 'expired',
  'cas:authenticationFailure.AccountPasswordMustChangeException': 'expired',
  'cas:screen.expiredpass.heading': 'expired',
  'cas:screen.mustchangepass.heading': 'forced',
  'cas:password.expiration.warning': 'expiring-days',
  'cas:password.expiration.loginsRemaining': 'expiring-soon',
  'cas:screen.pm.enterpsw': 'new-password',
  'cas:screen.pm.confirmpsw': 'confirm-password',
  'cas:authenticationFailure.AccountDisabledException': 'other',
  'cas:authenticationFailure.AccountLockedException': 'other',
  'cas:authenticationFailure.AccountExpiredException': 'other',
  'cas:screen.accountdisabled.heading': 'other',
  'cas:screen.accountlocked.heading': 'other',
  'cas:screen.button.changePassword': 'other',
  'cas:screen.pm.success.message': 'other',
  // Evolution's Exchange (EWS) backend: the server says the password expired or will in N days (every plural form).
  'evolution-ews:password_expired': 'expired',
  'evolution-ews:password_expired_change_at': 'expired',
  'evolution-ews:expire_in_days_open': 'expiring-days',
  'evolution-ews:expire_in_days': 'expiring-days',
  // GNOME and MATE screen lockers (pam_unix's older wording): aged is expired, root-enforced a forced change.
  'gnome-screensaver:change_now_aged': 'expired',
  'gnome-screensaver:change_now_root': 'forced',
  'gnome-screensaver:account_expired': 'other',
  'gnome-screensaver:wait_longer': 'other',
  'gnome-screensaver:password': 'password-noun',
  'gnome-screensaver:new_password': 'new-password',
  'gnome-screensaver:retype_new_password': 'confirm-password',
  'mate-screensaver:change_now_aged': 'expired',
  'mate-screensaver:change_now_root': 'forced',
  'mate-screensaver:account_expired': 'other',
  'mate-screensaver:wait_longer': 'other',
  'mate-screensaver:password': 'password-noun',
  // MIT Kerberos: the password expired, or expires in N days on a date; a principal (the account) expiring is other.
  'krb5:password_expired_change_now': 'expired',
  'krb5:password_expired': 'expired',
  'krb5:expire_in_days_on': 'expiring-days',
  'krb5:principal_expired': 'other',
  // Horde: expired at login or in its LDAP account block; "%d days until your password expires." is a countdown.
  'horde:password_expired_login': 'expired',
  'horde:password_expired': 'expired',
  'horde:days_until_expiry': 'expiring-days',
  'horde:login_expired': 'other',
  'horde:session_expired': 'other',
  'horde:minimum_age': 'other',
  'horde:password': 'password-noun',
  'horde:confirm_password': 'confirm-password',
  // Apache Guacamole (database authentication): the expired-password form; account validity and minimum age are other.
  'guacamole:LOGIN.INFO_PASSWORD_EXPIRED': 'expired',
  'guacamole:LOGIN.FIELD_HEADER_NEW_PASSWORD': 'new-password',
  'guacamole:LOGIN.FIELD_HEADER_CONFIRM_NEW_PASSWORD': 'confirm-password',
  'guacamole:LOGIN.ERROR_NOT_VALID': 'other',
  'guacamole:LOGIN.ERROR_NOT_ACCESSIBLE': 'other',
  'guacamole:PASSWORD_POLICY.ERROR_TOO_YOUNG': 'other',
  // ownCloud password_policy: expired page and notifications ("You have N days to change your password" is a
  // warning with a count; "expired N days ago" is expired, its count no days left); the admin settings' policy
  // wording ("days until user password expires") is the policy-page hard negative.
  'owncloud:password_expired_page': 'expired',
  'owncloud:password_expired': 'expired',
  'owncloud:days_to_change': 'expiring-days',
  'owncloud:expired_days_ago': 'expired',
  'owncloud:change_to_regain_access': 'forced',
  'owncloud:admin_days_until_expiry': 'other',
  'owncloud:admin_reminder_days': 'other',
  'owncloud:admin_force_first_login': 'other',
  'owncloud:current_password': 'other',
  // Nextcloud's LDAP backend: its password-policy notification, today / tomorrow / within N days.
  'nextcloud:expire_tomorrow': 'expiring-tomorrow',
  'nextcloud:expire_today': 'expiring-today',
  'nextcloud:expire_within_days': 'expiring-days',
  'nextcloud:new_password': 'new-password',
  // Closed products, as their documentation quotes them: Windows sign-in (also behind AD FS and RD Web), Apple.
  'windows:password_expired_must_change': 'expired',
  'windows:expiry_reminder': 'expiring-soon',
  'windows:must_change_before_signing_in': 'forced',
  'windows:must_change_before_first_logon': 'forced',
  'windows:expired_change_elsewhere': 'expired',
  'windows:expired_switch_user': 'expired',
  'windows:rdp_expired': 'expired',
  'apple:kODErrorCredentialsPasswordExpired': 'expired',
  // Cockpit (Linux web console): no expiry message of its own (PAM's wording reaches its login page); its sign-in
  // and account vocabulary, and the hard negatives an employee meets there: the session timeout, a wrong password,
  // a voluntary change done, and the account page's expiry settings.
  'cockpit:login.password': 'password-noun',
  'cockpit:users.new_password': 'new-password',
  'cockpit:users.confirm_new_password': 'confirm-password',
  'cockpit:login.wrong_credentials': 'other',
  'cockpit:shell.session_expiring': 'other',
  'cockpit:shell.password_changed': 'other',
  'cockpit:users.never_expire_password': 'other',
  'cockpit:users.account_expiration_setting': 'other',
  'cockpit:users.never_expire_account': 'other',
  // Webmin's password_change.cgi: expired, or a temporary password an administrator set ("You must select a new
  // password to replace your temporary login"); its login page's other messages stay silent.
  'webmin:password_expired': 'expired',
  'webmin:password_temp': 'forced',
  'webmin:session_pass': 'password-noun',
  'webmin:password_new1': 'new-password',
  'webmin:password_new2': 'confirm-password',
  'webmin:password_header': 'other',
  'webmin:password_old': 'other',
  'webmin:password_done': 'other',
  'webmin:password_eold': 'other',
  'webmin:session_mesg2': 'other',
  'webmin:session_failed': 'other',
  'webmin:session_timed_out': 'other',
  // Zimbra's login page: the server's "Your password is no longer valid. Please choose a new password." (expired,
  // or an administrator's must-change flag) above new/confirm fields; its other sign-in errors stay silent.
  'zimbra:account.CHANGE_PASSWORD': 'expired',
  'zimbra:password': 'password-noun',
  'zimbra:passwordRecoveryResetNewLabel': 'new-password',
  'zimbra:passwordRecoveryResetConfirmLabel': 'confirm-password',
  'zimbra:account.AUTH_FAILED': 'other',
  'zimbra:account.PASSWORD_CHANGE_TOO_SOON': 'other',
  'zimbra:account.PASSWORD_LOCKED': 'other',
  'zimbra:account.PASSWORD_RECENTLY_USED': 'other',
  'zimbra:account.MAINTENANCE_MODE': 'other',
  'zimbra:service.AUTH_EXPIRED': 'other',
  // Nextcloud's password_policy app: the sign-in refused because the password expired; its admin settings' expiry
  // wording (a policy page) and history rule stay silent.
  'nextcloud-password-policy:password_expired': 'expired',
  'nextcloud-password-policy:admin_days_until_expiry': 'other',
  'nextcloud-password-policy:admin_days_until_expiry_short': 'other',
  'nextcloud-password-policy:admin_expiry_warning': 'other',
  'nextcloud-password-policy:history': 'other',
  'webmin:forgot_sent': 'other',
  'webmin:forgot_etime': 'other',
  // authentik's password expiry policy (the access-denied page); the policy's admin name and the password policy's
  // rejections stay silent.
  'authentik:password_expired': 'expired',
  'authentik:expiry_policy': 'other',
  'authentik:expiry_policies': 'other',
  'authentik:invalid_password': 'other',
  'authentik:password_too_weak': 'other',
  // Redmine: its one flash for an expired password or an administrator's "must change at next logon" (the change
  // form it redirects to); its session, recovery-link, locked-account and wrong-password messages stay silent.
  'redmine:error_password_expired': 'expired',
  'redmine:error_session_expired': 'other',
  'redmine:error_token_expired': 'other',
  'redmine:notice_account_locked': 'other',
  'redmine:notice_account_invalid_credentials': 'other',
  'redmine:field_password': 'password-noun',
  'redmine:field_new_password': 'new-password',
  // SilverStripe: "Your password has expired. Please choose a new one." above the change form its sign-in sends an
  // expired member to; a timed-out session stays silent.
  'silverstripe:SilverStripe\\Security\\Member.PASSWORDEXPIRED': 'expired',
  'silverstripe:SilverStripe\\Security\\Member.PASSWORD': 'password-noun',
  'silverstripe:SilverStripe\\Security\\Member.NEWPASSWORD': 'new-password',
  'silverstripe:SilverStripe\\Security\\Member.CONFIRMNEWPASSWORD': 'confirm-password',
  'silverstripe:SilverStripe\\Security\\CMSSecurity.LOGIN_MESSAGE': 'other',
  // FusionAuth: the reason its change form gives a user its sign-in sends there (expired; found among breached
  // passwords or failing the validation rules, also a demand to change now); an expired account, an expired reset code
  // and wrong credentials stay silent.
  'fusionauth:[PasswordChangeReasonExpired]': 'expired',
  'fusionauth:[PasswordChangeReasonBreached]': 'forced',
  'fusionauth:[PasswordChangeReasonValidation]': 'forced',
  'fusionauth:[UserExpiredException]': 'other',
  'fusionauth:[InvalidChangePasswordId]': 'other',
  'fusionauth:[InvalidLogin]': 'other',
  'fusionauth:password': 'password-noun',
  'fusionauth:passwordConfirm': 'confirm-password',
  // Logto: its sign-in stopped by an expired password ("... must be reset before you can sign in"), translations only.
  'logto:password_expired': 'expired',
  'logto:new_password': 'new-password',
  'logto:verification_method.password': 'password-noun',
  // Auth0 Lock: its sign-in form's error when the password must be updated (expired, or a first sign-in).
  'auth0-lock:error.login.password_change_required': 'expired',
  // JumpServer: its sign-in's error pages (forced change, expired) and the signed-in banner, expired or "will expire on
  // {date}" (the date gives the days); the account's banner and sign-in failures are hard negatives.
  'jumpserver:change_before_login': 'forced',
  'jumpserver:expired_reset_before_login': 'expired',
  'jumpserver:expired_banner': 'expired',
  'jumpserver:password_will_expire_at': 'expiring-soon',
  'jumpserver:account_will_expire_at': 'other',
  'jumpserver:account_expired': 'other',
  'jumpserver:password_incorrect': 'other',
  'jumpserver:password': 'password-noun',
  'jumpserver:new_password': 'new-password',
  'jumpserver:confirm_password': 'confirm-password',
};
