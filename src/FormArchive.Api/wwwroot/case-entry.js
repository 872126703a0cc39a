// Case data entry: a form generated from templates/case.schema.json (labels from its descriptions, enumerations as
// selects, dates as date inputs, arrays of objects as tables), saved as a new version of the case's data; persons
// read by OCR on the case's scans offered as members; the 申请书 printed from the saved version.
'use strict';
const $ = id => document.getElementById(id);
let caseId = new URLSearchParams(location.search).get('case'); // null: a new case, started from its scans (case-intake.js)
const APPLICATION_FORM = 'yunyang.application';

let schema = null;     // the case schema
let model = {};        // the case data as last rendered (unknown properties kept)
let savedJson = '';    // the saved version's JSON, to know whether there is anything to save
let scanned = { persons: [], expiredCards: [] };
let fieldCount = 0;

// Shown first and open; every other part of the schema (later stages' forms) below, folded.
const MAIN = ['applicant', 'members', 'supporters', 'bank_account', 'acceptance'];
const BASIC = ['case_no', 'categories', 'household_size', 'township', 'village', 'application_date', 'relatives_in_office', 'economic_status', 'hardship_reason'];

// ---- schema ----
const resolve = s => CaseLabels.resolve(schema, s);
const types = s => [].concat(s.type || []);
const label = CaseLabels.label;
/** An enumeration: the schema's enum, or a pattern of the form ^(a|b|c)?$. */
function choices(s) {
  if (Array.isArray(s.enum)) return s.enum.filter(v => v !== null);
  const m = /^\^\(([^()]+)\)\?\$$/.exec(s.pattern || '');
  return m ? m[1].split('|') : null;
}
const isLong = (s, key) => /line breaks/.test(s.description || '') || ['findings', 'economic_status', 'hardship_reason'].includes(key);

// ---- paths: $.members[0].name ----
function tokens(path) { return [...path.matchAll(/\.([A-Za-z_]\w*)|\[(\d+)\]/g)].map(m => m[1] ?? Number(m[2])); }
function getAt(obj, path) { return tokens(path).reduce((o, t) => (o == null ? undefined : o[t]), obj); }
function setAt(obj, path, value) {
  const ts = tokens(path);
  let o = obj;
  ts.slice(0, -1).forEach((t, i) => {
    if (o[t] == null || typeof o[t] !== 'object') o[t] = typeof ts[i + 1] === 'number' ? [] : {};
    o = o[t];
  });
  if (value === null || value === undefined) { if (!Array.isArray(o)) delete o[ts[ts.length - 1]]; else o[ts[ts.length - 1]] = null; }
  else o[ts[ts.length - 1]] = value;
}

// ---- controls ----
function control(s, key, path, value) {
  const id = `f${++fieldCount}`;
  const t = types(s);
  const list = choices(s);
  let input;
  if (list) {
    input = FA.el('select', { id }, FA.el('option', { value: '' }, '（未填）'), ...list.map(v => FA.el('option', { value: v }, v)));
    input.value = value ?? '';
  } else if (t.includes('boolean')) {
    input = FA.el('select', { id }, FA.el('option', { value: '' }, '（未填）'), FA.el('option', { value: 'true' }, '是'), FA.el('option', { value: 'false' }, '否'));
    input.value = value === true ? 'true' : value === false ? 'false' : '';
  } else if (s.format === 'date' || s.format === 'date-or-month') {
    // Not <input type="date">: that shows the browser's locale (mm/dd/yyyy in an English browser), not China's format.
    const month = s.format === 'date-or-month';
    input = FA.el('input', { id, type: 'text', autocomplete: 'off', class: 'date', maxlength: 12,
      placeholder: month ? '如 2024-05 或 2024-05-30' : '年-月-日，如 2024-05-30' });
    input.value = value ?? '';
    input.addEventListener('change', () => { input.value = chinaDate(input.value, month); });
  } else if (isLong(s, key)) {
    input = FA.el('textarea', { id, rows: 3 });
    input.value = value ?? '';
  } else {
    const numeric = t.includes('number') || t.includes('integer');
    input = FA.el('input', {
      id, type: 'text', inputmode: numeric ? 'decimal' : null, autocomplete: 'off',
      placeholder: t.includes('array') ? '多项用“、”分隔' : null,
      maxlength: s.format === 'cn-id-number' ? 18 : null,
    });
    input.value = Array.isArray(value) ? value.join('、') : value ?? '';
  }
  input.dataset.path = path;
  input.dataset.kind = list ? 'choice' : t.includes('boolean') ? 'boolean' : (t.includes('number') || t.includes('integer')) ? 'number' : t.includes('array') ? 'list' : 'text';
  if (s.description) input.title = s.description;
  return input;
}

