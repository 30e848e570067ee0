import busboy from 'busboy';
import { Readable } from 'node:stream';

export interface Part {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

export interface MultipartLimits {
  /** Bytes of one part's body. */
  partBytes: number;
  /** Parts in the whole body. */
  parts: number;
  /** Bytes of the whole body. */
  bodyBytes: number;
}

/** Why a body is refused: over a limit, or not well-formed multipart. */
export class MultipartError extends Error {
  constructor(
    readonly reason: 'too-large' | 'malformed',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Reads a multipart/form-data body by busboy, as it streams in (a request) or at once (a Buffer), parts in their
 * order. A part with a filename or of type application/octet-stream (the SDK's `wx.openApi` requests, built by the
 * form-data package, carry protobuf so) keeps its bytes; any other is text, read as UTF-8. A body over a limit is
 * refused as soon as that is seen, the rest drained unread; a body cut short is malformed.
 */
export function parseMultipart(source: Readable | Buffer, contentType: string, limits: MultipartLimits): Promise<Part[]> {
  const input = Buffer.isBuffer(source) ? Readable.from([source]) : source;
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: { 'content-type': contentType },
        // Filenames arrive as raw UTF-8 (browsers, form-data) more often than as RFC 5987 `filename*`.
        defParamCharset: 'utf8',
        // busboy signals a limit on reaching it: one more byte (part) tells a body at the limit from one over it.
        limits: { fileSize: limits.partBytes + 1, fieldSize: limits.partBytes + 1, parts: limits.parts + 1 },
      });
    } catch (err) {
      input.resume();
      return reject(new MultipartError('malformed', (err as Error).message));
    }
    const parts: Promise<Part>[] = [];
    let failed = false;
    const fail = (err: MultipartError) => {
      if (failed) return;
      failed = true;
      input.unpipe(parser);
      input.resume();
      reject(err);
    };
    const tooLarge = (name: string) => fail(new MultipartError('too-large', `part "${name}" is over ${limits.partBytes} bytes`));
    parser.on('file', (name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', (err: Error) => fail(new MultipartError('malformed', err.message)));
      stream.on('limit', () => tooLarge(name));
      parts.push(
        new Promise((done) =>
          stream.on('end', () => done({ name, filename: info.filename, contentType: info.mimeType, data: Buffer.concat(chunks) })),
        ),
      );
    });
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) return tooLarge(name);
      parts.push(Promise.resolve({ name, contentType: info.mimeType, data: Buffer.from(value, 'utf8') }));
    });
    parser.on('partsLimit', () => fail(new MultipartError('too-large', `more than ${limits.parts} parts`)));
    parser.on('error', (err: Error) => fail(new MultipartError('malformed', err.message)));
    parser.on('close', () => {
      if (!failed) void Promise.all(parts).then(resolve);
    });
    let size = 0;
    input.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limits.bodyBytes) fail(new MultipartError('too-large', `body over ${limits.bodyBytes} bytes`));
    });
    input.on('error', (err: Error) => fail(new MultipartError('malformed', err.message)));
    input.pipe(parser);
  });
}
