// The emulator refuses a collection that was never created, as the cloud does (-502005), and creates at start only
// what database/indexes.json declares (emulator/test/db/collections.test.ts). So the demo seed may write only
// declared collections: one it wrote beyond them would exist locally and be missing on the cloud.
import path from 'node:path';
import { CloudDatabase } from '../../emulator/src/db';
import { demoSeed } from '../../scripts/emulator/seed';

test("Linli's demo seed writes only collections database/indexes.json declares", () => {
  const declared = new CloudDatabase({ file: ':memory:', now: () => 0, indexesFile: path.resolve(__dirname, '../../database/indexes.json') });
  const seeded = Object.keys(demoSeed(new Date(), (cloudPath) => cloudPath).collections);
  expect(seeded.length).toBeGreaterThan(0);
  expect(seeded.filter((name) => !declared.hasCollection(name))).toEqual([]);
  declared.close();
});
