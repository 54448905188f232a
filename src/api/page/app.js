// The timeline page: a plain client of the public /api/v1 endpoints.
//
// Data from the API (article text, titles, names) only ever reaches the page as text nodes:
// every element is built with el() below, never with innerHTML, and vis-timeline is given
// elements through its templates (it would otherwise read item content as HTML).
'use strict';

const KINDS = ['meeting', 'visit', 'summit', 'call', 'agreement', 'military', 'statement', 'other'];
const PAGE_SIZE = 500; // the feed's largest page
const LIST_STEP = 100; // rows added to the event list at a time
const MAX_EVENTS = 50000; // stop paging here and say so
const CLUSTER_ABOVE = 1000;
const MAX_MONTH_BARS = 480; // more months than this: the histogram shows years // more items than this: let vis-timeline cluster them

// Every label in both languages. Months are the Levantine names, as the seeds write them.
const LABELS = {
  en: {
    title: 'tarikh', tagline: 'Dated events from Arabic news', lang_button: 'العربية',
    filters: 'Filters', countries: 'Countries', kinds: 'Kinds', from: 'From', to: 'To',
    search: 'Search', reset: 'Reset', lanes: 'Lanes:', by_kind: 'kind', by_pair: 'countries',
    fit: 'Show all', per: 'Events per', month: 'month', year: 'year',
    brush_hint: 'Drag across the bars to pick a period; click the bars to show all again.',
    coarser: n => `${n} less precise event${n === 1 ? '' : 's'} not in the bars`,
    events: 'Events', more: n => `Show ${n} more`,
    count: n => `${n.toLocaleString('en')} event${n === 1 ? '' : 's'}`,
    loading: n => `Loading… ${n.toLocaleString('en')}`,
    truncated: n => `showing the first ${n.toLocaleString('en')}`,
    pick: 'Pick an event on the timeline or in the list to see its sources.',
    chip_count: n => `${n} event${n === 1 ? '' : 's'} in all`,
    export: 'Export these events:', export_csv: 'CSV', export_csv_bom: 'CSV for Excel',
    export_timelinejs: 'TimelineJS', export_vis: 'vis-timeline',
    export_json_feed: 'JSON Feed (newest 50)', export_atom: 'Atom (newest 50)',
    footer: 'Data: ', api: 'the public API', bad_date: 'Dates look like 2022, 2022-09 or 2022-09-15.',
    load_error: 'Could not load the events: ',
    undated: n => `Mentioned without a date (${n.toLocaleString('en')})`,
    undated_hint: 'Events the sources report without saying when: they have no place on the timeline.',
    undated_shown: (n, total) => `The first ${n} of ${total.toLocaleString('en')}.`,
    no_match: 'No event matches', searched_for: 'Searched for', searched_in: 'with',
    no_match_hint: 'Try fewer words, another spelling, or Reset.',
    empty_db: 'The database is empty: there are no articles yet.',
    empty_db_hint: 'Add articles (files, directories, feeds or web pages), then reload this page:',
    empty_db_post: 'or POST an article to /api/v1/documents (with the write token).',
    sep: '; ', date: 'Date', precision: 'precision', status: 'Status',
    participants: 'Participants', place: 'Place', sources: 'Sources', none: '—',
    conflict: 'Sources disagree', claimed: 'this source dates it', published: 'published',
    open_article: 'Open the article', open_document: 'The stored document',
    trigger: 'trigger', date_expr: 'date expression', article_count: n => `${n} article${n === 1 ? '' : 's'}`,
    week: (w, y) => `week ${w} of ${y}`, quarter: (q, y) => `Q${q} ${y}`, decade: d => `the ${d}0s`,
    century: c => `the ${c}00s`, no_country: 'no country',
    months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
      'September', 'October', 'November', 'December'],
    months_short: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
    seasons: { SP: 'spring', SU: 'summer', FA: 'autumn', AU: 'autumn', WI: 'winter' },
    kind: {
      meeting: 'meeting', visit: 'visit', summit: 'summit', call: 'call', agreement: 'agreement',
      military: 'military', statement: 'statement', other: 'other',
    },
    status_name: { held: 'held', announced: 'announced', cancelled: 'cancelled' },
    precision_name: {
      day: 'day', week: 'week', month: 'month', season: 'season', quarter: 'quarter',
      year: 'year', decade: 'decade', century: 'century',
    },
  },
  ar: {
    title: 'تاريخ', tagline: 'أحداث مؤرخة من الأخبار العربية', lang_button: 'English',
    filters: 'التصفية', countries: 'الدول', kinds: 'الأنواع', from: 'من', to: 'إلى',
    search: 'بحث', reset: 'إعادة', lanes: 'المسارات:', by_kind: 'النوع', by_pair: 'الدول',
    fit: 'عرض الكل', per: 'الأحداث في كل', month: 'شهر', year: 'سنة',
    brush_hint: 'اسحب فوق الأعمدة لاختيار فترة، وانقر عليها لعرض الكل من جديد.',
    coarser: n => `${n} من الأحداث الأقل دقة خارج الأعمدة`,
    events: 'الأحداث', more: n => `عرض ${n} أخرى`,
    count: n => `${n.toLocaleString('en')} ${n === 1 ? 'حدث' : (n === 2 ? 'حدثان' : 'أحداث')}`,
    loading: n => `جارٍ التحميل… ${n.toLocaleString('en')}`,
    truncated: n => `يُعرض أول ${n.toLocaleString('en')}`,
    pick: 'اختر حدثًا على الخط الزمني أو في القائمة لترى مصادره.',
    chip_count: n => `${n} من الأحداث في المجموع`,
    export: 'تصدير هذه الأحداث:', export_csv: 'CSV', export_csv_bom: 'CSV لبرنامج Excel',
    export_timelinejs: 'TimelineJS', export_vis: 'vis-timeline',
    export_json_feed: 'JSON Feed (أحدث 50)', export_atom: 'Atom (أحدث 50)',
    footer: 'البيانات: ', api: 'الواجهة البرمجية العامة', bad_date: 'تُكتب التواريخ هكذا: 2022 أو 2022-09 أو 2022-09-15.',
    load_error: 'تعذّر تحميل الأحداث: ',
    undated: n => `ورد ذكرها دون تاريخ (${n.toLocaleString('en')})`,
    undated_hint: 'أحداث تذكرها المصادر دون أن تقول متى وقعت، فلا مكان لها على الخط الزمني.',
    undated_shown: (n, total) => `أول ${n} من ${total.toLocaleString('en')}.`,
    no_match: 'لا حدث يطابق البحث', searched_for: 'بحثت عن', searched_in: 'مع',
    no_match_hint: 'جرّب كلمات أقل أو كتابة أخرى، أو انقر «إعادة».',
    empty_db: 'قاعدة البيانات فارغة: لا مقالات فيها بعد.',
    empty_db_hint: 'أضف مقالات (ملفات أو مجلدات أو خلاصات أو صفحات ويب) ثم أعد تحميل الصفحة:',
    empty_db_post: 'أو أرسل مقالًا بطلب POST إلى ‎/api/v1/documents (مع رمز الكتابة).',
    sep: '؛ ', date: 'التاريخ', precision: 'الدقة', status: 'الحالة',
    participants: 'المشاركون', place: 'المكان', sources: 'المصادر', none: '—',
    conflict: 'المصادر مختلفة', claimed: 'تاريخ هذا المصدر', published: 'نُشر',
    open_article: 'فتح المقال', open_document: 'الوثيقة المخزنة',
    trigger: 'الكلمة الدالة', date_expr: 'عبارة التاريخ', article_count: n => `${n} ${n === 1 ? 'مقال' : 'مقالات'}`,
    week: (w, y) => `الأسبوع ${w} من ${y}`, quarter: (q, y) => `الربع ${q} من ${y}`,
    decade: d => `عقد ${d}0`, century: c => `القرن ${Number(c) + 1}`, no_country: 'بلا دولة',
    months: ['كانون الثاني', 'شباط', 'آذار', 'نيسان', 'أيار', 'حزيران', 'تموز', 'آب', 'أيلول',
      'تشرين الأول', 'تشرين الثاني', 'كانون الأول'],
    months_short: ['كانون الثاني', 'شباط', 'آذار', 'نيسان', 'أيار', 'حزيران', 'تموز', 'آب', 'أيلول',
      'تشرين الأول', 'تشرين الثاني', 'كانون الأول'],
    seasons: { SP: 'ربيع', SU: 'صيف', FA: 'خريف', AU: 'خريف', WI: 'شتاء' },
    kind: {
      meeting: 'لقاء', visit: 'زيارة', summit: 'قمة', call: 'اتصال', agreement: 'اتفاق',
      military: 'عسكري', statement: 'تصريح', other: 'آخر',
    },
    status_name: { held: 'جرى', announced: 'أُعلن عنه', cancelled: 'أُلغي' },
    precision_name: {
      day: 'يوم', week: 'أسبوع', month: 'شهر', season: 'فصل', quarter: 'ربع سنة',
      year: 'سنة', decade: 'عقد', century: 'قرن',
    },
  },
};

