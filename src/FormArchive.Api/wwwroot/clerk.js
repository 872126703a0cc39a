// Clerk page: open/create a case, upload scans with per-file progress, review and correct scanned pages, checklist,
// print forms, open a 补充卷 of a sealed case.
'use strict';
let current = null; // the open case (CaseView)
let progress = null; // the open case's progress, as last shown
let termFields = []; // the fields of a 批准's terms, labelled (GET /api/approval-terms)
let dropContent = null; // the drop zone's own children, put back after showing a sealed case
const $ = id => document.getElementById(id);

async function openCase(caseId) {
  FA.show('open-message', '');
  try {
    current = await FA.json('GET', `/api/cases/${encodeURIComponent(caseId)}`);
  } catch (e) {
    FA.show('open-message', e.message);
    return;
  }
  $('open-id').value = current.caseId;
  history.replaceState(null, '', `?case=${encodeURIComponent(current.caseId)}`);
  $('case-area').classList.remove('hidden');
  $('uploads').replaceChildren();
  progress = null;
  renderCase();
  await Promise.all([loadChecklist(), loadPages(), loadProgress()]);
}

function renderCase() {
  $('case-summary').replaceChildren(FA.summary(current));
  $('entry-link').href = `case-entry.html?case=${encodeURIComponent(current.caseId)}`;
  $('directory').replaceChildren(FA.directoryTable(current.directory,
    d => FA.download(`/api/cases/${encodeURIComponent(current.caseId)}/documents/${d.no}`, d.fileName).catch(e => alert(e.message))));
  for (const b of [$('print-button'), $('notice-button'), $('drop')]) b.toggleAttribute('disabled', current.sealed || !!progress?.withCounty);
  // The drop zone keeps its own content (and file input) to come back to when the next case is open.
  dropContent ??= [...$('drop').childNodes];
  if (current.sealed) $('drop').replaceChildren('案件已封存，不能再上传。'); else $('drop').replaceChildren(...dropContent);
  $('supplement-row').classList.toggle('hidden', !current.sealed);
}

async function refreshCase() {
  current = await FA.json('GET', `/api/cases/${encodeURIComponent(current.caseId)}`);
  renderCase();
}

async function loadChecklist() {
  FA.show('checklist-message', '');
  try {
    const c = await FA.json('GET', `/api/cases/${encodeURIComponent(current.caseId)}/checklist`);
    $('checklist-state').textContent = c.complete ? '材料齐全' : '材料不全';
    $('checklist-state').className = 'badge ' + (c.complete ? 'open' : 'sealed');
    $('checklist').replaceChildren(...c.items.map(i => FA.el('li', { class: i.present ? 'ok' : 'bad', 'data-code': i.code },
      i.present ? '✔ ' : '✘ ', i.material, i.member ? `（${i.member}）` : '')));
  } catch (e) {
    FA.show('checklist-message', e.message);
  }
}

async function createCase(e) {
  e.preventDefault();
  const name = $('new-name').value.trim(), id = $('new-id').value.trim().toUpperCase();
  const members = $('new-members').value.split('\n').map(l => l.trim()).filter(Boolean).map(l => {
    const parts = l.split(/[\s,，]+/);
    return { name: parts[0], idNumber: (parts[1] || '').toUpperCase() };
  });
  if (!members.some(m => m.idNumber === id)) members.unshift({ name, idNumber: id });
  const body = { applicant: { name, idNumber: id }, village: $('new-village').value.trim(), categories: [$('new-category').value], members };
  if ($('new-case-id').value.trim()) body.fileNumber = $('new-case-id').value.trim();
  try {
    const created = await FA.json('POST', '/api/cases', body);
    $('create-form').classList.add('hidden');
    await openCase(created.caseId);
    FA.show('open-message', `已创建案件 ${created.caseId}`, 'info');
  } catch (err) {
    FA.show('open-message', err.message);
  }
}