/**
 * A date as typed (2024年5月30日, 2024.5.30, 2024/05/30, 20240530) in China's written order, as yyyy-MM-dd (or yyyy-MM
 * where a month is enough). Anything else is left as typed, for the server to name the field it is wrong in.
 */
function chinaDate(text, monthAllowed) {
  const t = text.trim();
  const two = n => String(n).padStart(2, '0');
  let m = /^(\d{4})\s*[年.\/-]\s*(\d{1,2})\s*[月.\/-]\s*(\d{1,2})\s*日?$/.exec(t) || /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) return `${m[1]}-${two(m[2])}-${two(m[3])}`;
  m = /^(\d{4})\s*[年.\/-]\s*(\d{1,2})\s*月?$/.exec(t);
  if (m && monthAllowed) return `${m[1]}-${two(m[2])}`;
  return text;
}

function field(s, key, path, value) {
  const input = control(s, key, path, value);
  const error = FA.el('span', { class: 'field-error', id: `${input.id}-error` });
  input.setAttribute('aria-describedby', error.id);
  // The error stays out of the label, so that it is the field's description and not part of its name.
  return FA.el('div', { class: `field${input.tagName === 'TEXTAREA' ? ' long' : ''}` }, FA.el('label', { for: input.id }, label(s, key)), input, error);
}

function readControl(input) {
  const v = input.value.trim();
  if (v === '') return null;
  switch (input.dataset.kind) {
    case 'boolean': return v === 'true';
    // A number the server can judge: kept as typed when it is not one, so the message names the field.
    case 'number': { const n = Number(v.replace(/[,，\s]/g, '')); return Number.isFinite(n) ? n : v; }
    case 'list': return v.split(/[、,，;；\s]+/).filter(Boolean);
    default: return input.value;
  }
}

// ---- the form ----
function objectBlock(s, key, path, value, folded) {
  const props = Object.entries(resolve(s).properties || {});
  const scalars = props.filter(([, p]) => !isTable(resolve(p)) && resolve(p).type !== 'object');
  const nested = props.filter(([, p]) => isTable(resolve(p)) || resolve(p).type === 'object');
  const body = [
    FA.el('div', { class: 'row' }, scalars.map(([k, p]) => field(resolve(p), k, `${path}.${k}`, value?.[k]))),
    ...nested.map(([k, p]) => block(resolve(p), k, `${path}.${k}`, value?.[k], false)),
  ];
  const fs = FA.el('fieldset', { 'data-path-container': path, class: value?.from_ocr ? 'from-ocr' : null }, FA.el('legend', {}, label(resolve(s), key)),
    value?.from_ocr ? ocrMark(() => confirmObject(path, fs)) : null, ...body);
  // Editing a value read by OCR is the clerk's own reading of it.
  if (value?.from_ocr) fs.addEventListener('change', e => { if (e.target.dataset.path?.startsWith(`${path}.`)) confirmObject(path, fs); });
  return folded ? FA.el('details', {}, FA.el('summary', {}, label(resolve(s), key)), fs) : fs;
}

const tableId = path => `table-${path.slice(2).replace(/[^\w]/g, '_')}`;
const isTable = s => types(s).includes('array') && resolve(s.items || {}).type === 'object';