// Country names by ISO 3166 alpha-3 code; a code not listed is shown as the code.
const COUNTRIES = {
  RUS: ['Russia', 'روسيا'], CHN: ['China', 'الصين'], USA: ['United States', 'الولايات المتحدة'],
  UKR: ['Ukraine', 'أوكرانيا'], IRN: ['Iran', 'إيران'], TUR: ['Turkey', 'تركيا'],
  SYR: ['Syria', 'سوريا'], IRQ: ['Iraq', 'العراق'], SAU: ['Saudi Arabia', 'السعودية'],
  EGY: ['Egypt', 'مصر'], ARE: ['UAE', 'الإمارات'], QAT: ['Qatar', 'قطر'], KWT: ['Kuwait', 'الكويت'],
  BHR: ['Bahrain', 'البحرين'], OMN: ['Oman', 'عُمان'], YEM: ['Yemen', 'اليمن'], JOR: ['Jordan', 'الأردن'],
  LBN: ['Lebanon', 'لبنان'], ISR: ['Israel', 'إسرائيل'], PSE: ['Palestine', 'فلسطين'],
  LBY: ['Libya', 'ليبيا'], TUN: ['Tunisia', 'تونس'], DZA: ['Algeria', 'الجزائر'], MAR: ['Morocco', 'المغرب'],
  SDN: ['Sudan', 'السودان'], IND: ['India', 'الهند'], PAK: ['Pakistan', 'باكستان'],
  AFG: ['Afghanistan', 'أفغانستان'], PRK: ['North Korea', 'كوريا الشمالية'], KOR: ['South Korea', 'كوريا الجنوبية'],
  JPN: ['Japan', 'اليابان'], KAZ: ['Kazakhstan', 'كازاخستان'], UZB: ['Uzbekistan', 'أوزبكستان'],
  KGZ: ['Kyrgyzstan', 'قرغيزستان'], TJK: ['Tajikistan', 'طاجيكستان'], MNG: ['Mongolia', 'منغوليا'],
  BLR: ['Belarus', 'بيلاروسيا'], GBR: ['United Kingdom', 'بريطانيا'], FRA: ['France', 'فرنسا'],
  DEU: ['Germany', 'ألمانيا'], ITA: ['Italy', 'إيطاليا'], ESP: ['Spain', 'إسبانيا'],
  BRA: ['Brazil', 'البرازيل'], ZAF: ['South Africa', 'جنوب أفريقيا'], VEN: ['Venezuela', 'فنزويلا'],
  CUB: ['Cuba', 'كوبا'], SRB: ['Serbia', 'صربيا'], VNM: ['Vietnam', 'فيتنام'],
  IDN: ['Indonesia', 'إندونيسيا'], GEO: ['Georgia', 'جورجيا'], ARM: ['Armenia', 'أرمينيا'],
  AZE: ['Azerbaijan', 'أذربيجان'], TWN: ['Taiwan', 'تايوان'],
};

// ---------------------------------------------------------------------------------------------
// Small helpers

/** Builds an element; children are nodes or strings (which become text nodes, never markup). */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

