import { createHash } from 'node:crypto';
import { idForRequest, idOf } from '../../cloudfunctions/_lib/platform/ids';

const sha = (text: string, length: number) => createHash('sha256').update(text).digest('hex').slice(0, length);

// Stored documents carry these ids: a retry that spans a deploy must land on the same one, so the derivation is pinned.
describe('application ids', () => {
  it('derive from the cause: the same parts, the same id', () => {
    expect(idOf(['o-wang'], 24)).toBe(sha('o-wang', 24));
    expect(idForRequest(['wish', 'o-wang'], 'req-0001-abcd', 32)).toBe(sha('wish\no-wang\nreq-0001-abcd', 32));
    expect(idForRequest(['o-wang'], 'req-0001-abcd', 24)).toBe(sha('o-wang\nreq-0001-abcd', 24));
  });

  it('a request with no requestId gets a fresh id of the same length each time', () => {
    const a = idForRequest(['wish', 'o-wang'], undefined, 32);
    const b = idForRequest(['wish', 'o-wang'], undefined, 32);
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(b).not.toBe(a);
    expect(idForRequest(['o-wang'], undefined, 24)).toMatch(/^[0-9a-f]{24}$/);
  });
});
