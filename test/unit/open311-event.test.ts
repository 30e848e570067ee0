import { main } from '../../cloudfunctions/open311/index';

// The HTTP-access event as CloudBase delivers it: a JSON body arrives as plain text (isBase64Encoded false), others
// base64. What is refused before any key or database is looked at answers in GeoReport's error shape.
const post = (body: string, isBase64Encoded = false, contentType = 'application/json') =>
  main({ path: '/open311/v2/requests.json', httpMethod: 'POST', headers: { 'Content-Type': contentType }, body, isBase64Encoded });

describe('open311 HTTP-access event', () => {
  it('reads a plain-text and a base64 JSON body alike, and refuses what zod refuses with 400', async () => {
    const fields = JSON.stringify({ service_code: 'road', description: '路面塌了一个坑' });
    for (const reply of [await post(fields), await post(Buffer.from(fields).toString('base64'), true)]) {
      expect(reply).toMatchObject({ statusCode: 400, headers: { 'content-type': 'application/json; charset=utf-8' } });
      expect(JSON.parse(reply.body)).toEqual([{ code: 400, description: expect.stringMatching(/^api_key: /) }]);
    }
  });

  it('refuses a body that is not JSON, or not an object, and an unknown path', async () => {
    expect(JSON.parse((await post('{"api_key":')).body)).toEqual([{ code: 400, description: 'body is not valid JSON' }]);
    expect(JSON.parse((await post('[1]')).body)).toEqual([{ code: 400, description: 'body must be a JSON object' }]);
    const form = await post('service_code=road', false, 'application/x-www-form-urlencoded');
    expect(JSON.parse(form.body)[0].description).toMatch(/^api_key: /);
    const unknown = await main({ path: '/open311/v2/nothing.json', httpMethod: 'GET' });
    expect(unknown.statusCode).toBe(404);
    expect(JSON.parse(unknown.body)).toEqual([{ code: 404, description: 'no such resource: GET nothing.json' }]);
  });
});