const $ = sel => document.querySelector(sel);
const L = key => LABELS[state.lang][key];
const countryName = code => (COUNTRIES[code] ? COUNTRIES[code][state.lang === 'ar' ? 1 : 0] : code);
const DATE_RE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** `2022-02-28` → a Date at UTC midnight. */
function utc(day) {
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(Date.UTC(2000, (m || 1) - 1, d || 1));
  date.setUTCFullYear(y);
  return date;
}

function addDays(date, n) {
  return new Date(date.getTime() + n * 86400000);
}

function dayLabel(day) {
  const [y, m, d] = day.split('-').map(Number);
  return `${d} ${L('months')[m - 1]} ${y}`;
}

/** How a date reads: "8 June 2018", "February 2022", "week 37 of 2022", "2018". */
function dateLabel(date) {
  const v = date.value || '';
  let m;
  switch (date.precision) {
    case 'day':
      return dayLabel(date.earliest);
    case 'month':
      if ((m = /^(\d{4})-(\d{2})$/.exec(v))) return `${L('months')[Number(m[2]) - 1]} ${m[1]}`;
      break;
    case 'week':
      if ((m = /^(\d{4})-W(\d{2})$/.exec(v))) return L('week')(Number(m[2]), m[1]);
      break;
    case 'quarter':
      if ((m = /^(\d{4})-Q(\d)$/.exec(v))) return L('quarter')(m[2], m[1]);
      break;
    case 'season':
      if ((m = /^(\d{4})-(SP|SU|FA|AU|WI)$/.exec(v))) return `${L('seasons')[m[2]]} ${m[1]}`;
      break;
    case 'year':
      if (/^\d{4}$/.test(v)) return v;
      break;
    case 'decade':
      if (/^\d{3}$/.test(v)) return L('decade')(v);
      break;
    case 'century':
      if (/^\d{2}$/.test(v)) return L('century')(v);
      break;
  }
  if (date.earliest === date.latest) return dayLabel(date.earliest);
  return `${dayLabel(date.earliest)} – ${dayLabel(date.latest)}`;
}

function precisionLabel(precision) {
  return L('precision_name')[precision] || precision;
}

function pairKey(event) {
  const codes = [...new Set(event.participants.map(p => p.country).filter(Boolean))].sort();
  return codes.length ? codes.join('+') : '';
}

function pairLabel(key) {
  return key ? key.split('+').map(countryName).join(' – ') : L('no_country');
}

/** A short label for an item on the chart: who took part. */
function shortLabel(event) {
  const names = event.participants.map(p => p.name).filter(Boolean);
  const text = names.length ? names.join(' · ') : L('kind')[event.kind] || event.kind;
  return text.length > 48 ? `${text.slice(0, 47)}…` : text;
}

// ---------------------------------------------------------------------------------------------
// State, kept in the URL so a view can be shared

const state = {
  lang: 'en', lanes: 'kind', interval: 'month',
  countries: null, // null: not chosen yet (Russia + China when the data has them)
  kinds: [], from: '', to: '', q: '', event: null,
};

function readUrl() {
  const p = new URLSearchParams(location.search);
  state.lang = p.get('lang') === 'ar' || (!p.has('lang') && /^ar\b/.test(navigator.language || ''))
    ? 'ar' : 'en';
  state.lanes = p.get('lanes') === 'pair' ? 'pair' : 'kind';
  // No interval in the URL: months, or years when months would make too many bars.
  state.interval = ['month', 'year'].includes(p.get('interval')) ? p.get('interval') : null;
  // `country=` with an empty value is an explicit "no country filter".
  state.countries = p.has('country') ? p.getAll('country').filter(Boolean) : null;
  state.kinds = p.getAll('kind').filter(k => KINDS.includes(k));
  state.from = DATE_RE.test(p.get('from') || '') ? p.get('from') : '';
  state.to = DATE_RE.test(p.get('to') || '') ? p.get('to') : '';
  state.q = p.get('q') || '';
  state.event = /^\d+$/.test(p.get('event') || '') ? Number(p.get('event')) : null;
}

function writeUrl() {
  const p = new URLSearchParams();
  if (state.lang === 'ar') p.set('lang', 'ar');
  if (state.lanes !== 'kind') p.set('lanes', state.lanes);
  if (state.interval) p.set('interval', state.interval);
  if (state.countries !== null) {
    if (state.countries.length) state.countries.forEach(c => p.append('country', c));
    else p.set('country', '');
  }
  state.kinds.forEach(k => p.append('kind', k));
  for (const key of ['from', 'to', 'q']) if (state[key]) p.set(key, state[key]);
  if (state.event !== null) p.set('event', state.event);
  const query = p.toString();
  history.replaceState(null, '', query ? `?${query}` : location.pathname);
}

/** The feed filters as query parameters; `withDates` false leaves the period out. */
function filterParams(withDates = true) {
  const p = new URLSearchParams();
  (state.countries || []).forEach(c => p.append('country', c));
  state.kinds.forEach(k => p.append('kind', k));
  if (withDates && state.from) p.set('from', state.from);
  if (withDates && state.to) p.set('to', state.to);
  if (state.q) p.set('q', state.q);
  return p;
}

/** The export links carry the filters shown (the feeds are the newest events, unfiltered). */
function renderExports() {
  const link = (id, extra) => {
    const p = filterParams();
    for (const [k, v] of Object.entries(extra)) p.set(k, v);
    $(id).href = `/api/v1/events?${p}`;
  };
  link('#export-csv', { format: 'csv' });
  link('#export-csv-bom', { format: 'csv', bom: '1' });
  link('#export-timelinejs', { format: 'timelinejs' });
  link('#export-vis', { format: 'vis' });
  // The feeds in the page's language: their titles, dates and links to this page.
  const lang = state.lang === 'ar' ? '?lang=ar' : '';
  $('#export-json-feed').href = `/feed.json${lang}`;
  $('#export-atom').href = `/feed.atom${lang}`;
}

async function getJson(url, signal) {
  const response = await fetch(url, { signal, headers: { Accept: 'application/json' } });
  if (!response.ok) {
    let detail = `${response.status}`;
    try {
      const problem = await response.json();
      detail = problem.detail || problem.title || detail;
    } catch { /* not a problem document */ }
    throw new Error(detail);
  }
  return response.json();
}

// ---------------------------------------------------------------------------------------------
// Labels and the language toggle