function tableBlock(s, key, path, rows) {
  const itemSchema = resolve(s.items);
  const cols = Object.entries(itemSchema.properties);
  const title = label(s.description ? s : itemSchema, key);
  const container = FA.el('fieldset', { 'data-path-container': path, id: tableId(path) });
  const unit = ['members', 'supporters'].includes(key) ? '人' : '行';
  const draw = () => {
    const data = getAt(model, path) || [];
    const body = data.map((row, i) => {
      const rowPath = `${path}[${i}]`;
      const tr = FA.el('tr', { 'data-path-container': rowPath, class: row?.from_ocr ? 'from-ocr' : null },
        FA.el('td', { class: 'row-state' },
          row?.from_ocr ? [FA.el('span', { class: 'badge ocr' }, 'OCR 识别，待确认'),
            FA.el('button', { type: 'button', class: 'secondary confirm', onclick: e => confirmRow(path, i, e.target.closest('tr')) }, '确认')] : null,
          FA.el('span', { class: 'flags' }),
          FA.el('button', { type: 'button', class: 'secondary remove', 'aria-label': `删除第 ${i + 1} 行`, onclick: () => removeRow(path, i, draw) }, '删除')),
        ...cols.map(([k, p]) => {
          const input = control(resolve(p), k, `${rowPath}.${k}`, row?.[k]);
          input.setAttribute('aria-label', `第 ${i + 1} 行 ${label(resolve(p), k)}`);
          const error = FA.el('span', { class: 'field-error', id: `${input.id}-error` });
          input.setAttribute('aria-describedby', error.id);
          return FA.el('td', { class: k === 'name' ? 'name-cell' : k === 'id_number' ? 'id-cell' : null }, input, error);
        }));
      // Editing a value read by OCR is the clerk's own reading of it.
      if (row?.from_ocr) tr.addEventListener('change', e => { if (e.target.dataset.path) confirmRow(path, i, tr); }, { once: true });
      return tr;
    });
    container.replaceChildren(
      FA.el('legend', {}, `${title}（${data.length} ${unit}）`),
      FA.el('div', { class: 'table-wrap' }, FA.el('table', { class: 'rows' },
        FA.el('thead', {}, FA.el('tr', {}, FA.el('th', {}, ''), ...cols.map(([k, p]) => FA.el('th', { scope: 'col' }, label(resolve(p), k))))),
        FA.el('tbody', {}, body))),
      FA.el('div', { class: 'row' }, FA.el('button', { type: 'button', class: 'secondary add', onclick: () => addRow(path, draw) }, `添加${title.length <= 8 ? title : '一行'}`)),
      FA.el('span', { class: 'field-error', 'data-error-for': path }));
    flagMembers();
  };
  container.redraw = draw;
  setAt(model, path, rows || []);
  return container;
}

function block(s, key, path, value, folded) {
  if (isTable(s)) return tableBlock(s, key, path, value);
  if (s.type === 'object') return objectBlock(s, key, path, value, folded);
  return field(s, key, path, value);
}

function render() {
  fieldCount = 0;
  const props = schema.properties;
  const basic = FA.el('fieldset', { 'data-path-container': '$' }, FA.el('legend', {}, '申请信息'),
    FA.el('div', { class: 'row' }, BASIC.filter(k => props[k] && !isLong(resolve(props[k]), k)).map(k => field(resolve(props[k]), k, `$.${k}`, model[k]))),
    ...BASIC.filter(k => props[k] && isLong(resolve(props[k]), k)).map(k => field(resolve(props[k]), k, `$.${k}`, model[k])),
    FA.el('span', { class: 'field-error', 'data-error-for': '$' }));
  const main = MAIN.filter(k => props[k]).map(k => block(resolve(props[k]), k, `$.${k}`, model[k], false));
  const rest = Object.keys(props).filter(k => !MAIN.includes(k) && !BASIC.includes(k));
  const later = FA.el('details', { class: 'later' }, FA.el('summary', {}, '其他环节的栏目（调查、审核、公示、告知等）'),
    ...rest.map(k => block(resolve(props[k]), k, `$.${k}`, model[k], false)));
  $('fields').replaceChildren(basic, ...main, later);
  for (const t of $('fields').querySelectorAll('fieldset[id^="table-"]')) t.redraw();
}

