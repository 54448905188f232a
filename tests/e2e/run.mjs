// End-to-end tests of the timeline page: Debian's Chromium, headless, driven by playwright-core,
// against `tarikh serve` started on a free port with a fresh database.
//
//   TARIKH_BIN           the binary (default target/debug/tarikh; it is not built here)
//   TARIKH_E2E_ARTICLES  synthetic articles for the large-database test (default 10500, which
//                        gives a little over 10,000 events; 0 skips that test)
//   CHROMIUM             the browser (default /usr/bin/chromium)
//
// Screenshots go to target/e2e/. Run through run.sh, which installs the node modules first.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const BIN = path.resolve(ROOT, process.env.TARIKH_BIN || 'target/debug/tarikh');
const SHOTS = path.join(ROOT, 'target/e2e');
const ARTICLES = Number(process.env.TARIKH_E2E_ARTICLES ?? 10500);
const TOKEN = `e2e-${process.pid}-${Date.now()}`;
const CONTACT = ['meeting', 'visit', 'summit', 'call'];
const WORK = mkdtempSync(path.join(tmpdir(), 'tarikh-e2e-'));
mkdirSync(SHOTS, { recursive: true });

// ---------------------------------------------------------------------------------------------
// The server and the browser

/** Runs a command to completion; rejects with its stderr when it fails. */
function run(cmd, args, { stdin, stdout } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['pipe', stdout ? 'pipe' : 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', d => { err += d; });
    if (stdout) child.stdout.pipe(stdout);
    if (stdin) createReadStream(stdin).pipe(child.stdin); else child.stdin.end();
    child.on('error', reject);
    child.on('close', code => (code === 0 ? resolve(err) : reject(new Error(`${cmd} ${args.join(' ')}: exit ${code}\n${err}`))));
  });
}

/** Starts `tarikh serve` on port 0 and resolves with its address once it prints it. */
function startServer({ db, seeds, token }) {
  const env = { ...process.env, RUST_LOG: process.env.RUST_LOG || 'warn' };
  delete env.TARIKH_TOKEN;
  if (token) env.TARIKH_TOKEN = token;
  const child = spawn(BIN, ['serve', '--addr', '127.0.0.1:0', '--db', db, '--seeds', seeds],
    { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stderr.on('data', d => { log = (log + d).slice(-20000); });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start in 300 s:\n${log}`)), 300000);
    let out = '';
    child.stdout.on('data', d => {
      out += d;
      const m = /tarikh listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[1].replace(/\/$/, ''),
          log: () => log,
          stop: () => new Promise(done => {
            if (child.exitCode !== null) return done();
            child.once('close', done);
            child.kill('SIGTERM');
          }),
        });
      }
    });
    child.on('error', reject);
    child.on('close', code => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}) before listening:\n${log}`));
    });
  });
}

let browser;