// ---- who is signed in (GET /api/me): every step recorded here is signed in their name and post ----
let me = null;
async function loadMe() {
  try {
    me = await FA.json('GET', '/api/me');
  } catch (e) {
    $('me').textContent = '';
    return;
  }
  $('me').replaceChildren(FA.el('strong', {}, me.name), me.unit || me.post ? `（${[me.unit, me.post].filter(Boolean).join(' ')}）` : '');
  // A county's key: its desk is the county page, where the township's steps are not recorded.
  if (me.desk === 'county') {
    $('me').append(' ', FA.el('a', { href: 'county.html' }, '前往县级审批工作台'));
  }
}

// ---- 待办: the key's township; dates are China time as the service gives them ----
async function loadTodo() {
  FA.show('todo-message', '');
  const date = $('todo-date').value;
  try {
    const r = await FA.json('GET', '/api/todo' + (date ? `?date=${encodeURIComponent(date)}` : ''));
    $('todo-township').textContent = `${r.township} · ${r.today}（北京时间）`;
    const fill = (id, items) => {
      $(`${id}-count`).textContent = `${items.length} 项`;
      $(id).replaceChildren(...(items.length ? items.map(i => FA.el('div', { class: 'todo-item', 'data-case': i.caseId },
        FA.el('span', { class: 'due' }, i.due), i.what, ' · ',
        FA.el('a', { onclick: () => openCase(i.caseId) }, i.fileNumber || i.caseId), ' ', i.applicantName,
        i.village ? `（${i.village}）` : '', FA.el('div', { class: 'muted' }, `阶段：${i.stageLabel}`),
        i.supply && i.supply.length ? FA.el('div', { class: 'warn' }, `县（区）退回补正：${i.supply.join('、')}`) : ''))
        : [FA.el('div', { class: 'muted' }, '无')]));
    };
    const returned = r.returned || [];
    $('todo-returned').classList.toggle('hidden', returned.length === 0);
    $('todo-returned-count').textContent = `${returned.length} 件`;
    $('todo-returned-list').replaceChildren(...returned.map(i => FA.el('div', { class: 'todo-item', 'data-case': i.caseId },
      FA.el('span', { class: 'due' }, i.returnedOn), '退回补正 · ',
      FA.el('a', { onclick: () => openCase(i.caseId) }, i.fileNumber || i.caseId), ' ', i.applicantName, i.village ? `（${i.village}）` : '',
      FA.el('div', {}, '需补正：', i.supply.join('、')), i.returnedBy ? FA.el('div', { class: 'muted' }, `退回人：${i.returnedBy}`) : '')));
    fill('todo-overdue', r.overdue);
    fill('todo-today', r.dueToday);
    fill('todo-soon', r.dueWithin3WorkingDays);
    if (r.problems.length) FA.show('todo-message', r.problems.join('\n'));
  } catch (e) {
    FA.show('todo-message', e.message);
  }
}

// ---- 定期复核名单: the key's township, one month; printed on its own ----
async function loadReviewList() {
  FA.show('review-message', '');
  const month = $('review-month').value;
  try {
    const r = await FA.json('GET', '/api/review-list' + (month ? `?month=${encodeURIComponent(month)}` : ''));
    const [y, m] = r.month.split('-');
    $('review-title').textContent = `${r.township} ${y}年${Number(m)}月 · ${r.entries.length} 户`;
    $('review-list').replaceChildren(r.entries.length ? FA.el('table', { id: 'review-table' },
      FA.el('thead', {}, FA.el('tr', {}, ['序号', '案卷号', '申请人', '村（社区）', '救助类别', '上次核查', '应复核日期'].map(h => FA.el('th', {}, h)))),
      FA.el('tbody', {}, r.entries.map((e, i) => FA.el('tr', { 'data-case': e.caseId, class: e.overdue ? 'overdue' : '' },
        FA.el('td', {}, i + 1), FA.el('td', {}, e.fileNumber || e.caseId), FA.el('td', {}, e.applicantName), FA.el('td', {}, e.village),
        FA.el('td', {}, e.categories.join('、')), FA.el('td', {}, e.lastChecked), FA.el('td', {}, e.due + (e.overdue ? '（已逾期）' : ''))))))
      : FA.el('p', { class: 'muted' }, '本月没有需要定期复核的家庭。'));
    if (r.problems.length) FA.show('review-message', r.problems.join('\n'));
  } catch (e) {
    FA.show('review-message', e.message);
  }
}