/** The form's values over the data it was rendered from (properties the form does not show are kept). */
function collect() {
  const data = structuredClone(model);
  for (const input of $('fields').querySelectorAll('[data-path]')) {
    const value = readControl(input);
    if (value !== null || getAt(data, input.dataset.path) !== undefined) setAt(data, input.dataset.path, value);
  }
  return prune(data);
}

/** Empty parts left out: an object or list with nothing in it says nothing (a table's empty row stays a row). */
function prune(node) {
  if (Array.isArray(node)) return node.map(x => (x && typeof x === 'object' ? prune(x) : x ?? {}));
  for (const [k, v] of Object.entries(node)) {
    const value = v && typeof v === 'object' ? prune(v) : v;
    if (value === null || value === undefined || (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0)
      || (Array.isArray(value) && value.length === 0)) delete node[k];
    else node[k] = value;
  }
  return node;
}

function addRow(path, draw) {
  model = collect();
  const rows = getAt(model, path) || [];
  rows.push({});
  setAt(model, path, rows);
  draw();
  const inputs = document.querySelectorAll(`[data-path^="${path}[${rows.length - 1}]."]`);
  if (inputs.length) inputs[0].focus();
}

function removeRow(path, i, draw) {
  model = collect();
  getAt(model, path).splice(i, 1);
  draw();
  document.querySelector(`#${tableId(path)} button.add`)?.focus();
}

/** The row's values are the clerk's now: the mark goes, in place (a redraw would take the field being typed in). */
function confirmRow(path, i, tr) {
  const row = getAt(model, `${path}[${i}]`);
  if (row) delete row.from_ocr;
  const onButton = document.activeElement?.classList.contains('confirm');
  tr.classList.remove('from-ocr');
  tr.querySelector('.badge.ocr')?.remove();
  tr.querySelector('button.confirm')?.remove();
  if (onButton) tr.querySelector(`[data-path="${path}[${i}].name"]`)?.focus();
}

/** The mark of values read by OCR, with the button that confirms them. */
function ocrMark(confirm) {
  return FA.el('div', { class: 'ocr-mark' }, FA.el('span', { class: 'badge ocr' }, 'OCR 识别，待确认'),
    FA.el('button', { type: 'button', class: 'secondary confirm', onclick: confirm }, '确认'));
}

function confirmObject(path, fs) {
  const o = getAt(model, path);
  if (o) delete o.from_ocr;
  const onButton = document.activeElement?.classList.contains('confirm');
  fs.classList.remove('from-ocr');
  fs.querySelector(':scope > .ocr-mark')?.remove();
  if (onButton) fs.querySelector('[data-path]')?.focus();
}

// ---- OCR prefill ----
const mask = FA.maskId;

function renderScanned() {
  const { persons, expiredCards } = scanned;
  $('scanned-section').classList.toggle('hidden', persons.length === 0 && expiredCards.length === 0);
  $('expired-cards').replaceChildren(...expiredCards.map(c => FA.el('p', { class: 'bad' },
    c.holder ? `${c.file}：${c.holder}的居民身份证已过期（有效期限 ${c.validity || c.validUntil || '—'}），请要求换领。`
      : `${c.file}：居民身份证已过期（有效期限 ${c.validity || c.validUntil || '—'}），请核对持证人并要求换领。`)));
  $('scanned-persons').replaceChildren(...persons.map((p, i) => {
    const members = collect().members || [];
    const same = members.findIndex(m => m && ((p.idNumber && (m.id_number || '').toUpperCase() === p.idNumber.toUpperCase()) || (p.name && m.name === p.name)));
    return FA.el('div', { class: 'person', 'data-file': p.file },
      FA.el('strong', {}, p.name || '（姓名未识别）'),
      ...[['性别', p.sex], ['民族', p.ethnicity], ['出生', p.birthDate], ['与户主关系', p.relationship], ['住址', p.address], ['身份证号', mask(p.idNumber)]]
        .filter(([, v]) => v).map(([k, v]) => FA.el('span', {}, FA.el('span', { class: 'k' }, k), v)),
      p.cardExpired ? FA.el('span', { class: 'badge flag' }, `证件已过期（${p.cardValidity || '—'}）`) : null,
      FA.el('span', { class: 'muted' }, `${FA.TYPES[p.type] || p.type} · ${p.file}`),
      FA.el('button', { type: 'button', class: 'take', onclick: () => takePerson(i) }, same >= 0 ? `填入第 ${same + 1} 位成员` : '加入家庭成员'));
  }));
}