function applyLanguage() {
  const root = document.documentElement;
  root.lang = state.lang;
  root.dir = state.lang === 'ar' ? 'rtl' : 'ltr';
  for (const node of document.querySelectorAll('[data-label]')) {
    const label = L(node.dataset.label);
    if (typeof label === 'string') node.textContent = label;
  }
  $('#lang').textContent = L('lang_button');
  $('#lang').setAttribute('aria-pressed', String(state.lang === 'ar'));
  $('#lang').lang = state.lang === 'ar' ? 'en' : 'ar';
  $('#from').placeholder = '2018-06';
  $('#to').placeholder = '2022';
  document.title = state.lang === 'ar' ? 'تاريخ · tarikh' : 'tarikh · تاريخ';
}

// ---------------------------------------------------------------------------------------------
// Filters

let knownCountries = []; // [code, count] in the whole store, most frequent first

function renderChips() {
  const countries = $('#countries');
  countries.replaceChildren(...knownCountries.map(([code, n]) => {
    const on = (state.countries || []).includes(code);
    return el('button', {
      type: 'button', class: 'chip', 'aria-pressed': String(on), dataset: { country: code },
      title: `${code} · ${n}`,
      onclick: () => {
        const set = new Set(state.countries || []);
        if (set.has(code)) set.delete(code); else set.add(code);
        state.countries = knownCountries.map(([c]) => c).filter(c => set.has(c));
        filtersChanged();
      },
    }, el('span', { class: 'chip-name' }, countryName(code)), ' ',
    el('span', { class: 'chip-count', 'aria-label': L('chip_count')(n) }, n.toLocaleString('en')));
  }));
  const kinds = $('#kinds');
  kinds.replaceChildren(...KINDS.map(kind => el('button', {
    type: 'button', class: `chip kind-${kind}`, 'aria-pressed': String(state.kinds.includes(kind)),
    dataset: { kind },
    onclick: () => {
      state.kinds = state.kinds.includes(kind)
        ? state.kinds.filter(k => k !== kind)
        : KINDS.filter(k => k === kind || state.kinds.includes(k));
      filtersChanged();
    },
  }, el('span', { class: 'swatch', 'aria-hidden': 'true' }), L('kind')[kind])));
  for (const button of document.querySelectorAll('[data-lanes]')) {
    button.setAttribute('aria-pressed', String(button.dataset.lanes === state.lanes));
  }
  for (const button of document.querySelectorAll('[data-interval]')) {
    const shown = state.interval || (histogramData && histogramData.interval) || 'month';
    button.setAttribute('aria-pressed', String(button.dataset.interval === shown));
  }
  $('#from').value = state.from;
  $('#to').value = state.to;
}

async function loadCountries() {
  const data = await getJson('/api/v1/histogram?interval=year&group_by=country');
  const totals = new Map();
  for (const dim of data.dimensions.filter(d => d !== 'bucket')) totals.set(dim, 0);
  for (const bucket of data.buckets) {
    for (const dim of totals.keys()) totals.set(dim, totals.get(dim) + (bucket[dim] || 0));
  }
  for (const [dim, n] of Object.entries(data.coarser || {})) {
    if (totals.has(dim)) totals.set(dim, totals.get(dim) + n);
  }
  knownCountries = [...totals].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (state.countries === null) {
    const codes = knownCountries.map(([c]) => c);
    state.countries = codes.includes('RUS') && codes.includes('CHN') ? ['RUS', 'CHN'] : [];
  }
}

let searchTimer = 0;

function wireFilters() {
  $('#lang').addEventListener('click', () => {
    state.lang = state.lang === 'ar' ? 'en' : 'ar';
    writeUrl();
    applyLanguage();
    renderChips();
    renderExports();
    buildTimeline();
    renderTimelineItems();
    renderHistogram();
    renderList();
    renderUndated();
    renderCount();
    if (state.event !== null) showDetail(state.event, false);
    else renderPlaceholder();
  });
  const dateInput = key => () => {
    const value = $(`#${key}`).value.trim();
    const error = $('#filter-error');
    if (value && !DATE_RE.test(value)) {
      error.textContent = L('bad_date');
      error.hidden = false;
      return;
    }
    error.hidden = true;
    state[key] = value;
    filtersChanged({ histogram: false });
  };
  $('#from').addEventListener('change', dateInput('from'));
  $('#to').addEventListener('change', dateInput('to'));
  $('#q').value = state.q;
  $('#q').addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(filtersChanged, 300);
  });
  $('#reset').addEventListener('click', () => {
    state.countries = null;
    state.kinds = [];
    state.from = state.to = state.q = '';
    $('#q').value = '';
    loadCountries().then(() => filtersChanged()).catch(showLoadError);
  });
  for (const button of document.querySelectorAll('[data-lanes]')) {
    button.addEventListener('click', () => {
      state.lanes = button.dataset.lanes;
      writeUrl();
      renderChips();
      renderTimelineItems();
    });
  }
  for (const button of document.querySelectorAll('[data-interval]')) {
    button.addEventListener('click', () => {
      state.interval = button.dataset.interval;
      writeUrl();
      renderChips();
      loadHistogram().catch(showLoadError);
    });
  }
  $('#fit').addEventListener('click', () => timeline && fitTimeline());
  $('#more').addEventListener('click', () => {
    listShown += LIST_STEP;
    renderList();
  });
}

function filtersChanged({ histogram = true, brush = true } = {}) {
  // The search box is the search term, also when its own wait has not run out yet.
  clearTimeout(searchTimer);
  state.q = $('#q').value.trim();
  writeUrl();
  renderChips();
  renderExports();
  loadEvents().catch(showLoadError);
  loadUndated().catch(showLoadError);
  if (histogram) loadHistogram().catch(showLoadError);
  else if (brush) markBrush();
}

function showLoadError(error) {
  if (error.name === 'AbortError') return;
  const node = $('#filter-error');
  node.textContent = L('load_error') + error.message;
  node.hidden = false;
}

// ---------------------------------------------------------------------------------------------
// Events: every page of the feed, in chronological order

