import { strict as assert } from 'node:assert';
import { mapInSteps } from '../../../src/extension/inSteps';

describe('mapping in steps on the host thread', () => {
  it('maps every item in order, the event loop turning between steps', async () => {
    const items = Array.from({ length: 10_001 }, (_, i) => i);
    let turns = 0;
    let stop = false;
    const tick = () => {
      if (stop) return;
      turns++;
      setImmediate(tick);
    };
    setImmediate(tick);
    const out = await mapInSteps(items, (x) => `a${x}.txt`, 1_000);
    stop = true;
    assert.deepEqual(out, items.map((x) => `a${x}.txt`));
    // 11 steps of at most 1,000 items: the loop turned between them (at once it would not have turned).
    assert.ok(turns >= 10, `the event loop turned ${turns} times`);
    assert.deepEqual(await mapInSteps([], (x: number) => x), []);
  });
});