function printReviewList() {
  document.body.classList.add('print-review');
  window.print();
}

// ---- 办理进度: stage, deadlines, timeline; record a step ----
async function loadProgress() {
  FA.show('progress-message', '');
  try {
    showProgress(await FA.json('GET', `/api/cases/${encodeURIComponent(current.caseId)}/progress`));
  } catch (e) {
    progress = null;
    $('progress-stage').textContent = '';
    $('progress-deadlines').replaceChildren();
    $('progress-timeline').replaceChildren();
    FA.show('progress-message', e.message);
  }
  $('event-form').querySelector('button').toggleAttribute('disabled', current.sealed || !!progress?.withCounty);
}

function showProgress(p) {
  progress = p;
  $('progress-stage').textContent = p.stageLabel || '尚未受理';
  $('progress-deadlines').replaceChildren(p.deadlines.length ? FA.deadlineTable(p.deadlines) : FA.el('p', { class: 'muted' }, '尚无期限：请先记录“受理”。'));
  $('progress-timeline').replaceChildren(FA.timeline(p.timeline, termFields));
  if (p.warnings.length) FA.show('progress-message', p.warnings.join('\n'), 'info');
  showCountyState(p);
}

/**
 * Where the county stands on the case: submitted and not yet returned or decided, the file is the county's and frozen
 * for the township (nothing recorded, scanned or printed into it); returned for 补正, what the county asks for, with
 * the 补充材料一次性告知书 to print for the applicant.
 */
function showCountyState(p) {
  const box = $('county-state');
  const last = what => [...p.timeline].reverse().find(t => t.what === what);
  if (p.withCounty) {
    const sent = last('报送审批');
    box.className = 'county-state frozen';
    box.replaceChildren(FA.el('strong', {}, '已报送县（区）民政局审批，电子档案冻结'),
      FA.el('p', {}, `本案已于 ${sent ? sent.date : ''} 报送审批${sent && sent.signedBy ? `（${sent.signedBy}）` : ''}。`
        + '县（区）民政局只依据电子档案审批：在其退回补正，或作出审核确认并经其负责人审签之前，乡镇（街道）不能记录办理环节、上传或打印材料。'));
  } else if (p.supply && p.supply.length) {
    const back = last('退回补正');
    box.className = 'county-state returned';
    box.replaceChildren(FA.el('strong', {}, `县（区）民政局退回补正${back ? `（${back.date}，${back.signedBy || back.actor}）` : ''}`),
      FA.el('p', {}, '请向申请人一次性告知需补充的材料，补齐后重新报送审批：'),
      FA.el('ul', { class: 'supply' }, p.supply.map(i => FA.el('li', {}, i))),
      FA.el('button', { type: 'button', id: 'returned-notice', class: 'secondary', onclick: () => supplementNotice('progress-message') }, '打印补充材料一次性告知书'));
  } else {
    box.className = 'hidden';
    box.replaceChildren();
  }
  const frozen = current.sealed || !!p.withCounty;
  for (const b of [$('print-button'), $('notice-button'), $('drop'), $('event-form').querySelector('button')]) b.toggleAttribute('disabled', frozen);
}

// The forms each step may print, as the service's rule says (GET /api/step-forms); loaded once.
let stepForms = null;
async function loadStepForms() {
  try {
    stepForms = await FA.json('GET', '/api/step-forms');
  } catch (e) {
    stepForms = [];
  }
  showStepForms();
}

function showStepForms() {
  const step = (stepForms || []).find(s => s.kind === $('event-kind').value);
  const forms = step ? step.forms : [];
  $('event-print-form').replaceChildren(FA.el('option', { value: '' }, forms.length ? '不打印' : '该环节不打印表格'),
    ...forms.map(f => FA.el('option', { value: f.id }, f.title)));
  $('event-print-form').toggleAttribute('disabled', forms.length === 0);
}