let events = []; // as the feed gives them, earliest first
let complete = true; // false while pages are still coming or when MAX_EVENTS cut the feed
let truncated = false;
let loadController = null;
// The event the page was opened on (`?event=N`, as the feeds link): shown even when the
// first filters leave it out; after that, a filter that leaves the selection out clears it.
let eventFromUrl = null;

async function loadEvents() {
  if (loadController) loadController.abort();
  const controller = new AbortController();
  loadController = controller;
  const params = filterParams();
  params.set('order', 'asc');
  params.set('limit', String(PAGE_SIZE));
  let url = `/api/v1/events?${params}`;
  const loaded = [];
  events = [];
  complete = false;
  truncated = false;
  renderCount(0);
  while (url) {
    const page = await getJson(url, controller.signal);
    if (controller.signal.aborted) return;
    loaded.push(...page.events);
    url = page.next_url;
    if (loaded.length >= MAX_EVENTS && url) {
      truncated = true;
      break;
    }
    if (url) renderCount(loaded.length);
  }
  events = loaded;
  complete = true;
  $('#filter-error').hidden = true;
  listShown = LIST_STEP;
  renderTimelineItems();
  renderList();
  renderCount();
  const opened = eventFromUrl;
  eventFromUrl = null;
  if (state.event !== null && state.event !== opened && !events.some(e => e.event_id === state.event)) {
    state.event = null;
    writeUrl();
    renderPlaceholder();
  } else if (state.event !== null) {
    showDetail(state.event, false);
  }
}

function renderCount(loading) {
  const node = $('#count');
  if (!complete) {
    node.textContent = L('loading')(loading || 0);
    node.dataset.count = '';
    node.setAttribute('aria-busy', 'true');
    return;
  }
  node.removeAttribute('aria-busy');
  node.dataset.count = String(events.length);
  node.textContent = L('count')(events.length) + (truncated ? ` (${L('truncated')(events.length)})` : '');
}

// ---------------------------------------------------------------------------------------------
// The timeline (vis-timeline): one lane per kind or per set of countries

let timeline = null;
let items = null;
let groups = null;

function monthLabel(date) {
  return L('months_short')[date.month()];
}

function buildTimeline() {
  if (timeline) timeline.destroy();
  items = new vis.DataSet();
  groups = new vis.DataSet();
  const rtl = state.lang === 'ar';
  // A new element each time: the direction is set when a timeline is made.
  const container = el('div', { class: 'timeline-chart' });
  $('#timeline').replaceChildren(container);
  timeline = new vis.Timeline(container, items, groups, {
    rtl,
    stack: true,
    orientation: 'top',
    margin: { item: { horizontal: 2, vertical: 4 } },
    zoomMin: 1000 * 60 * 60 * 24 * 7,
    zoomMax: 1000 * 60 * 60 * 24 * 365 * 200,
    min: new Date(Date.UTC(1, 0, 1)),
    showCurrentTime: false,
    selectable: true,
    maxHeight: 420,
    minHeight: 160,
    verticalScroll: true,
    tooltip: { followMouse: false },
    format: {
      minorLabels: (date, scale) => {
        if (scale === 'month') return monthLabel(date);
        if (scale === 'year') return String(date.year());
        if (scale === 'day' || scale === 'weekday') return String(date.date());
        return date.format(scale === 'hour' ? 'HH:mm' : 'YYYY');
      },
      majorLabels: (date, scale) => {
        if (scale === 'day' || scale === 'weekday') return `${L('months')[date.month()]} ${date.year()}`;
        if (scale === 'month') return String(date.year());
        return '';
      },
    },
    // Items and lanes get elements, so no data is ever read as markup.
    // A cluster stands for several items: it shows how many.
    template: (item, _element, data) => (item && !item.isCluster
      ? el('span', { class: 'item-label', dir: 'auto' }, item.label)
      : el('span', { class: 'cluster-count' }, String(((data && data.uiItems) || []).length))),
    groupTemplate: group => group
      ? el('span', { class: `lane ${group.className || ''}`, dir: 'auto', title: group.label }, group.label)
      : el('span'),
  });
  timeline.on('select', ({ items: selected }) => {
    // Clusters have ids of their own, not in the data set.
    if (selected.length && items.get(selected[0])) showDetail(selected[0], true);
  });
}

function laneOf(event) {
  return state.lanes === 'kind' ? event.kind : pairKey(event);
}

function renderTimelineItems() {
  if (!timeline) return;
  const laneCounts = new Map();
  for (const event of events) laneCounts.set(laneOf(event), (laneCounts.get(laneOf(event)) || 0) + 1);
  const laneIds = state.lanes === 'kind'
    ? KINDS.filter(k => laneCounts.has(k))
    : [...laneCounts.keys()].sort((a, b) => laneCounts.get(b) - laneCounts.get(a) || a.localeCompare(b));
  groups.clear();
  groups.add(laneIds.map((id, order) => ({
    id,
    order,
    content: '',
    label: `${state.lanes === 'kind' ? L('kind')[id] || id : pairLabel(id)} (${laneCounts.get(id)})`,
    className: state.lanes === 'kind' ? `kind-${id}` : 'pair',
  })));
  const data = events.map(event => {
    const start = utc(event.date.earliest);
    const point = event.date.earliest === event.date.latest;
    return {
      id: event.event_id,
      group: laneOf(event),
      content: '',
      label: shortLabel(event),
      start,
      end: point ? undefined : addDays(utc(event.date.latest), 1),
      type: point ? 'point' : 'range',
      className: `event-${event.event_id} kind-${event.kind} status-${event.status} precision-${event.date.precision}`,
    };
  });
  timeline.setOptions({
    cluster: data.length > CLUSTER_ABOVE ? { maxItems: 4, clusterCriteria: (a, b) => a.group === b.group } : false,
  });
  items.clear();
  items.add(data);
  if (state.event !== null && items.get(state.event)) timeline.setSelection([state.event]);
  fitTimeline();
}

