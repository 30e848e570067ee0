// 红色代办 from the 人口台账: 刘芳 finds 郑大爷 by name in her grid's roster, picks him, and the case is filed at his
// building, linked to his roster key. Needs dist/h5 and chromium.
import { databaseOf } from '../functions/ledger-fixture';
import { browserSession } from './app';
import { shown } from './browser';
import { petitionDriver } from './petition-app';

jest.setTimeout(120_000);

const session = browserSession();
const key = 'community-wutong|building-2|3|501|郑大爷';

test('a grid worker picks the resident from the roster; the case goes to their building with their roster key', async () => {
  const { page, app, emu } = session;
  const db = databaseOf(emu);
  await db
    .collection('roster_heads')
    .doc('community-wutong')
    .set({
      data: {
        communityId: 'community-wutong',
        streetId: 'street-qingshi',
        activeImport: 'import-e2e',
        rows: 1,
        gridRows: { 'grid-1': 1 },
        fileHash: 'e2e',
        importedAt: new Date(),
        by: 'demo-staff-sun',
      },
    });
  await db.collection('roster_entries').add({
    data: {
      _id: 'import-e2e-zheng',
      key,
      importId: 'import-e2e',
      page: 0,
      communityId: 'community-wutong',
      gridId: 'grid-1',
      buildingId: 'building-2',
      buildingName: '2号楼',
      unit: '3',
      room: '501',
      name: '郑大爷',
      phone: '13700005678',
      tags: ['独居老人'],
      sortKey: '2号楼|3|501|郑大爷',
      userId: null,
    },
  });
  await app.open('/pages/petition-new/index?proxy=1');
  await app.actAs('刘芳');
  const form = shown(page).locator('.petition-new');
  await form.locator('.proxy-fields__search input').fill('郑大爷');
  await form.locator('.proxy-fields__search .proxy-fields__small-btn').click();
  await form.locator('.proxy-fields__search-note, .proxy-fields__roster-row').first().waitFor();
  await app.shot('petition-new-roster-proxy-found');
  await form.locator('.proxy-fields__roster-row', { hasText: '2号楼 3单元501' }).click();
  await form.locator('.proxy-fields__picked', { hasText: '郑大爷' }).waitFor();
  await form.locator('.choice-chips--category [data-value="environment"]').click();
  await form.locator('.petition-new__textarea textarea').fill('2号楼3单元楼道灯坏了，郑大爷晚上下楼看不见台阶');
  await app.shot('petition-new-roster-proxy');
  await petitionDriver(page, emu).submitButton().click();
  await app.answerConsent('接收诉求进度通知？', true);
  await petitionDriver(page, emu).currentRung().waitFor();
  const [doc] = (await db.collection('petitions').where({ rosterKey: key }).get()).data;
  expect(doc).toMatchObject({ reporterName: '郑大爷', reporterId: null, buildingId: 'building-2', filedByName: '刘芳' });
});