async function recordEvent(e) {
  e.preventDefault();
  const body = { kind: $('event-kind').value };
  if ($('event-date').value) body.date = $('event-date').value;
  if ($('event-outcome').value) body.outcome = $('event-outcome').value;
  if ($('event-reason').value.trim()) body.reason = $('event-reason').value.trim();
  body.staff = $('event-staff').value.split(/[、,，\s]+/).map(s => s.trim()).filter(Boolean);
  if ($('event-print-form').value) body.printForm = $('event-print-form').value;
  try {
    const answer = await FA.json('POST', `/api/cases/${encodeURIComponent(current.caseId)}/events`, body);
    // With a form printed at the step the answer is the filed form with the progress after the step.
    showProgress(answer.progress ?? answer);
    FA.show('progress-message', answer.form ? `已记录，并归档第 ${answer.form.no} 件：${answer.form.title}` : '已记录', 'info');
    if (answer.form) {
      $('event-print-form').value = ''; // printed once: the next step prints only when chosen again
      await refreshCase();
    }
    loadTodo();
  } catch (err) {
    FA.showProblem('progress-message', err);
  }
}

// ---- uploads: one request per file so each has its own progress bar ----
function uploadFiles(files) {
  if (!current || current.sealed || progress?.withCounty) return;
  const queue = [...files].map(f => ({ file: f, box: uploadBox(f) }));
  (async () => {
    for (const item of queue) await uploadOne(item.file, item.box);
    await refreshCase();
    await Promise.all([loadChecklist(), loadPages()]);
  })();
}

function uploadBox(file) {
  const progress = FA.el('progress', { max: 100, value: 0 });
  const status = FA.el('span', { class: 'status muted' }, '等待上传');
  const pages = FA.el('div', { class: 'pages' });
  const box = FA.el('div', { class: 'upload', 'data-file': file.name },
    FA.el('div', {}, FA.el('span', { class: 'name' }, file.name), ' ', FA.el('span', { class: 'muted' }, FA.size(file.size)), progress, status), pages);
  $('uploads').prepend(box);
  return { box, progress, status, pages };
}

async function uploadOne(file, ui) {
  await FA.ensureKey();
  const form = new FormData();
  form.append('files', file, file.name);
  if ($('hint').value) form.append('hint', $('hint').value);
  const xhr = new XMLHttpRequest();
  const done = new Promise(resolve => { xhr.onloadend = resolve; });
  xhr.open('POST', `/api/cases/${encodeURIComponent(current.caseId)}/scans`);
  xhr.setRequestHeader('X-Api-Key', FA.key());
  xhr.setRequestHeader('Accept', 'application/json');
  xhr.upload.onprogress = e => {
    if (!e.lengthComputable) return;
    ui.progress.value = Math.round(e.loaded * 100 / e.total);
    ui.status.textContent = `上传中 ${ui.progress.value}%`;
  };
  xhr.upload.onload = () => { ui.progress.value = 100; ui.status.textContent = '已上传，正在识别…'; };
  xhr.send(form);
  await done;
  if (xhr.status === 200) {
    const result = JSON.parse(xhr.responseText);
    ui.status.textContent = '已识别并归档';
    ui.status.className = 'status ok';
    for (const f of result.files) showResult(f, ui);
  } else {
    ui.progress.classList.add('hidden');
    let text = xhr.status === 0 ? '网络错误，上传中断' : `${FA.statusText(xhr.status)}`;
    try { const p = JSON.parse(xhr.responseText); if (p.detail) text += `：${p.detail}`; } catch { /* not JSON */ }
    ui.status.textContent = text;
    ui.status.className = 'status bad';
    if (xhr.status === 401) FA.askKey('访问密钥无效或已吊销，请重新输入后再上传。');
  }
}

