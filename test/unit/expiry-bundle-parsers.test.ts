import { describe, expect, it } from 'vitest';
import {
  parseCockpitPo,
  parseLocaleModule,
  parseLocaleYaml,
  parsePoForms,
  parseProperties,
  parseRoundcubeInc,
  parseStrings,
} from '@/scripts/bundle-parsers';

/** How the expiry miner reads the products' bundles: what it gets wrong here would be wrong phrase data. */
describe('bundle parsers (scripts/bundle-parsers.ts)', () => {
  it('reads every plural form of a gettext message, each its own string', () => {
    const po = [
      'msgid ""',
      'msgstr "Plural-Forms: nplurals=3;\\n"',
      '',
      '#: modules/pam_unix/pam_unix_acct.c:272',
      '#, c-format',
      'msgid "Warning: your password will expire in %ld day."',
      'msgid_plural "Warning: your password will expire in %ld days."',
      'msgstr[0] "Предупреждение: срок действия пароля истекает через %ld день."',
      'msgstr[1] "Предупреждение: срок действия пароля истекает через %ld дня."',
      'msgstr[2] "Предупреждение: срок действия пароля истекает через %ld дней."',
    ].join('\n');
    expect(parsePoForms(po).get('Warning: your password will expire in %ld day.')).toEqual({
      plural: 'Warning: your password will expire in %ld days.',
      forms: [
        'Предупреждение: срок действия пароля истекает через %ld день.',
        'Предупреждение: срок действия пароля истекает через %ld дня.',
        'Предупреждение: срок действия пароля истекает через %ld дней.',
      ],
    });
  });

  it('joins wrapped lines, unescapes, and leaves out unreviewed (fuzzy) translations unless asked', () => {
    const po = [
      'msgid ""',
      '"You are required to change your password immediately (administrator "',
      '"enforced)."',
      'msgstr ""',
      '"Sie müssen Ihr \\"Passwort\\" sofort ändern."',
      '',
      '#, fuzzy',
      'msgid "Your password expires today.\\n"',
      'msgstr "Ihr Passwort ist abgelaufen"',
    ].join('\n');
    const forms = parsePoForms(po);
    expect(forms.get('You are required to change your password immediately (administrator enforced).')).toEqual({
      forms: ['Sie müssen Ihr "Passwort" sofort ändern.'],
    });
    // Samba's German "expires today" was machine-matched to "has expired": a wrong row if it were taken.
    expect(forms.has('Your password expires today.\n')).toBe(false);
    expect(parsePoForms(po, true).get('Your password expires today.\n')?.forms).toEqual(['Ihr Passwort ist abgelaufen']);
  });

  it('reads Java properties with \\u escapes and continued lines', () => {
    const properties = ['# comment', 'screen.welcome = Caf\\u00e9 et th\\u00e9 \\', '    pour tous.', 'screen.title=Web Login'].join('\n');
    expect(parseProperties(properties)).toEqual(
      new Map([
        ['screen.welcome', 'Café et thé pour tous.'],
        ['screen.title', 'Web Login'],
      ]),
    );
  });
  it("reads SOGo's Localizable.strings: the English key, its translation, escapes, comments skipped", () => {
    const strings = [
      '/* Password policy */',
      '"Your password is going to expire in %{0} %{1}." = "Votre mot de passe va expirer dans %{0} %{1}.";',
      '// "Password" = "commented out";',
      '"days" = "jours";',
      '"Quoted" = "Le \\"mot\\" de passe\\nsuivant";',
    ].join('\n');
    expect(parseStrings(strings)).toEqual(
      new Map([
        ['Your password is going to expire in %{0} %{1}.', 'Votre mot de passe va expirer dans %{0} %{1}.'],
        ['days', 'jours'],
        ['Quoted', 'Le "mot" de passe\nsuivant'],
      ]),
    );
  });

  it("reads Roundcube's PHP localization arrays, single-quoted with escaped quotes or double-quoted", () => {
    const inc = [
      '<?php',
      "$labels['changepasswd']  = 'Changer le mot de passe';",
      "$messages['passwdexpired'] = 'Votre mot de passe est expiré, vous devez le changer maintenant';",
      "$messages['passwdexpirewarning'] = 'Avertissement ! Changez-le avant l\\'échéance $expirationdatetime.';",
      '$messages["passwordforbidden"] = "Le mot de passe contient des caractères interdits.";',
    ].join('\n');
    expect(parseRoundcubeInc(inc)).toEqual(
      new Map([
        ['changepasswd', 'Changer le mot de passe'],
        ['passwdexpired', 'Votre mot de passe est expiré, vous devez le changer maintenant'],
        ['passwdexpirewarning', "Avertissement ! Changez-le avant l'échéance $expirationdatetime."],
        ['passwordforbidden', 'Le mot de passe contient des caractères interdits.'],
      ]),
    );
  });

  it("reads Cockpit's compiled po.LANG.js without running it: quoted and bare msgids, plural forms, escapes, no header", () => {
    // The shape cockpit-ws and cockpit-system ship (minified object literal; the header holds a plural function).
    const login =
      'window.cockpit_po={"":{"plural-forms":e=>1!=e,language:"de","language-direction":"ltr"},' +
      '"Wrong user name or password":[null,"Benutzername oder Passwort falsch"],Password:[null,"Passwort"],' +
      '"$0 CPU":[null,"$0 CPU","$0 CPUs"],\'Run "systemctl enable --now cockpit.socket".\':[null,\'F\\u00fchren Sie "systemctl" aus.\'],' +
      '"Graph visibility":[null,""]};';
    expect(parseCockpitPo(login)).toEqual(
      new Map([
        ['Wrong user name or password', ['Benutzername oder Passwort falsch']],
        ['Password', ['Passwort']],
        ['$0 CPU', ['$0 CPU', '$0 CPUs']],
        ['Run "systemctl enable --now cockpit.socket".', ['Führen Sie "systemctl" aus.']],
        ['Graph visibility', ['']],
      ]),
    );
    expect(parseCockpitPo('cockpit.locale({"":{language:"ja"},"Never expire password":[null,"パスワードを失効しない"]});')).toEqual(
      new Map([['Never expire password', ['パスワードを失効しない']]]),
    );
  });
  it("reads a YAML locale's messages by their path below the language: plain values folded over continuation lines, both quotings", () => {
    const redmine = [
      '# Norwegian translation',
      '"no":',
      '  date:',
      '    formats:',
      '      default: "%Y-%m-%d"',
      '  error_password_expired: Ditt lösenord har gått ut eller administratören kräver att',
      '    du ändrar det.',
      '  error_session_expired: "Din session har gått ut. Vänligen logga in på nytt."',
      '  field_password: Lösenord # a comment',
      "  label_quote: 'l''administrateur'",
      '  error_escaped: "Line \\"quoted\\""',
    ].join('\n');
    expect(parseLocaleYaml(redmine)).toEqual(
      new Map([
        ['date.formats.default', '%Y-%m-%d'],
        ['error_password_expired', 'Ditt lösenord har gått ut eller administratören kräver att du ändrar det.'],
        ['error_session_expired', 'Din session har gått ut. Vänligen logga in på nytt.'],
        ['field_password', 'Lösenord'],
        ['label_quote', "l'administrateur"],
        ['error_escaped', 'Line "quoted"'],
      ]),
    );
    const silverstripe = [
      'fr:',
      '  SilverStripe\\Security\\CMSSecurity:',
      "    LOGIN_MESSAGE: '<p>Votre session a expiré</p>'",
      '  SilverStripe\\Security\\Member:',
      "    'PASSWORD': 'Mot de passe'",
      '    PASSWORDEXPIRED: "Votre mot de passe a expiré. Merci d\'en choisir un nouveau."',
    ].join('\n');
    expect(parseLocaleYaml(silverstripe)).toEqual(
      new Map([
        ['SilverStripe\\Security\\CMSSecurity.LOGIN_MESSAGE', '<p>Votre session a expiré</p>'],
        ['SilverStripe\\Security\\Member.PASSWORD', 'Mot de passe'],
        ['SilverStripe\\Security\\Member.PASSWORDEXPIRED', "Votre mot de passe a expiré. Merci d'en choisir un nouveau."],
      ]),
    );
  });
  it("reads a TypeScript locale module's strings by their path: values on the key's line or the next, escapes decoded, code left out", () => {
    const logto = [
      "import password_rejected from './password-rejected.js';",
      '',
      'const description = {',
      "  new_password: 'Nouveau mot de passe',",
      '  password_expired:',
      "    'Votre mot de passe a expiré et doit être réinitialisé avant de pouvoir vous connecter.',",
      "  authorize_agreement: `En autorisant l'accès, vous acceptez les <link></link> de {{name}}.`,",
      "  quoted: 'L\\'accès est refusé\\nRéessayez.',",
      '  password_rejected,',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the module's own placeholder, as source text
      '  computed: `${prefix} expiré`,',
      '  verification_method: {',
      "    password: 'Mot de passe',",
      '  },',
      "  back_to_sign_in: 'Retour',",
      '};',
      '',
      'export default Object.freeze(description);',
    ].join('\n');
    expect(parseLocaleModule(logto)).toEqual(
      new Map([
        ['new_password', 'Nouveau mot de passe'],
        ['password_expired', 'Votre mot de passe a expiré et doit être réinitialisé avant de pouvoir vous connecter.'],
        ['authorize_agreement', "En autorisant l'accès, vous acceptez les <link></link> de {{name}}."],
        ['quoted', "L'accès est refusé\nRéessayez."],
        ['verification_method.password', 'Mot de passe'],
        ['back_to_sign_in', 'Retour'],
      ]),
    );
  });
});
