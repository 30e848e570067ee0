import { startHarness } from '/work/main/test/emulator/db/sdk-harness';
test('smoke', async () => {
  const h = await startHarness();
  const db = h.db as any;
  const _ = db.command;
  const add = await db.collection('x').add({ data: { a: 1, when: db.serverDate(), d: new Date(0), tags: ['a'] } });
  console.log('add', add);
  const got = await db.collection('x').doc(add._id).get();
  console.log('get', got);
  const up = await db.collection('x').doc(add._id).update({ data: { a: _.inc(2), sub: { k: 'v' }, tags: _.push(['b']) } });
  console.log('update', up);
  const set = await db.collection('x').doc('fixed').set({ data: { z: 1 } });
  console.log('set', set);
  const list = await db.collection('x').where({ a: _.gt(0) }).orderBy('a', 'desc').limit(5).get();
  console.log('list', JSON.stringify(list));
  console.log('count', await db.collection('x').count());
  console.log('agg', await db.collection('x').aggregate().group({ _id: null, n: db.command.aggregate.sum(1) }).end());
  try { await db.collection('x').add({ data: { _id: 'fixed' } }); } catch (e: any) { console.log('dup', e.errCode, e.errMsg); }
  try { await db.collection('x').doc('missing').get(); } catch (e: any) { console.log('missing', e.errCode, e.errMsg); }
  console.log('remove', await db.collection('x').where({ z: 1 }).remove());
  const r = await db.runTransaction(async (t: any) => {
    const d = await t.collection('x').doc(add._id).get();
    await t.collection('x').doc(add._id).update({ data: { a: d.data.a + 10 } });
    await t.collection('y').add({ data: { ref: add._id } });
    return d.data.a;
  });
  console.log('tx', r, h.engine.find('x'), h.engine.find('y'));
  console.log(JSON.stringify(h.requests.slice(0, 3), null, 1));
  console.log(h.meter.slice(0, 4));
  await h.close();
});