function showResult(file, ui) {
  const caseId = encodeURIComponent(current.caseId);
  for (const p of file.pages) {
    const ids = p.idNumbers.length === 0 ? [FA.el('span', { class: 'muted' }, '未识别到身份证号')]
      : p.idNumbers.map(i => FA.el('div', { class: 'id-number' },
          FA.el('span', { class: i.valid ? '' : 'bad' }, i.masked), ' ',
          i.matchedMember ? FA.el('span', { class: 'ok member' }, `✔ 匹配家庭成员：${i.matchedMember}`)
            : FA.el('span', { class: 'warn' }, i.valid ? '未匹配到家庭成员' : `号码无效${i.problem ? '：' + i.problem : ''}`)));
    const thumb = FA.thumbnail(current.caseId, file.documents.searchablePdf, p.page, `${file.file} 第 ${p.page} 页`, FA.outlineOf(p));
    const pdfLink = FA.el('a', { href: '#', onclick: e => { e.preventDefault(); FA.open(`/api/cases/${caseId}/documents/${file.documents.searchablePdf}`).catch(x => alert(x.message)); } }, '查看可检索 PDF');
    ui.pages.append(FA.el('div', { class: 'page' }, thumb,
      FA.el('dl', {},
        FA.el('dt', {}, '页'), FA.el('dd', {}, `第 ${p.page} 页`),
        FA.el('dt', {}, '材料类型'), FA.el('dd', { class: 'type' }, p.title || FA.TYPES[p.type] || p.type,
          p.classifiedAs && p.classifiedAs !== p.type ? FA.el('span', { class: 'muted' }, `（自动识别为 ${FA.TYPES[p.classifiedAs] || p.classifiedAs}）`) : ''),
        FA.el('dt', {}, '身份证号'), FA.el('dd', {}, ids),
        FA.cardBackNote(p),
        FA.el('dt', {}, '识别置信度'), FA.el('dd', {}, p.ocrConfidence != null ? `${Math.round(p.ocrConfidence * (p.ocrConfidence <= 1 ? 100 : 1))}%` : '—',
          p.deskewDegrees ? FA.el('span', { class: 'muted' }, `，纠偏 ${p.deskewDegrees}°`) : ''),
        FA.el('dt', {}, '提示'), FA.el('dd', {}, p.warnings.length ? p.warnings.map(w => FA.el('div', { class: 'warn' }, w)) : FA.el('span', { class: 'muted' }, '无')),
        FA.el('dt', {}, '归档'), FA.el('dd', {}, `件号 ${file.documents.original}（原件）、${file.documents.searchablePdf}（PDF）、${file.documents.ingestResult}（识别结果） `, pdfLink))));
  }
}

// ---- page review: effective type and member of every scanned page, corrected as new records ----
async function loadPages() {
  FA.show('pages-message', '');
  try {
    const view = await FA.json('GET', `/api/cases/${encodeURIComponent(current.caseId)}/pages`);
    FA.releaseThumbnails($('pages'));
    $('pages-state').textContent = view.pages.length ? `共 ${view.pages.length} 页` : '尚无扫描件';
    $('pages').replaceChildren(...view.pages.map(p => reviewRow(p, view.members)));
  } catch (e) {
    FA.show('pages-message', e.message);
  }
}