function fitTimeline() {
  if (!events.length) return;
  if (state.from || state.to) {
    const start = state.from ? utc(state.from) : utc(events[0].date.earliest);
    const end = state.to ? periodEnd(state.to) : addDays(utc(events[events.length - 1].date.latest), 1);
    timeline.setWindow(addDays(start, -15), addDays(end, 15), { animation: false });
  } else {
    // Everything, with a margin so the items at the ends keep their labels in view.
    const first = utc(events[0].date.earliest);
    const last = events.reduce((m, e) => (e.date.latest > m ? e.date.latest : m), events[0].date.latest);
    const span = Math.max(addDays(utc(last), 1) - first, 30 * 86400000);
    timeline.setWindow(new Date(first - span * 0.04), new Date(addDays(utc(last), 1).getTime() + span * 0.1),
      { animation: false });
  }
}

/** The day after the period `2022`, `2022-09` or `2022-09-15` ends. */
function periodEnd(period) {
  const [y, m, d] = period.split('-').map(Number);
  if (d) return addDays(utc(period), 1);
  if (m) return new Date(Date.UTC(y, m, 1));
  return new Date(Date.UTC(y + 1, 0, 1));
}

// ---------------------------------------------------------------------------------------------
// The histogram (ECharts): events per month or year, brushing a range sets the period

let histogram = null;
let histogramData = null;
let histogramController = null;
const KIND_COLOURS = {
  meeting: '#4e79a7', visit: '#f28e2b', summit: '#e15759', call: '#76b7b2',
  agreement: '#59a14f', military: '#9c6b00', statement: '#b07aa1', other: '#8c8c8c',
};

async function loadHistogram() {
  if (histogramController) histogramController.abort();
  const controller = new AbortController();
  histogramController = controller;
  const params = filterParams(false);
  params.set('interval', state.interval || 'month');
  params.set('group_by', 'kind');
  let data = await getJson(`/api/v1/histogram?${params}`, controller.signal);
  if (!state.interval && data.buckets.length > MAX_MONTH_BARS) {
    params.set('interval', 'year');
    data = await getJson(`/api/v1/histogram?${params}`, controller.signal);
  }
  histogramData = data;
  renderChips();
  renderHistogram();
}

function renderHistogram() {
  if (!histogramData) return;
  if (histogram) histogram.dispose();
  histogram = echarts.init($('#histogram'), null, { renderer: 'canvas' });
  const rtl = state.lang === 'ar';
  const kinds = histogramData.dimensions.filter(d => d !== 'bucket');
  const bucketLabel = bucket => {
    const m = /^(\d{4})-(\d{2})$/.exec(bucket);
    return m ? `${L('months_short')[Number(m[2]) - 1]} ${m[1]}` : bucket;
  };
  histogram.setOption({
    animation: false,
    toolbox: { show: false },
    textStyle: { fontFamily: getComputedStyle(document.body).fontFamily },
    grid: { left: 40, right: 40, top: 10, bottom: 28 },
    dataset: { dimensions: histogramData.dimensions, source: histogramData.buckets },
    xAxis: {
      type: 'category', inverse: rtl,
      axisLabel: { formatter: bucketLabel, hideOverlap: true },
    },
    yAxis: { type: 'value', minInterval: 1, position: rtl ? 'right' : 'left' },
    tooltip: {
      trigger: 'axis',
      // A text-only tooltip: the values are numbers and our own labels.
      formatter: params => {
        const box = el('div', { class: 'tip' }, el('strong', {}, bucketLabel(params[0].value.bucket)));
        for (const p of params) {
          const n = p.value[p.seriesName];
          if (n) box.append(el('div', {}, `${L('kind')[p.seriesName] || p.seriesName}: ${n}`));
        }
        return box;
      },
    },
    brush: {
      toolbox: [], xAxisIndex: 0, brushType: 'lineX', brushMode: 'single', removeOnClick: true,
      throttleType: 'debounce', throttleDelay: 300,
      brushStyle: { color: 'rgba(120,120,120,0.15)', borderColor: 'rgba(60,60,60,0.6)', borderWidth: 1 },
      outOfBrush: { colorAlpha: 0.35 },
    },
    series: kinds.map(kind => ({
      type: 'bar', name: kind, stack: 'events', encode: { x: 'bucket', y: kind },
      itemStyle: { color: KIND_COLOURS[kind] || '#777' }, barCategoryGap: '15%',
    })),
  });
  histogram.dispatchAction({
    type: 'takeGlobalCursor', key: 'brush',
    brushOption: { brushType: 'lineX', brushMode: 'single', removeOnClick: true },
  });
  histogram.on('brushEnd', onBrush);
  // A tiny drag removes the brushed area (a brush event with no area and no brushEnd), and so
  // does a click, which ECharts leaves alone.
  histogram.on('brush', params => { if (!params.areas || !params.areas.length) onBrush(params); });
  histogram.getZr().on('click', () => {
    if (!state.from && !state.to) return;
    state.from = state.to = '';
    filtersChanged({ histogram: false });
  });
  const coarser = histogramData.coarser && histogramData.coarser.total;
  $('#coarser').textContent = coarser ? L('coarser')(coarser) : '';
  markBrush();
}

/** Draws the chosen period on the histogram, without firing the brush handler. */
function markBrush() {
  if (!histogram || !histogramData) return;
  const buckets = histogramData.buckets;
  let range = null;
  if ((state.from || state.to) && buckets.length) {
    const from = state.from ? utc(state.from) : utc(buckets[0].start);
    const to = state.to ? addDays(periodEnd(state.to), -1) : utc(buckets[buckets.length - 1].end);
    const first = buckets.findIndex(b => utc(b.end) >= from);
    let last = -1;
    buckets.forEach((b, i) => { if (utc(b.start) <= to) last = i; });
    if (first >= 0 && last >= first) range = [first, last];
  }
  // Silent: this shows the state, it does not change it.
  histogram.dispatchAction({
    type: 'brush',
    areas: range ? [{ brushType: 'lineX', xAxisIndex: 0, coordRange: range }] : [],
  }, { silent: true });
}

function onBrush(params) {
  const area = params.areas && params.areas[0];
  const buckets = histogramData.buckets;
  if (!area || !area.coordRange) {
    if (!state.from && !state.to) return;
    state.from = state.to = '';
  } else {
    const [a, b] = area.coordRange.map(i => Math.max(0, Math.min(buckets.length - 1, Math.round(i))));
    const [first, last] = a <= b ? [a, b] : [b, a];
    const from = buckets[first].start;
    const to = buckets[last].end;
    if (from === state.from && to === state.to) return;
    state.from = from;
    state.to = to;
  }
  // The brush already shows the period.
  filtersChanged({ histogram: false, brush: false });
}

