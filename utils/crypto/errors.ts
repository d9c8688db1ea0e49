export type CryptoErrorCode = 'invalid-key-encoding' | 'not-rsa-key' | 'key-too-small' | 'password-too-long' | 'empty-password';

export type CryptoMessageKey =
  | 'crypto.invalidKeyEncoding'
  | 'crypto.notRsaKey'
  | 'crypto.keyTooSmall'
  | 'crypto.passwordTooLong'
  | 'crypto.emptyPassword';

const messageKeys: Record<CryptoErrorCode, CryptoMessageKey> = {
  'invalid-key-encoding': 'crypto.invalidKeyEncoding',
  'not-rsa-key': 'crypto.notRsaKey',
  'key-too-small': 'crypto.keyTooSmall',
  'password-too-long': 'crypto.passwordTooLong',
  'empty-password': 'crypto.emptyPassword',
};

/**
 * A failure the UI can explain with `i18n.t(messageKey, params)`. The message is only the code, so a password
 * can never reach a log through it.
 */
export class CryptoError extends Error {
  readonly messageKey: CryptoMessageKey;
  /** 'password-too-long': the most UTF-8 bytes this key and padding can carry. */
  readonly maxBytes?: number;
  /** 'key-too-small': the size of the rejected modulus. */
  readonly keyBits?: number;
  readonly params: string[];

  constructor(
    readonly code: CryptoErrorCode,
    detail: { maxBytes?: number; keyBits?: number } = {},
  ) {
    super(code);
    this.name = 'CryptoError';
    this.messageKey = messageKeys[code];
    this.maxBytes = detail.maxBytes;
    this.keyBits = detail.keyBits;
    const param = detail.maxBytes ?? detail.keyBits;
    this.params = param === undefined ? [] : [String(param)];
  }
}