function reviewRow(p, members) {
  const locked = current.sealed;
  const type = FA.el('select', { class: 'type', 'aria-label': '材料类型', disabled: locked },
    Object.entries(FA.TYPES).map(([value, label]) => FA.el('option', { value, selected: value === p.type }, label)));
  // A member correction is for one ID number: the only one, or the one chosen where the page shows several.
  const idChoice = FA.el('select', { class: 'id-choice', 'aria-label': '身份证号', disabled: locked },
    p.idNumbers.map((i, n) => FA.el('option', { value: n }, i.masked)));
  const member = FA.el('select', { class: 'member', 'aria-label': '家庭成员', disabled: locked },
    FA.el('option', { value: '' }, '（未匹配）'), members.map(m => FA.el('option', { value: m.name }, `${m.name}（${m.idNumberMasked}）`)));
  const matched = () => p.idNumbers[Number(idChoice.value || 0)]?.matchedMember || '';
  member.value = matched();
  idChoice.addEventListener('change', () => { member.value = matched(); });
  const reason = FA.el('input', { class: 'reason', placeholder: '更正原因（可不填）', maxlength: 500, disabled: locked });
  const status = FA.el('span', { class: 'status muted' });
  const button = FA.el('button', { type: 'button', class: 'secondary', disabled: locked }, '更正');
  button.addEventListener('click', () => correct(p, { type, idChoice, member, reason, status, button }));

  const ids = p.idNumbers.length === 0 ? FA.el('span', { class: 'muted' }, '未识别到身份证号')
    : p.idNumbers.map(i => FA.el('div', { class: 'id-number' },
        FA.el('span', { class: i.valid ? '' : 'bad' }, i.masked), ' ',
        i.matchedMember ? FA.el('span', { class: 'ok' }, `✔ ${i.matchedMember}`) : FA.el('span', { class: 'warn' }, i.valid ? '未匹配到家庭成员' : '号码无效'),
        i.readAs ? FA.el('span', { class: 'muted' }, `（原识别为 ${i.readAs}）`) : ''));
  return FA.el('div', { class: 'page review', 'data-pdf': p.documents.searchablePdf, 'data-page': p.page },
    FA.thumbnail(current.caseId, p.documents.searchablePdf, p.page, `${p.file} 第 ${p.page} 页`, FA.outlineOf(p)),
    FA.el('dl', {},
      FA.el('dt', {}, '文件'), FA.el('dd', {}, `${p.file} 第 ${p.page} 页`,
        FA.el('span', { class: 'muted' }, `（件号 ${p.documents.searchablePdf ?? '—'}，识别结果 ${p.documents.ingestResult}）`),
        p.corrected ? FA.el('span', { class: 'badge corrected' }, `已更正（件号 ${p.corrections.join('、')}）`) : ''),
      FA.el('dt', {}, '材料类型'), FA.el('dd', {}, type,
        p.classifiedAs !== p.type ? FA.el('span', { class: 'muted' }, ` 自动识别为 ${FA.TYPES[p.classifiedAs] || p.classifiedAs}`) : ''),
      FA.el('dt', {}, '身份证号'), FA.el('dd', {}, ids),
      FA.el('dt', {}, '家庭成员'), FA.el('dd', {}, p.idNumbers.length > 1 ? [idChoice, ' '] : '', member),
      FA.cardBackNote(p),
      FA.el('dt', {}, '更正'), FA.el('dd', { class: 'row' }, reason, button, status),
      p.warnings.length ? [FA.el('dt', {}, '提示'), FA.el('dd', {}, p.warnings.map(w => FA.el('div', { class: 'warn' }, w)))] : []));
}

async function correct(p, ui) {
  const body = { document: p.documents.ingestResult, page: p.page };
  if (ui.type.value !== p.type) body.type = ui.type.value;
  const chosen = p.idNumbers[Number(ui.idChoice.value || 0)];
  if (ui.member.value && ui.member.value !== (chosen?.matchedMember || '')) {
    body.member = ui.member.value;
    if (chosen) body.idNumber = chosen.masked;
  }
  if (!body.type && !body.member) { ui.status.textContent = '未作更改'; ui.status.className = 'status muted'; return; }
  if (ui.reason.value.trim()) body.reason = ui.reason.value.trim();
  ui.button.disabled = true;
  try {
    await FA.json('POST', `/api/cases/${encodeURIComponent(current.caseId)}/pages/corrections`, body);
    await Promise.all([loadPages(), loadChecklist(), refreshCase()]);
  } catch (e) {
    ui.status.textContent = e.message;
    ui.status.className = 'status bad';
    ui.button.disabled = current.sealed;
  }
}