// ---------------------------------------------------------------------------------------------
// The event list: chronological, a hundred rows at a time

let listShown = LIST_STEP;

function renderList() {
  const shown = events.slice(0, listShown);
  $('#events').replaceChildren(...shown.map(event => el('li', {
    dataset: { eventId: event.event_id, earliest: event.date.earliest },
    class: event.event_id === state.event ? 'selected' : null,
  }, el('button', {
    type: 'button', class: `event-row kind-${event.kind}`,
    onclick: () => showDetail(event.event_id, true, true),
  },
  el('span', { class: 'swatch', 'aria-hidden': 'true' }),
  el('span', { class: 'row-date' }, dateLabel(event.date)),
  el('span', { class: 'row-kind' }, L('kind')[event.kind] || event.kind),
  el('span', { class: 'row-who', dir: 'auto' }, shortLabel(event)),
  event.status !== 'held' ? el('span', { class: 'row-status' }, L('status_name')[event.status]) : null))));
  const rest = events.length - shown.length;
  $('#more').hidden = rest <= 0;
  $('#more').textContent = L('more')(Math.min(rest, LIST_STEP));
  renderEmpty();
}

// ---------------------------------------------------------------------------------------------
// Empty states: what was searched when nothing matches, how to add articles when there are none

let documentCount = null; // from /healthz: 0 is an empty database

/** The filters shown, in words: `“بوتين” with Russia, China; visit; from 2018`. */
function searchedWords() {
  const parts = [];
  const comma = state.lang === 'ar' ? '، ' : ', ';
  if (state.countries && state.countries.length) parts.push(state.countries.map(countryName).join(comma));
  if (state.kinds.length) parts.push(state.kinds.map(k => L('kind')[k] || k).join(comma));
  if (state.from || state.to) parts.push(`${state.from || '…'} – ${state.to || '…'}`);
  return parts.join(L('sep'));
}

function renderEmpty() {
  const node = $('#empty');
  const empty = complete && events.length === 0 && undatedTotal === 0;
  node.hidden = !empty;
  if (!empty) return node.replaceChildren();
  if (documentCount === 0) {
    const commands = ['tarikh ingest seeds/', 'tarikh ingest https://news.example/rss.xml', 'tarikh ingest saved/article.html'];
    return node.replaceChildren(
      el('p', { class: 'empty-title', dataset: { empty: 'database' } }, L('empty_db')),
      el('p', {}, L('empty_db_hint')),
      el('pre', { dir: 'ltr' }, el('code', {}, commands.join('\n'))),
      el('p', { class: 'muted' }, L('empty_db_post')));
  }
  const filters = searchedWords();
  return node.replaceChildren(
    el('p', { class: 'empty-title', dataset: { empty: 'no-match' } }, L('no_match')),
    state.q ? el('p', {}, `${L('searched_for')} `, el('q', { class: 'searched', dir: 'auto' }, state.q)) : null,
    filters ? el('p', { class: 'searched-filters' }, `${L('searched_in')}: `, el('bdi', {}, filters)) : null,
    el('p', { class: 'muted' }, L('no_match_hint')));
}

async function loadDocumentCount() {
  try {
    documentCount = (await getJson('/healthz')).documents;
  } catch {
    documentCount = null;
  }
}

// ---------------------------------------------------------------------------------------------
// Undated events: listed apart, with the filters but the period

const UNDATED_SHOWN = 100;
let undated = [];
let undatedTotal = null;
let undatedController = null;

async function loadUndated() {
  if (undatedController) undatedController.abort();
  const controller = new AbortController();
  undatedController = controller;
  const params = filterParams(false);
  params.set('limit', String(UNDATED_SHOWN));
  const page = await getJson(`/api/v1/events/undated?${params}`, controller.signal);
  if (controller.signal.aborted) return;
  undated = page.events;
  undatedTotal = page.total;
  renderUndated();
  renderEmpty();
}

function renderUndated() {
  const section = $('#undated');
  section.hidden = !undated.length;
  if (!undated.length) return;
  $('#undated-title').textContent = L('undated')(undatedTotal);
  $('#undated-shown').textContent = undatedTotal > undated.length ? L('undated_shown')(undated.length, undatedTotal) : '';
  $('#undated-list').replaceChildren(...undated.map(event => {
    const q = event.evidence && event.evidence[0];
    return el('li', { class: `undated-row kind-${event.kind}`, dataset: { eventId: event.event_id } },
      el('p', { class: 'undated-head' },
        el('span', { class: 'swatch', 'aria-hidden': 'true' }),
        el('span', { class: 'row-kind' }, L('kind')[event.kind] || event.kind),
        el('span', { class: 'row-who', dir: 'auto' }, shortLabel(event)),
        event.status !== 'held' ? el('span', { class: 'row-status' }, L('status_name')[event.status]) : null),
      q ? el('blockquote', { class: 'quote', lang: 'ar', dir: 'rtl' }, q.quote) : null,
      q ? el('p', { class: 'muted source-head' },
        q.url ? el('a', { href: safeUrl(q.url), rel: 'noopener noreferrer', target: '_blank', dir: 'auto' }, q.title || q.source || L('open_article'))
          : el('a', { href: `/api/v1/documents/${q.document_id}`, dir: 'auto' }, q.title || q.source || L('open_document')),
        q.published_at ? [` · ${L('published')} `, iso(q.published_at)] : null) : null);
  }));
}

// ---------------------------------------------------------------------------------------------
// The detail panel: one event and every source's sentence

let detailController = null;

function renderPlaceholder() {
  $('#detail').replaceChildren(el('p', { class: 'placeholder' }, L('pick')));
}