function takePerson(i) {
  const p = scanned.persons[i];
  model = collect();
  model.members ??= [];
  let at = model.members.findIndex(m => m && ((p.idNumber && (m.id_number || '').toUpperCase() === p.idNumber.toUpperCase()) || (p.name && m.name === p.name)));
  if (at < 0) { model.members.push({}); at = model.members.length - 1; }
  const m = model.members[at];
  // What the card prints fills what is empty; a value the clerk entered stays.
  const fill = (k, v) => { if (v && !m[k]) m[k] = v; };
  fill('name', p.name); fill('sex', p.sex); fill('birth_date', p.birthDate); fill('id_number', p.idNumber);
  if (p.type === 'hukou-member') fill('relationship', p.relationship === '户主' ? null : p.relationship);
  m.from_ocr = true;
  // The applicant's own card also gives 民族 and 户籍地.
  const a = model.applicant ??= {};
  if (p.idNumber && (a.id_number || '').toUpperCase() === p.idNumber.toUpperCase()) {
    if (!a.ethnicity && p.ethnicity) a.ethnicity = p.ethnicity.endsWith('族') ? p.ethnicity : `${p.ethnicity}族`;
    if (!a.hukou_address && p.address) a.hukou_address = p.address;
    if (!a.sex && p.sex) a.sex = p.sex;
    if (!m.relationship) m.relationship = '本人';
  }
  render();
  renderScanned();
  document.querySelector(`[data-path="$.members[${at}].name"]`)?.focus();
  FA.show('message', `已把 ${p.name || '识别的人员'} 填入第 ${at + 1} 位家庭成员，请核对后点“确认”。`, 'info');
}

/** A member whose ID number differs from the card scanned under the same name is flagged. */
function flagMembers() {
  const rows = document.querySelectorAll(`#${tableId('$.members')} tbody tr`);
  rows.forEach((tr, i) => {
    const name = tr.querySelector(`[data-path="$.members[${i}].name"]`)?.value.trim();
    const id = tr.querySelector(`[data-path="$.members[${i}].id_number"]`)?.value.trim().toUpperCase();
    const flags = [];
    for (const p of scanned.persons)
      if (name && p.name === name && p.idNumber && id && p.idNumber.toUpperCase() !== id)
        flags.push(`身份证号与扫描的证件（${p.file}）不一致`);
    for (const p of scanned.persons)
      if (p.cardExpired && id && p.idNumber?.toUpperCase() === id)
        flags.push(`身份证已过期（有效期限 ${p.cardValidity || '—'}，${p.file}）`);
    tr.querySelector('.flags').replaceChildren(...flags.map(f => FA.el('span', { class: 'badge flag' }, f)));
  });
}

// ---- errors ----
function clearErrors() {
  for (const e of document.querySelectorAll('.field-error')) e.textContent = '';
  for (const e of document.querySelectorAll('[aria-invalid]')) e.removeAttribute('aria-invalid');
  FA.show('error-summary', '');
  $('missing-list').classList.add('hidden');
}

/** Each error beside its field; an error on a whole table or object under that table or object. */
function showErrors(errors) {
  const links = [];
  for (const err of errors) {
    let input = document.querySelector(`[data-path="${CSS.escape(err.path)}"]`);
    let target = input ? $(`${input.id}-error`) : null;
    if (!target) {
      for (let p = err.path; p && !target; p = p.replace(/(\.[^.[\]]+|\[\d+\])$/, '') || null) {
        target = document.querySelector(`[data-error-for="${CSS.escape(p)}"]`);
        if (p === '$') break;
      }
    }
    if (input) input.setAttribute('aria-invalid', 'true');
    if (target) target.textContent = (target.textContent ? target.textContent + ' ' : '') + err.message;
    links.push(FA.el('li', {}, FA.el('a', { href: '#', onclick: e => { e.preventDefault(); focusPath(err.path); } }, pathLabel(err.path)), `：${err.message}`));
  }
  const box = $('error-summary');
  box.className = 'message error';
  box.replaceChildren(FA.el('p', {}, `案件数据有 ${errors.length} 处需要更正：`), FA.el('ul', {}, links));
  focusPath(errors[0].path);
}