async function openSupplement() {
  FA.show('supplement-message', '');
  try {
    const volume = await FA.json('POST', `/api/cases/${encodeURIComponent(current.caseId)}/supplement-volume`);
    await openCase(volume.caseId);
    FA.show('supplement-message', `已开立补充卷 ${volume.caseId}，请在此卷上传补充材料。`, 'info');
  } catch (e) {
    // Already one open: go to it rather than opening another.
    if (e.problem?.openVolume) {
      await openCase(e.problem.openVolume);
      FA.show('supplement-message', `补充卷 ${e.problem.openVolume} 尚在办理中，已打开该卷。`, 'info');
    } else {
      FA.show('supplement-message', e.message);
    }
  }
}

async function loadForms() {
  try {
    const forms = await (await fetch('/api/forms')).json();
    $('form-select').replaceChildren(...forms.map(f => FA.el('option', { value: f.id }, `${f.title}（${f.jurisdiction_name || f.jurisdiction}）`)));
  } catch { /* the list stays empty */ }
}

async function printForm() {
  FA.show('print-message', '');
  const id = $('form-select').value;
  if (!id) return;
  $('print-button').disabled = true;
  try {
    const data = $('form-data').value.trim();
    const entry = await FA.json('POST', `/api/cases/${encodeURIComponent(current.caseId)}/forms/${encodeURIComponent(id)}`, data || '');
    FA.show('print-message', `已归档：件号 ${entry.no}《${entry.title}》`, 'info');
    await refreshCase();
    await FA.open(`/api/cases/${encodeURIComponent(current.caseId)}/documents/${entry.no}`);
  } catch (e) {
    FA.show('print-message', e.message);
  } finally {
    $('print-button').disabled = current.sealed;
  }
}

/** The 补充材料一次性告知书 (what the checklist misses and what the county's 退回补正 asks for), filed and downloaded. */
async function supplementNotice(messageId = 'checklist-message') {
  FA.show(messageId, '');
  try {
    await FA.download(`/api/cases/${encodeURIComponent(current.caseId)}/supplement-notice`, '补充材料一次性告知书.pdf', 'POST');
    await refreshCase();
    FA.show(messageId, '已生成并归档补充材料一次性告知书。', 'info');
  } catch (e) {
    FA.show(messageId, e.message, e.status === 409 ? 'info' : 'error');
  }
}

document.addEventListener('DOMContentLoaded', async () => {
  $('open-form').addEventListener('submit', e => { e.preventDefault(); openCase($('open-id').value.trim()); });
  $('new-toggle').addEventListener('click', () => $('create-form').classList.toggle('hidden'));
  $('create-form').addEventListener('submit', createCase);
  const drop = $('drop'), input = $('file-input');
  drop.addEventListener('click', () => { if (!drop.hasAttribute('disabled')) input.click(); });
  drop.addEventListener('keydown', e => { if (e.key === 'Enter' || e.key === ' ') input.click(); });
  input.addEventListener('change', () => { uploadFiles(input.files); input.value = ''; });
  drop.addEventListener('dragover', e => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', e => { e.preventDefault(); drop.classList.remove('over'); uploadFiles(e.dataTransfer.files); });
  $('print-button').addEventListener('click', printForm);
  $('notice-button').addEventListener('click', () => supplementNotice());
  $('supplement-button').addEventListener('click', openSupplement);
  $('todo-form').addEventListener('submit', e => { e.preventDefault(); loadTodo(); });
  $('event-form').addEventListener('submit', recordEvent);
  $('event-kind').addEventListener('change', showStepForms);
  $('review-form').addEventListener('submit', e => { e.preventDefault(); loadReviewList(); });
  $('review-print').addEventListener('click', printReviewList);
  window.addEventListener('afterprint', () => document.body.classList.remove('print-review'));
  loadForms();
  await FA.ensureKey();
  loadMe();
  FA.termFields().then(f => { termFields = f; if (progress) showProgress(progress); });
  loadTodo();
  loadStepForms();
  const fromUrl = new URLSearchParams(location.search).get('case');
  if (fromUrl) openCase(fromUrl);
});
