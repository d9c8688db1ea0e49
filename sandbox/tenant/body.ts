import type { IncomingMessage } from 'node:http';

export const MAX_BODY_BYTES = 1 << 20;
/** Past this much the tenant stops reading and closes the connection after answering 413. */
const MAX_DRAINED_BYTES = 64 << 20;

/** A body the tenant refuses: 400 (not JSON, bad form) or 413 (over 1 MiB), answered with ISC's error body. */
export class BodyError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 413 = 400,
  ) {
    super(message);
  }
}

/**
 * Reads the body; one over 1 MiB is drained (not kept) and refused with 413, so the client gets an answer
 * instead of a dropped connection it could not tell from a network failure.
 */
export function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const tooLarge = () => new BodyError(`The request body is larger than ${MAX_BODY_BYTES} bytes.`, 413);
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_DRAINED_BYTES) {
        request.pause();
        reject(tooLarge());
        return;
      }
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on('end', () => (size > MAX_BODY_BYTES ? reject(tooLarge()) : resolve(Buffer.concat(chunks))));
    request.on('error', reject);
  });
}

export function parseJson(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new BodyError('The request body is not valid JSON.');
  }
}

/** Fields of an `application/x-www-form-urlencoded` or `multipart/form-data` body (the SDK sends the latter). */
export function parseForm(contentType: string | undefined, body: Buffer): Record<string, string> {
  const type = (contentType ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data')) return parseMultipart(contentType ?? '', body);
  if (type.startsWith('application/x-www-form-urlencoded') || type === '') {
    return Object.fromEntries(new URLSearchParams(body.toString('utf8')));
  }
  throw new BodyError(`Unsupported content type "${contentType}".`);
}

function parseMultipart(contentType: string, body: Buffer): Record<string, string> {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const marker = boundary?.[1] ?? boundary?.[2];
  if (!marker) throw new BodyError('The multipart body has no boundary.');
  const fields: Record<string, string> = {};
  for (const part of body.toString('utf8').split(`--${marker.trim()}`)) {
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd < 0) continue;
    const headers = part.slice(0, headerEnd);
    const name = /content-disposition:[^\r\n]*\bname="([^"]*)"/i.exec(headers)?.[1];
    if (name === undefined) continue;
    fields[name] = part.slice(headerEnd + 4).replace(/\r\n$/, '');
  }
  return fields;
}