function focusPath(path) {
  const input = document.querySelector(`[data-path="${CSS.escape(path)}"]`)
    || document.querySelector(`[data-path^="${CSS.escape(path)}"]`)
    || document.querySelector(`[data-path-container="${CSS.escape(path)}"] button.add`);
  if (!input) return;
  input.closest('details')?.setAttribute('open', '');
  input.focus();
}

/** 第 1 位家庭成员 · 年收入（元） for $.members[0].annual_income. */
function pathLabel(path) {
  const parts = [];
  let s = { properties: schema.properties };
  for (const t of tokens(path)) {
    if (typeof t === 'number') { parts.push(`第 ${t + 1} 行`); s = resolve(s.items || {}); continue; }
    const p = resolve((s.properties || {})[t] || {});
    parts.push(label(p.description || p.title ? p : resolve(p.items || {}), t));
    s = p;
  }
  return parts.join(' · ') || '案件数据';
}

// ---- load, save, print ----
async function load() {
  const record = await FA.json('GET', `/api/cases/${encodeURIComponent(caseId)}/record`);
  model = record.data || {};
  savedJson = record.version > 0 ? JSON.stringify(model) : '';
  render();
  showState(record);
  try {
    scanned = await FA.json('GET', `/api/cases/${encodeURIComponent(caseId)}/record/scanned-persons`);
  } catch (e) { scanned = { persons: [], expiredCards: [] }; }
  renderScanned();
  flagMembers();
  if (record.sealedCase) for (const b of [$('save-button'), $('print-button'), $('print-other')]) b.disabled = true;
}

function showState(record) {
  $('record-state').textContent = record.version > 0
    ? `当前为第 ${record.version} 版（${FA.date(record.versions[record.versions.length - 1].savedAt)} 保存）。每次保存都新增一个版本，原有版本保留在档案中。`
    : '尚未保存案件数据：以下为建档时填写的信息，请补全后保存。';
  $('versions').replaceChildren(record.versions.length === 0 ? FA.el('p', { class: 'muted' }, '尚无版本') :
    FA.el('table', {}, FA.el('thead', {}, FA.el('tr', {}, ['版本', '件号', '保存时间', '保存时的办理环节', '保存人', ''].map(h => FA.el('th', {}, h)))),
      FA.el('tbody', {}, record.versions.map(v => FA.el('tr', {},
        FA.el('td', {}, `第 ${v.version} 版`), FA.el('td', {}, v.documentNo), FA.el('td', {}, FA.dateTime(v.savedAt)),
        FA.el('td', {}, v.stage || '（尚未受理）'),
        FA.el('td', {}, v.savedBy), FA.el('td', {}, FA.el('button', { type: 'button', class: 'secondary', onclick: () => showChanges(v.version) },
          v.version === 1 ? '查看内容' : `与第 ${v.version - 1} 版比较`)))))));
}

async function showChanges(version) {
  const r = await FA.json('GET', `/api/cases/${encodeURIComponent(caseId)}/record/changes?from=${version - 1}&to=${version}`);
  $('changes').replaceChildren(FA.el('h3', {}, version === 1 ? '第 1 版的内容' : `第 ${version - 1} 版 → 第 ${version} 版 的变化（${r.changes.length} 处）`),
    FA.el('table', { class: 'changes' }, FA.el('thead', {}, FA.el('tr', {}, ['栏目', '原值', '新值'].map(h => FA.el('th', {}, h)))),
      FA.el('tbody', {}, r.changes.map(c => FA.el('tr', {}, FA.el('td', {}, pathLabel(c.path)), FA.el('td', {}, c.before ?? '—'), FA.el('td', {}, c.after ?? '—'))))));
}