before(async () => {
  browser = await chromium.launchPersistentContext(mkdtempSync(path.join(WORK, 'profile-')), {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  if (browser) await browser.close();
  rmSync(WORK, { recursive: true, force: true });
});

/**
 * A new tab that records console errors, uncaught exceptions, dialogs and any request that
 * leaves the tarikh server.
 */
async function openPage(base, query = '') {
  const page = await browser.newPage();
  const seen = { errors: [], dialogs: [], foreign: [] };
  page.on('console', m => { if (m.type() === 'error') seen.errors.push(m.text()); });
  page.on('pageerror', e => seen.errors.push(`uncaught: ${e.message}`));
  page.on('dialog', d => { seen.dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  page.on('request', r => {
    const url = r.url();
    if (!url.startsWith(`${base}/`) && !url.startsWith('data:')) seen.foreign.push(url);
  });
  await page.goto(`${base}/${query}`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 180000 });
  return { page, seen };
}

async function shownCount(page) {
  await page.waitForSelector('#count[data-count]:not([data-count=""])');
  return Number(await page.getAttribute('#count', 'data-count'));
}

/** Waits until the page shows `n` events. */
async function countBecomes(page, n) {
  await page.waitForFunction(want => document.querySelector('#count').dataset.count === String(want),
    n, { timeout: 120000 });
}

async function api(base, pathAndQuery) {
  const response = await fetch(`${base}${pathAndQuery}`);
  assert.equal(response.status, 200, `${pathAndQuery}: ${response.status}`);
  return response.json();
}

/** Every event of the feed for a query, following next_url. */
async function feed(base, query) {
  const events = [];
  let url = `/api/v1/events?${query}&order=asc&limit=500`;
  while (url) {
    const page = await api(base, url);
    events.push(...page.events);
    url = page.next_url;
  }
  return events;
}

/** How many events match a query, from the histogram (bars plus the less precise ones). */
async function histogramTotal(base, query) {
  const h = await api(base, `/api/v1/histogram?interval=year&${query}`);
  return h.buckets.reduce((n, b) => n + b.events, 0) + ((h.coarser && h.coarser.total) || 0);
}

async function listIds(page) {
  return page.$$eval('#events li', lis => lis.map(li => Number(li.dataset.eventId)));
}

async function shot(page, name) {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

// The large database is built while the seed tests run.
const bigDb = ARTICLES > 0
  ? (async () => {
    const jsonl = path.join(WORK, 'events.jsonl');
    const db = path.join(WORK, 'big.db');
    await run('python3', [path.join(HERE, 'make_events.py'), String(ARTICLES)], { stdout: createWriteStream(jsonl) });
    await run(BIN, ['ingest', '--db', db, jsonl]);
    return db;
  })()
  : null;
bigDb?.catch(() => {}); // reported by the test that awaits it

// ---------------------------------------------------------------------------------------------

describe('the seed articles', () => {
  let server;
  before(async () => {
    server = await startServer({ db: path.join(WORK, 'seeds.db'), seeds: path.join(ROOT, 'seeds'), token: TOKEN });
  });
  after(async () => server && server.stop());

  test('the page loads without console errors and asks nothing of any other host', async () => {
    const { page, seen } = await openPage(server.url);
    assert.equal(await page.getAttribute('html', 'dir'), 'ltr');
    assert.ok(await page.isVisible('#timeline .vis-timeline'), 'the timeline is drawn');
    assert.ok(await page.isVisible('#histogram canvas'), 'the histogram is drawn');
    assert.deepEqual(seen.errors, []);
    assert.deepEqual(seen.foreign, []);
    await page.close();
  });

  test('the Russia–China events appear in chronological order, as many as the API gives', async () => {
    const expected = await feed(server.url, 'country=RUS&country=CHN');
    assert.ok(expected.length >= 5, `the seeds give at least 5 RUS+CHN events, the API ${expected.length}`);
    const contactDates = expected.filter(e => CONTACT.includes(e.kind)).map(e => e.date.value);
    for (const value of ['2018-04', '2018-06-08', '2022-02', '2022-09', '2022-W37']) {
      assert.ok(contactDates.includes(value), `a contact event dated ${value} in ${contactDates}`);
    }
    const { page, seen } = await openPage(server.url);
    // Russia and China are chosen without being asked.
    assert.equal(await page.getAttribute('[data-country="RUS"]', 'aria-pressed'), 'true');
    assert.equal(await page.getAttribute('[data-country="CHN"]', 'aria-pressed'), 'true');
    assert.equal(await shownCount(page), expected.length);
    assert.deepEqual(await listIds(page), expected.map(e => e.event_id));
    const earliest = await page.$$eval('#events li', lis => lis.map(li => li.dataset.earliest));
    assert.deepEqual(earliest, [...earliest].sort(), 'the list is in date order');
    // On the chart: every event is there, days as points, months and years as spans over
    // their whole interval, and later events further right.
    let lastX = -Infinity;
    let lastDay = '';
    for (const event of expected) {
      const item = page.locator(`#timeline .vis-item.event-${event.event_id}:not(.vis-dot)`);
      await item.waitFor();
      const box = await item.boundingBox();
      const classes = await item.getAttribute('class');
      const point = event.date.earliest === event.date.latest;
      assert.match(classes, point ? /vis-point/ : /vis-range/, `${event.date.value} (${event.date.precision})`);
      if (event.date.earliest > lastDay) assert.ok(box.x > lastX, `${event.date.value} is right of the one before`);
      lastX = box.x;
      lastDay = event.date.earliest;
    }
    const feb = expected.find(e => e.date.value === '2022-02');
    const sep = expected.find(e => e.date.value === '2022-09' && e.date.precision === 'month');
    const febBox = await page.locator(`#timeline .event-${feb.event_id}:not(.vis-dot)`).boundingBox();
    const sepBox = await page.locator(`#timeline .event-${sep.event_id}:not(.vis-dot)`).boundingBox();
    assert.ok(febBox.width > 3, `February 2022 is drawn as a span (${febBox.width}px), not a day`);
    assert.ok(Math.abs(sepBox.width - febBox.width * 30 / 28) < 3, 'a month span is as wide as its month');
    await shot(page, 'main-en');
    assert.deepEqual(seen.errors, []);
    await page.close();
  });

  test('choosing the kind "visit" shows the visits alone, and the URL keeps it', async () => {
    const all = await feed(server.url, 'country=RUS&country=CHN');
    const visits = await feed(server.url, 'country=RUS&country=CHN&kind=visit');
    assert.ok(visits.length > 0 && visits.length < all.length);
    const { page, seen } = await openPage(server.url);
    await countBecomes(page, all.length);
    await page.click('#kinds [data-kind="visit"]');
    await countBecomes(page, visits.length);
    assert.deepEqual(await listIds(page), visits.map(e => e.event_id));
    assert.equal(await page.locator('#timeline .vis-item:not(.vis-dot)').count(), visits.length);
    const url = page.url();
    assert.match(url, /kind=visit/);
    assert.match(url, /country=RUS&country=CHN/);
    // The URL is the view: opened again, it shows the same.
    const again = await openPage(server.url, new URL(url).search);
    assert.equal(await shownCount(again.page), visits.length);
    assert.equal(await again.page.getAttribute('#kinds [data-kind="visit"]', 'aria-pressed'), 'true');
    await again.page.close();
    // And off again.
    await page.click('#kinds [data-kind="visit"]');
    await countBecomes(page, all.length);
    assert.deepEqual(seen.errors, []);
    await page.close();
  });

  test('chips show their counts, and the export links carry the filters shown', async () => {
    const { page, seen } = await openPage(server.url, '?kind=visit');
    const chn = Number((await page.textContent('[data-country="CHN"] .chip-count')).replace(/,/g, ''));
    assert.equal(chn, await histogramTotal(server.url, 'country=CHN'));
    const visits = await feed(server.url, 'country=RUS&country=CHN&kind=visit');
    await countBecomes(page, visits.length);
    for (const [id, format] of [['#export-csv', 'csv'], ['#export-timelinejs', 'timelinejs'], ['#export-vis', 'vis']]) {
      const href = await page.getAttribute(id, 'href');
      const q = new URL(href, server.url).searchParams;
      assert.deepEqual([q.getAll('country'), q.getAll('kind'), q.get('format')], [['RUS', 'CHN'], ['visit'], format], href);
      const response = await fetch(new URL(href, server.url));
      assert.equal(response.status, 200, href);
      assert.match(response.headers.get('content-disposition'), /^attachment; filename="tarikh-/);
      if (format === 'vis') assert.equal((await response.json()).length, visits.length);
    }
    const bom = await fetch(new URL(await page.getAttribute('#export-csv-bom', 'href'), server.url));
    const bytes = new Uint8Array(await bom.arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
    const rows = new TextDecoder().decode(bytes.slice(3)).trim().split('\n');
    assert.equal(rows[0].split(',')[0], 'event_id');
    await shot(page, 'exports');
    assert.deepEqual(seen.errors, []);
    await page.close();
  });

  test('full-text search and a date range narrow the events', async () => {
    const word = 'بكين';
    const found = await feed(server.url, `country=RUS&country=CHN&q=${encodeURIComponent(word)}`);
    const in2022 = await feed(server.url, 'country=RUS&country=CHN&from=2022&to=2022');
    const { page, seen } = await openPage(server.url);
    await page.fill('#q', word);
    await countBecomes(page, found.length);
    await page.fill('#q', '');
    await page.fill('#from', '2022');
    await page.fill('#to', '2022');
    await page.press('#to', 'Enter');
    await page.locator('#from').dispatchEvent('change');
    await countBecomes(page, in2022.length);
    assert.deepEqual(await listIds(page), in2022.map(e => e.event_id));
    assert.match(page.url(), /from=2022&to=2022/);
    assert.deepEqual(seen.errors, []);
    await page.close();
  });

  test('brushing a range of the histogram filters the timeline; a click clears it', async () => {
    const all = await feed(server.url, 'country=RUS&country=CHN');
    const { page, seen } = await openPage(server.url);
    await countBecomes(page, all.length);
    // Drag over the last third of the bars (2021 to 2022 in the seeds).
    const box = await page.locator('#histogram canvas').first().boundingBox();
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width * 0.66, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.8, y, { steps: 5 });
    await page.mouse.move(box.x + box.width - 5, y, { steps: 5 });
    await page.mouse.up();
    await page.waitForFunction(() => /from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/.test(location.search));
    const url = new URL(page.url());
    const from = url.searchParams.get('from');
    const to = url.searchParams.get('to');
    const inRange = await feed(server.url, `country=RUS&country=CHN&from=${from}&to=${to}`);
    assert.ok(inRange.length > 0 && inRange.length < all.length, `${from}..${to}: ${inRange.length}`);
    await countBecomes(page, inRange.length);
    assert.deepEqual(await listIds(page), inRange.map(e => e.event_id));
    assert.equal(await page.inputValue('#from'), from);
    // The timeline shows the brushed period.
    const { start, end } = await page.evaluate(() => {
      const w = timeline.getWindow();
      return { start: w.start.toISOString(), end: w.end.toISOString() };
    });
    assert.ok(start.slice(0, 10) <= from && start.slice(0, 10) >= `${Number(from.slice(0, 4)) - 1}`, `window starts ${start}`);
    assert.ok(end.slice(0, 10) >= to, `window ends ${end}`);
    // A click on the chart outside the brushed area clears it.
    await page.mouse.click(box.x + box.width * 0.2, y);
    await countBecomes(page, all.length);
    assert.doesNotMatch(page.url(), /from=/);
    assert.deepEqual(seen.errors, []);
    await page.close();
  });

  test('the lanes switch from kinds to the countries taking part', async () => {
    const all = await feed(server.url, 'country=RUS&country=CHN');
    const { page, seen } = await openPage(server.url);
    const lanes = () => page.$$eval('#timeline .vis-labelset .lane', ls => ls.map(l => l.textContent));
    assert.ok((await lanes()).some(l => l.startsWith('visit')));
    await page.click('[data-lanes="pair"]');
    await page.waitForFunction(() => [...document.querySelectorAll('#timeline .lane')].some(l => l.textContent.startsWith('China – Russia')));
    const counts = (await lanes()).map(l => Number(/\((\d+)\)$/.exec(l)[1]));
    assert.equal(counts.reduce((a, b) => a + b, 0), all.length, 'every event is in one lane');
    assert.match(page.url(), /lanes=pair/);
    assert.equal(await page.locator('#timeline .vis-item:not(.vis-dot)').count(), all.length);
    await shot(page, 'lanes-pair');
    assert.deepEqual(seen.errors, []);
    await page.close();
  });

  test('the timeline zooms with the wheel and pans with a drag', async () => {
    const { page, seen } = await openPage(server.url);
    const span = () => page.evaluate(() => {
      const w = timeline.getWindow();
      return { start: w.start.getTime(), width: w.end - w.start };
    });
    const before = await span();
    const box = await page.locator('#timeline .vis-center').boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + 20);
    await page.mouse.wheel(0, -400);
    await page.waitForFunction(w => { const x = timeline.getWindow(); return x.end - x.start < w * 0.9; }, before.width);
    const zoomed = await span();
    await page.mouse.move(box.x + box.width / 2, box.y + 20);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 200, box.y + 20, { steps: 10 });
    await page.mouse.up();
    const panned = await span();
    assert.ok(panned.start < zoomed.start, 'dragging right shows earlier years');
    assert.ok(Math.abs(panned.width - zoomed.width) < zoomed.width * 0.01, 'a drag keeps the zoom');
    assert.deepEqual(seen.errors, []);
    await page.close();
  });

  test('clicking an event on the timeline shows its Arabic quote with the date highlighted', async () => {
    const events = await feed(server.url, 'country=RUS&country=CHN');
    // The visit of 8 June 2018 is dated by "الجمعة الماضية" in an article of 12 June.
    const visit = events.find(e => e.date.value === '2018-06-08' && e.kind === 'visit');
    assert.ok(visit, 'the 2018-06-08 visit');
    const detail = await api(server.url, `/api/v1/events/${visit.event_id}`);
    const ev = detail.evidence.find(x => x.date_start !== null && x.date_start !== undefined);
    assert.ok(ev, 'a source with a dated sentence');
    const chars = Array.from(ev.sentence);
    const dateText = chars.slice(ev.date_start - ev.sentence_start, ev.date_end - ev.sentence_start).join('');
    const triggerText = chars.slice(ev.trigger_start - ev.sentence_start, ev.trigger_end - ev.sentence_start).join('');
    if (ev.date_text) assert.equal(dateText, ev.date_text, 'code point offsets give the date text');

    const { page, seen } = await openPage(server.url);
    await page.click(`#timeline .vis-item.event-${visit.event_id}:not(.vis-dot)`);
    const source = page.locator(`#detail article[data-event-id="${visit.event_id}"] [data-evidence-id="${ev.evidence_id}"]`);
    await source.locator('.quote mark.date').waitFor();
    const quote = source.locator('.quote');
    assert.equal(await quote.getAttribute('dir'), 'rtl');
    assert.equal(await quote.getAttribute('lang'), 'ar');
    assert.equal(await quote.textContent(), ev.sentence);
    assert.equal(await quote.locator('mark.date').textContent(), dateText);
    assert.equal(await quote.locator('mark.trigger').first().textContent(), triggerText);
    assert.match(await page.textContent('#detail .facts'), /8 June 2018/);
    assert.match(await page.textContent('#detail .facts'), /precision: day/);
    if (ev.url) assert.equal(await source.locator('.source-link a').getAttribute('href'), new URL(ev.url).href);
    assert.match(page.url(), new RegExp(`event=${visit.event_id}`));
    // The list row is marked too.
    assert.equal(await page.getAttribute(`#events li[data-event-id="${visit.event_id}"]`, 'class'), 'selected');
    assert.deepEqual(seen.errors, []);
    await page.close();
  });

  test('the Arabic view is right to left with Arabic labels, and works at phone width', async () => {
    const { page, seen } = await openPage(server.url);
    const n = await shownCount(page);
    await page.click('#lang');
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    assert.equal(await page.getAttribute('html', 'lang'), 'ar');
    assert.match(page.url(), /lang=ar/);
    await page.locator('#timeline .vis-timeline.vis-rtl').waitFor();
    await page.waitForSelector('#timeline .vis-item');
    assert.equal(await shownCount(page), n);
    assert.match(await page.textContent('#count'), /حدث|أحداث/);
    assert.match(await page.textContent('#events'), /حزيران 2018/);
    assert.equal(await page.textContent('[data-country="CHN"] .chip-name'), 'الصين');
    assert.match(await page.textContent('#exports'), /تصدير هذه الأحداث/);
    await shot(page, 'main-ar');
    // A selected event in Arabic, then the phone width in both languages.
    await page.click('#events li:nth-child(1) button');
    await page.locator('#detail .quote').first().waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(300);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `nothing wider than the phone (${overflow}px too wide)`);
    await shot(page, 'phone-ar');
    await page.click('#lang');
    assert.equal(await page.getAttribute('html', 'dir'), 'ltr');
    await page.waitForSelector('#timeline .vis-item');
    await shot(page, 'phone-en');
    assert.deepEqual(seen.errors, []);
    await page.close();
  });

  test('a document with markup in it is shown as text', async () => {
    const hostile = 'التقى الرئيس الروسي فلاديمير بوتين نظيره الصيني شي جين بينغ في بكين يوم 3 آذار 2023 '
      + '<img src=x onerror=alert(1)><script>alert(2)</script>';
    const title = 'قمة <b>بكين</b> <img src=x onerror=alert(3)><script>alert(4)</script>';
    const unauthorised = await fetch(`${server.url}/api/v1/documents`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}',
    });
    assert.equal(unauthorised.status, 401);
    const response = await fetch(`${server.url}/api/v1/documents`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({
        text: hostile, published_at: '2023-03-05', title, source: 'e2e <i>source</i>',
        url: 'javascript:alert(5)',
      }),
    });
    assert.equal(response.status, 201, await response.text());
    const [event] = await feed(server.url, 'country=RUS&country=CHN&from=2023-03-03&to=2023-03-03');
    assert.ok(event, 'the meeting of 3 March 2023 is on the timeline');
    const detail = await api(server.url, `/api/v1/events/${event.event_id}`);
    const ev = detail.evidence.find(x => x.title === title);
    assert.ok(ev, 'the hostile document is a source of it');

    const { page, seen } = await openPage(server.url);
    await page.click(`#events li[data-event-id="${event.event_id}"] button`);
    const source = page.locator(`#detail [data-evidence-id="${ev.evidence_id}"]`);
    await source.locator('.quote').waitFor();
    assert.equal(await source.locator('.source-title').textContent(), title);
    assert.equal(await source.locator('.quote').textContent(), ev.sentence);
    assert.ok(ev.sentence.includes('<'), `the stored sentence keeps the markup: ${ev.sentence}`);
    assert.match(await source.textContent(), /<script>alert\(4\)<\/script>/);
    // A javascript: link from the data is not made clickable.
    assert.equal(await source.locator('.source-link a').getAttribute('href'), '#');
    await source.locator('.source-link a').click();
    assert.equal(await page.locator('#detail img, #detail script, #detail b, #detail i').count(), 0);
    assert.equal(await page.locator('body img').count(), 0);
    await page.waitForTimeout(300);
    assert.deepEqual(seen.dialogs, [], 'no script from the data ran');
    assert.deepEqual(seen.errors, []);
    await shot(page, 'hostile');
    await page.close();
  });

  test('?event=N opens that event, also one the first filters leave out (the feeds link there)', async () => {
    const feedItems = (await api(server.url, '/feed.json')).items;
    assert.match(feedItems[0].url, /^\/\?event=\d+$/);
    const all = await feed(server.url, 'kind=statement');
    const outside = all.find(e => !e.participants.some(p => p.country === 'CHN'))
      || (await feed(server.url, '')).find(e => !e.participants.some(p => p.country === 'CHN'));
    assert.ok(outside, 'an event without China');
    const { page, seen } = await openPage(server.url, `?event=${outside.event_id}`);
    await page.waitForSelector(`#detail article[data-event-id="${outside.event_id}"]`);
    assert.match(page.url(), new RegExp(`event=${outside.event_id}`));
    const ar = (await api(server.url, '/feed.json?lang=ar')).items[0];
    assert.match(ar.url, /^\/\?event=\d+&lang=ar$/);
    await page.goto(`${server.url}${ar.url}`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.waitForSelector(`#detail article[data-event-id="${ar.url.match(/\d+/)[0]}"]`);
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    assert.equal(await page.getAttribute('#export-json-feed', 'href'), '/feed.json?lang=ar');
    assert.deepEqual(seen.errors, []);
    await page.close();
  });

  test('events mentioned without a date are listed apart, in both languages', async () => {
    const text = 'وصل وزير الخارجية الروسي سيرغي لافروف إلى بكين في زيارة رسمية.';
    const response = await fetch(`${server.url}/api/v1/documents`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ text, published_at: '2023-04-01', title: 'لافروف في بكين', source: 'e2e' }),
    });
    assert.equal(response.status, 201, await response.text());
    const undated = await api(server.url, '/api/v1/events/undated?country=RUS&country=CHN');
    const ours = undated.events.find(e => e.evidence[0].quote === text);
    assert.ok(ours, 'the API lists it');
    const { page, seen } = await openPage(server.url);
    const row = page.locator(`#undated-list li[data-event-id="${ours.event_id}"]`);
    await row.waitFor();
    assert.match(await page.textContent('#undated-title'), /^Mentioned without a date \(\d+\)$/);
    assert.equal(await row.locator('.quote').textContent(), text);
    assert.equal(await page.locator(`#events li[data-event-id="${ours.event_id}"]`).count(), 0, 'not among the dated');
    await page.locator('#undated').scrollIntoViewIfNeeded();
    await shot(page, 'undated-en');
    await page.click('#lang');
    assert.match(await page.textContent('#undated-title'), /^ورد ذكرها دون تاريخ \(\d+\)$/);
    assert.match(await page.textContent('#undated .hint'), /دون أن تقول متى/);
    await shot(page, 'undated-ar');
    assert.deepEqual(seen.errors, []);
    await page.close();
  });

  test('a search without a match says so and what was searched, in both languages', async () => {
    const word = 'لاوجودلهذهالكلمة';
    const { page, seen } = await openPage(server.url, `?q=${encodeURIComponent(word)}`);
    await countBecomes(page, 0);
    await page.waitForSelector('#empty:not([hidden]) [data-empty="no-match"]');
    assert.equal(await page.textContent('#empty .empty-title'), 'No event matches');
    assert.equal(await page.textContent('#empty .searched'), word);
    assert.match(await page.textContent('#empty .searched-filters'), /Russia, China/);
    await shot(page, 'no-match-en');
    await page.click('#lang');
    assert.equal(await page.textContent('#empty .empty-title'), 'لا حدث يطابق البحث');
    assert.match(await page.textContent('#empty .searched-filters'), /روسيا، الصين/);
    await shot(page, 'no-match-ar');
    // A new search that matches clears it.
    await page.fill('#q', '');
    await page.press('#q', 'Enter');
    await page.waitForSelector('#empty', { state: 'hidden' });
    assert.deepEqual(seen.errors, []);
    await page.close();
  });
});