async function showDetail(id, fromUser, moveTimeline) {
  if (detailController) detailController.abort();
  const controller = new AbortController();
  detailController = controller;
  state.event = id;
  writeUrl();
  for (const li of document.querySelectorAll('#events li')) {
    li.classList.toggle('selected', Number(li.dataset.eventId) === id);
  }
  if (timeline && items && items.get(id)) {
    timeline.setSelection([id]);
    if (moveTimeline) revealOnTimeline(items.get(id));
  }
  let event;
  try {
    event = await getJson(`/api/v1/events/${id}`, controller.signal);
  } catch (error) {
    if (error.name !== 'AbortError') {
      $('#detail').replaceChildren(el('p', { class: 'error' }, error.message));
    }
    return;
  }
  if (controller.signal.aborted) return;
  $('#detail').replaceChildren(detailView(event));
  if (fromUser && window.matchMedia('(max-width: 760px)').matches) {
    $('#detail').scrollIntoView({ block: 'start' });
  }
}

/** Pans the timeline to an item that is out of view, keeping the zoom. */
function revealOnTimeline(item) {
  const { start, end } = timeline.getWindow();
  const itemEnd = item.end || item.start;
  if (item.start >= start && itemEnd <= end) return;
  const middle = (item.start.getTime() + itemEnd.getTime()) / 2;
  timeline.moveTo(new Date(middle), { animation: false });
}

/** An ISO date or other Latin-digit text that must not be reordered inside Arabic text. */
function iso(text) {
  return el('bdi', { dir: 'ltr' }, text);
}

function detailView(event) {
  const date = event.date;
  const field = (name, ...value) => [el('dt', {}, L(name)), el('dd', {}, ...value)];
  const participants = event.participants.length
    ? el('ul', { class: 'plain' }, event.participants.map(p => el('li', { dir: 'auto' },
      p.name, p.country ? el('span', { class: 'muted' }, ` (${countryName(p.country)})`) : null)))
    : L('none');
  const place = event.place
    ? [el('span', { dir: 'auto' }, event.place.name),
      event.place.country ? el('span', { class: 'muted' }, ` (${countryName(event.place.country)})`) : null]
    : [L('none')];
  return el('article', { class: `event kind-${event.kind}`, dataset: { eventId: event.event_id } },
    el('h2', {}, el('span', { class: 'swatch', 'aria-hidden': 'true' }),
      `${L('kind')[event.kind] || event.kind} · `, el('span', { class: 'detail-date' }, dateLabel(date))),
    el('dl', { class: 'facts' },
      field('date', dateLabel(date), el('span', { class: 'muted' },
        ` (${L('precision')}: ${precisionLabel(date.precision)}`,
        date.earliest !== date.latest ? [L('sep'), iso(`${date.earliest} – ${date.latest}`)] : '', ')')),
      event.date_conflict ? field('conflict', el('span', { class: 'warning' }, event.date_conflict)) : [],
      field('status', L('status_name')[event.status] || event.status),
      field('participants', participants),
      field('place', ...place)),
    el('h3', {}, `${L('sources')} (${L('article_count')(event.article_count ?? event.evidence.length)})`),
    el('ol', { class: 'sources' }, event.evidence.map(ev => evidenceView(ev, event))));
}

function evidenceView(ev, event) {
  const link = ev.url
    ? el('a', { href: safeUrl(ev.url), rel: 'noopener noreferrer', target: '_blank' }, L('open_article'))
    : el('a', { href: `/api/v1/documents/${ev.document_id}` }, L('open_document'));
  // A source's own date is worth a line only when it is not the event's.
  const claimed = ev.claimed && ev.claimed.value && ev.claimed.value !== event.date.value
    ? el('p', { class: 'muted claimed' }, `${L('claimed')}: ${dateLabel(ev.claimed)}`) : null;
  return el('li', { class: 'source', dataset: { evidenceId: ev.evidence_id } },
    el('p', { class: 'source-head' },
      el('strong', { class: 'source-title', dir: 'auto' }, ev.title || ev.source || L('none')),
      ev.source ? el('span', { class: 'muted', dir: 'auto' }, ` · ${ev.source}`) : null,
      ev.published_at ? el('span', { class: 'muted' }, ` · ${L('published')} `, iso(ev.published_at)) : null),
    el('blockquote', { class: 'quote', lang: 'ar', dir: 'rtl' }, highlighted(ev)),
    claimed,
    el('p', { class: 'source-link' }, link));
}

/** Only http(s) links from the data become clickable; anything else (javascript:…) does not. */
function safeUrl(url) {
  try {
    const parsed = new URL(url, location.href);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : '#';
  } catch {
    return '#';
  }
}

/**
 * The source sentence with the trigger and the date expression marked. The API's offsets
 * count code points in the document; Array.from splits the sentence into code points too.
 */
function highlighted(ev) {
  if (typeof ev.sentence !== 'string') return [ev.quote || ''];
  const chars = Array.from(ev.sentence);
  const base = ev.sentence_start || 0;
  const spans = [];
  const add = (start, end, cls, title) => {
    if (typeof start !== 'number' || typeof end !== 'number') return;
    const s = Math.max(0, start - base);
    const e = Math.min(chars.length, end - base);
    if (e > s) spans.push({ s, e, cls, title });
  };
  add(ev.date_start, ev.date_end, 'date', L('date_expr'));
  add(ev.trigger_start, ev.trigger_end, 'trigger', L('trigger'));
  // Cut at every span boundary; a piece inside both spans gets both classes.
  const cuts = [...new Set([0, chars.length, ...spans.flatMap(x => [x.s, x.e])])].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [s, e] = [cuts[i], cuts[i + 1]];
    const text = chars.slice(s, e).join('');
    const covering = spans.filter(x => x.s <= s && e <= x.e);
    out.push(covering.length
      ? el('mark', { class: covering.map(x => x.cls).join(' '), title: covering.map(x => x.title).join(' · ') }, text)
      : text);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

async function start() {
  readUrl();
  eventFromUrl = state.event;
  applyLanguage();
  wireFilters();
  buildTimeline();
  renderPlaceholder();
  try {
    await loadCountries();
  } catch (error) {
    showLoadError(error);
    state.countries = state.countries || [];
  }
  writeUrl();
  renderChips();
  renderExports();
  window.addEventListener('resize', () => histogram && histogram.resize());
  await Promise.all([loadEvents(), loadHistogram(), loadUndated(), loadDocumentCount()]).catch(showLoadError);
  renderEmpty();
  document.body.dataset.ready = 'true';
}

document.addEventListener('DOMContentLoaded', start);