async function save() {
  clearErrors();
  FA.show('message', '');
  const data = collect();
  try {
    const r = await FA.json('PUT', `/api/cases/${encodeURIComponent(caseId)}/record`, data);
    model = data;
    savedJson = JSON.stringify(data);
    FA.show('message', r.unchanged ? `没有改动，仍为第 ${r.version} 版。` : `已保存为第 ${r.version} 版（件号 ${r.documentNo}）。`, 'info');
    const record = await FA.json('GET', `/api/cases/${encodeURIComponent(caseId)}/record`);
    showState(record);
    return true;
  } catch (e) {
    if (e.problem?.errors) showErrors(e.problem.errors); else FA.show('message', e.message);
    return false;
  }
}

async function print(formId, button) {
  FA.show('print-message', '');
  if (JSON.stringify(collect()) !== savedJson && !(await save())) return;
  const title = $('form-select').querySelector(`option[value="${formId}"]`)?.dataset.title || '申请书';
  button.disabled = true;
  FA.show('print-message', `正在打印${title}…`, 'info');
  try {
    const r = await FA.json('POST', `/api/cases/${encodeURIComponent(caseId)}/record/print/${encodeURIComponent(formId)}`);
    FA.show('print-message', `已打印并归档：${r.title}（件号 ${r.documentNo}），据案件数据第 ${r.caseRecordVersion} 版。`, 'info');
    await FA.download(`/api/cases/${encodeURIComponent(caseId)}/documents/${r.documentNo}`, r.fileName);
  } catch (e) {
    if (e.problem?.missing) {
      FA.show('print-message', `打印${title}前还需填写 ${e.problem.missing.length} 项：`);
      $('missing-list').replaceChildren(...e.problem.missing.map(m => FA.el('li', {},
        FA.el('a', { href: '#', onclick: ev => { ev.preventDefault(); focusPath(m.path); } }, m.label))));
      $('missing-list').classList.remove('hidden');
      $('missing-list').querySelector('a')?.focus();
    } else FA.show('print-message', e.message);
  } finally { button.disabled = false; }
}

/** The page for an open case: its links, and the data saved in it. */
async function openCaseEntry() {
  $('case-id').textContent = caseId;
  $('clerk-link').href = $('back-link').href = `clerk.html?case=${encodeURIComponent(caseId)}`;
  await load();
}

document.addEventListener('DOMContentLoaded', async () => {
  $('entry-form').addEventListener('submit', e => { e.preventDefault(); if (caseId) save(); else createFromScans(); });
  $('print-button').addEventListener('click', () => print(APPLICATION_FORM, $('print-button')));
  $('print-other').addEventListener('click', () => print($('form-select').value, $('print-other')));
  $('fields').addEventListener('change', e => { if (/\.members\[\d+\]\.(name|id_number)$/.test(e.target.dataset.path || '')) flagMembers(); });
  // A whole number is judged as soon as it is typed: a flag appearing only when the field is left would move the
  // page under the pointer between press and release, and swallow the click that left it.
  $('fields').addEventListener('input', e => {
    if (/\.members\[\d+\]\.id_number$/.test(e.target.dataset.path || '') && [0, 18].includes(e.target.value.trim().length)) flagMembers();
  });
  $('advanced').addEventListener('toggle', () => { if ($('advanced').open) $('json-view').value = JSON.stringify(collect(), null, 2); });
  try {
    schema = await (await FA.request('GET', '/api/case-schema', null, 'application/schema+json')).json();
    if (caseId) await openCaseEntry(); else startIntake();
    const forms = await FA.json('GET', '/api/forms');
    $('form-select').replaceChildren(...forms.filter(f => f.id !== APPLICATION_FORM).map(f =>
      FA.el('option', { value: f.id, 'data-title': f.title }, `${f.title}（${f.jurisdiction_name || f.jurisdiction}）`)));
  } catch (e) { FA.show('message', e.message); }
});