describe('an empty database', () => {
  let server;
  before(async () => {
    const emptySeeds = mkdtempSync(path.join(WORK, 'empty-seeds-'));
    server = await startServer({ db: path.join(WORK, 'empty.db'), seeds: emptySeeds });
  });
  after(async () => server && server.stop());

  test('the page says how to add articles, in both languages', async () => {
    const { page, seen } = await openPage(server.url);
    await page.waitForSelector('#empty:not([hidden]) [data-empty="database"]');
    assert.match(await page.textContent('#empty'), /The database is empty/);
    assert.match(await page.textContent('#empty pre'), /tarikh ingest /);
    assert.match(await page.textContent('#empty'), /\/api\/v1\/documents/);
    await shot(page, 'empty-en');
    await page.click('#lang');
    assert.match(await page.textContent('#empty'), /قاعدة البيانات فارغة/);
    assert.match(await page.textContent('#empty pre'), /tarikh ingest /);
    await shot(page, 'empty-ar');
    assert.deepEqual(seen.errors, []);
    await page.close();
  });
});

describe(`a database of ${ARTICLES} synthetic articles`, { skip: ARTICLES === 0 }, () => {
  let server;
  before(async () => {
    const db = await bigDb;
    const emptySeeds = mkdtempSync(path.join(WORK, 'no-seeds-'));
    server = await startServer({ db, seeds: emptySeeds });
  }, { timeout: 1800000 });
  after(async () => server && server.stop());

  test('the page loads every event, lists a hundred at a time, and filters', { timeout: 600000 }, async () => {
    const total = await histogramTotal(server.url, '');
    assert.ok(total >= 10000, `at least 10,000 events in the store (${total})`);
    const { page, seen } = await openPage(server.url, '?country=');
    assert.equal(await shownCount(page), total);
    assert.equal((await listIds(page)).length, 100, 'the list is cut at a hundred rows');
    assert.ok(await page.isVisible('#more'));
    await page.click('#more');
    await page.waitForFunction(() => document.querySelectorAll('#events li').length === 200);
    const items = await page.locator('#timeline .vis-item').count();
    assert.ok(items > 0 && items < 3000, `the timeline draws clusters, not every item (${items})`);
    await shot(page, 'big');
    const visits = await histogramTotal(server.url, 'kind=visit');
    await page.click('#kinds [data-kind="visit"]');
    await countBecomes(page, visits);
    // Still answering: an event's detail opens.
    await page.click('#events li:nth-child(3) button');
    await page.locator('#detail .quote mark.date').first().waitFor();
    assert.deepEqual(seen.errors, []);
    await page.close();
  });

  test('the default view (Russia and China) loads on the large database too', { timeout: 600000 }, async () => {
    const expected = await histogramTotal(server.url, 'country=RUS&country=CHN');
    const { page, seen } = await openPage(server.url);
    assert.equal(await shownCount(page), expected);
    assert.deepEqual(seen.errors, []);
    await page.close();
  });
});
