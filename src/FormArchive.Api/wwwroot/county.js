// County desk (县级审批工作台): the queue of cases the county's townships submitted, a case's electronic file read
// only (case data, documents, scans with masked ID numbers, checklist, the township's opinions and who signed them,
// the timeline), and the county's decision: 批准 with the terms its categories print, 不予批准 with the reason, 退回补正
// with the items to supply, and its 负责人's countersign.
'use strict';
const $ = id => document.getElementById(id);
let me = null;          // who the key stands for (GET /api/me)
let queue = null;       // the queue as last loaded
let current = null;     // the open case (CaseView)
let progress = null;    // its progress (stage, deadlines, timeline with signers)
let termFields = [];    // the fields of a 批准's terms, labelled as the forms print them
let schema = null;      // the case data's schema, for its labels
const caseUrl = (path = '') => `/api/cases/${encodeURIComponent(current.caseId)}${path}`;

// ---- who is signed in ----
async function loadMe() {
  try {
    me = await FA.json('GET', '/api/me');
  } catch (e) {
    FA.show('queue-message', e.message);
    return;
  }
  $('me').replaceChildren(FA.el('strong', {}, me.name), me.unit || me.post ? `（${[me.unit, me.post].filter(Boolean).join(' ')}）` : '');
  if (me.desk !== 'county')
    FA.show('queue-message', `${me.name}的密钥不属于县（区）民政局：县级审批工作台供县（区）民政局的经办人和负责人使用。`
      + (me.desk === 'township' ? '乡镇（街道）的工作请在经办人工作台办理。' : ''));
}

// ---- the queue: oldest deadline first, overdue and due within 3 working days marked ----
async function loadQueue() {
  if (me && me.desk !== 'county') return;
  FA.show('queue-message', '');
  const q = new URLSearchParams();
  for (const [key, id] of [['township', 'q-township'], ['category', 'q-category'], ['date', 'q-date']]) if ($(id).value) q.set(key, $(id).value);
  try {
    queue = await FA.json('GET', '/api/county/queue' + (q.size ? `?${q}` : ''));
  } catch (e) {
    FA.show('queue-message', e.message);
    return;
  }
  $('queue-title').textContent = `${queue.bureau} · ${queue.today}（北京时间） · ${queue.lines.length} 件`;
  const townships = $('q-township');
  if (townships.options.length === 1) townships.append(...queue.townships.map(t => FA.el('option', { value: t }, t)));
  $('queue').replaceChildren(queue.lines.length ? queueTable(queue.lines)
    : FA.el('p', { class: 'muted' }, '没有待审批的案件。'));
  if (queue.problems.length) FA.show('queue-message', queue.problems.join('\n'));
  if (current) showDecision();
}

function queueTable(lines) {
  const heads = ['审批期限', '申请人', '乡镇（街道）', '村（社区）', '救助类别', '报送日期', '待办', ''];
  const cell = (i, ...content) => FA.el('td', { 'data-label': heads[i] }, ...content);
  return FA.el('table', { id: 'queue-table', class: 'queue' },
    FA.el('thead', {}, FA.el('tr', {}, heads.map(h => FA.el('th', {}, h)))),
    FA.el('tbody', {}, lines.map(l => FA.el('tr', {
      'data-case': l.caseId, class: [l.overdue && 'overdue', l.dueSoon && 'due-soon', current?.caseId === l.caseId && 'open'].filter(Boolean).join(' '),
    },
    cell(0, FA.el('span', { class: 'due' }, l.due || '—'),
      l.overdue ? FA.el('span', { class: 'badge late' }, '已逾期') : l.dueSoon ? FA.el('span', { class: 'badge soon' }, '3个工作日内到期') : '',
      l.basis ? FA.el('div', { class: 'muted basis' }, `${l.dueWhat}：${l.basis}`) : ''),
    cell(1, FA.el('strong', {}, l.applicantName), FA.el('div', { class: 'muted' }, l.fileNumber || l.caseId),
      l.warnings.map(w => FA.el('div', { class: 'warn' }, w))),
    cell(2, l.township), cell(3, l.village || '—'), cell(4, l.categories.join('、')), cell(5, l.submitted),
    cell(6, FA.el('span', { class: 'badge awaiting' }, l.awaiting)),
    cell(7, FA.el('button', { type: 'button', class: 'secondary', onclick: () => openCase(l.caseId) }, '打开'))))));
}

// ---- one case, read only ----
async function openCase(caseId) {
  FA.show('case-message', '');
  FA.show('decision-message', '');
  try {
    current = await FA.json('GET', `/api/cases/${encodeURIComponent(caseId)}`);
  } catch (e) {
    FA.show('queue-message', e.message);
    return;
  }
  history.replaceState(null, '', `?case=${encodeURIComponent(current.caseId)}`);
  $('case-area').classList.remove('hidden');
  for (const row of document.querySelectorAll('#queue-table tbody tr')) row.classList.toggle('open', row.dataset.case === current.caseId);
  $('case-title').textContent = `${current.applicantName} · ${current.township}${current.village ? ' ' + current.village : ''}`;
  $('case-summary').replaceChildren(FA.summary(current));
  $('directory').replaceChildren(FA.directoryTable(current.directory,
    d => FA.download(caseUrl(`/documents/${d.no}`), d.fileName).catch(e => FA.show('case-message', e.message)),
    d => FA.open(caseUrl(`/documents/${d.no}`)).catch(e => FA.show('case-message', e.message))));
  showVerification(current.verification);
  await Promise.all([loadProgress(), loadRecord(), loadPages(), loadChecklist()]);
  $('case-head').scrollIntoView({ block: 'start' });
}

async function loadProgress() {
  try {
    progress = await FA.json('GET', caseUrl('/progress'));
  } catch (e) {
    progress = null;
    FA.show('case-message', e.message);
    return;
  }
  $('case-stage').textContent = progress.withCounty ? `待县（区）${awaiting()}` : progress.stageLabel || '';
  $('deadlines').replaceChildren(progress.deadlines.length ? FA.deadlineTable(progress.deadlines) : '');
  $('timeline').replaceChildren(FA.timeline(progress.timeline, termFields));
  showOpinions();
  showDecision();
}

/** What the county has to do on the open case: the queue's word for it, else read from the case's stage. */
function awaiting() {
  const line = queue?.lines.find(l => l.caseId === current.caseId);
  if (line) return line.awaiting;
  return progress?.stageLabel === '审核确认' ? '负责人审签' : '审核确认';
}

// The township's opinions and who signed them, and the 公示 period: what the county decides on.
function showOpinions() {
  const p = progress;
  const rows = [];
  if (p.publicityStart) rows.push(['公示期', `${p.publicityStart} 至 ${p.publicityEnd}`]);
  const signed = t => [t.outcome ? `${t.outcome} · ` : '', FA.el('span', { class: 'signer' }, t.signedBy || t.actor), ` · ${t.date}`,
    t.documents && t.documents.length ? [' · ', ...t.documents.map(no => docLink(no))] : ''];
  for (const t of p.timeline) {
    const own = t.signedBy ? t.signedBy.startsWith(p.township) : !['审核确认', '退回补正'].includes(t.what);
    if (own && ['初审意见', '负责人审签', '报送审批'].includes(t.what)) rows.push([t.what === '负责人审签' ? '乡镇负责人审签' : t.what, signed(t)]);
    if (!own && ['审核确认', '退回补正', '负责人审签'].includes(t.what))
      rows.push([t.what === '负责人审签' ? '县级负责人审签' : `县级${t.what}`, [signed(t),
        t.terms ? FA.el('div', {}, FA.termsText(t.terms, termFields)) : '', t.supply && t.supply.length ? FA.el('div', {}, `需补正：${t.supply.join('、')}`) : '',
        t.reason ? FA.el('div', {}, `理由：${t.reason}`) : '']]);
  }
  $('opinions').replaceChildren(rows.length ? FA.el('dl', { class: 'facts' }, rows.map(([k, v]) => [FA.el('dt', {}, k), FA.el('dd', {}, v)]))
    : FA.el('p', { class: 'muted' }, '尚无乡镇（街道）意见。'));
}

function docLink(no) {
  const d = current.directory.find(x => x.no === no);
  return FA.el('a', { href: '#', onclick: e => { e.preventDefault(); FA.open(caseUrl(`/documents/${no}`)).catch(x => FA.show('case-message', x.message)); } },
    d ? `第 ${no} 件 ${d.title}` : `第 ${no} 件`);
}

// ---- case data: household and economic situation, labelled from the case schema, ID numbers masked ----
async function loadRecord() {
  try {
    schema ??= await (await FA.request('GET', '/api/case-schema', null, 'application/schema+json')).json();
    const record = await FA.json('GET', caseUrl('/record'));
    $('record-version').textContent = record.version ? `案件数据第 ${record.version} 版` : '乡镇尚未保存案件数据（据立案时的登记）';
    $('household').replaceChildren(...household(record.data || {}));
  } catch (e) {
    $('household').replaceChildren(FA.el('p', { class: 'bad' }, e.message));
  }
}

const resolve = s => CaseLabels.resolve(schema, s);
const propsOf = name => resolve(schema.definitions[name] || {}).properties || {};
const labelOf = (props, key) => CaseLabels.label(resolve(props[key] || {}), key);

function show(value, key) {
  if (value === null || value === undefined || value === '') return '—';
  if (key === 'id_number') return FA.maskId(value);
  if (Array.isArray(value)) return value.join('、');
  if (typeof value === 'boolean') return value ? '是' : '否';
  return String(value);
}

function household(data) {
  const top = schema.properties;
  const applicant = data.applicant || {};
  const ap = propsOf('applicant');
  // The applicant's facts the township filled in (name and ID number always), then the household's.
  const person = ['name', 'id_number', 'sex', 'ethnicity', 'birth_date', 'hukou_address', 'residence_address']
    .filter(k => ap[k] && (['name', 'id_number'].includes(k) || applicant[k])).map(k => [labelOf(ap, k), show(applicant[k], k)]);
  const home = ['household_size', 'categories', 'relatives_in_office'].filter(k => top[k]).map(k => [labelOf(top, k), show(data[k], k)]);
  const facts = rows => FA.el('dl', { class: 'facts' }, rows.map(([k, v]) => [FA.el('dt', {}, k), FA.el('dd', {}, v)]));
  const long = ['economic_status', 'hardship_reason'].filter(k => top[k] && data[k]);
  return [
    FA.el('h3', { class: 'first' }, labelOf(top, 'applicant')), facts(person),
    FA.el('h3', {}, '家庭'), facts(home),
    ...long.map(k => FA.el('div', { class: 'long-text' }, FA.el('h3', {}, labelOf(top, k)), FA.el('p', {}, data[k]))),
    people('members', data.members, propsOf('member'),
      ['name', 'relationship', 'sex', 'marital_status', 'health_status', 'occupation_status', 'annual_income', 'annual_rigid_expense', 'id_number']),
    people('supporters', data.supporters, propsOf('supporter'),
      ['name', 'relationship', 'marital_status', 'health_status', 'occupation_status', 'annual_income', 'annual_support', 'id_number']),
  ];
}

function people(key, rows, props, keys) {
  if (!rows || !rows.length) return '';
  const cols = keys.filter(k => props[k]);
  return FA.el('div', { class: 'people' }, FA.el('h3', {}, labelOf(schema.properties, key)),
    FA.el('div', { class: 'scroll' }, FA.el('table', {},
      FA.el('thead', {}, FA.el('tr', {}, cols.map(k => FA.el('th', {}, labelOf(props, k))))),
      FA.el('tbody', {}, rows.map(r => FA.el('tr', {}, cols.map(k => FA.el('td', { class: k === 'id_number' ? 'id' : '' }, show(r[k], k)))))))));
}

// ---- 家庭经济状况核对: the 核对机构's result, once it is filed with the case ----
function showVerification(v) {
  if (!v || !v.current) {
    $('verification').replaceChildren(FA.el('p', { class: 'muted placeholder' },
      '本案尚无核对机构报来的家庭经济状况核对结果。核对结果接入后在此显示（核对机构、核对日期、收入与财产等核对项目）；'
      + '在此之前请阅看卷内目录中乡镇归档的核对材料。'));
    return;
  }
  const r = v.current;
  $('verification').replaceChildren(
    FA.el('dl', { class: 'facts' }, [['核对机构', r.agency], ['报告编号', r.reportNumber], ['核对日期', r.checkedOn]]
      .filter(([, x]) => x).map(([k, x]) => [FA.el('dt', {}, k), FA.el('dd', {}, x)]),
    (r.summary || []).map(x => [FA.el('dt', {}, x.label), FA.el('dd', {}, x.value)])),
    ...(r.sections || []).map(s => FA.el('div', { class: 'people' }, FA.el('h3', {}, s.label), s.rows.length
      ? FA.el('div', { class: 'scroll' }, FA.el('table', {}, FA.el('thead', {}, FA.el('tr', {}, s.columns.map(c => FA.el('th', {}, c.label)))),
        FA.el('tbody', {}, s.rows.map(row => FA.el('tr', {}, s.columns.map(c => FA.el('td', {}, row[c.field] ?? '')))))))
      : FA.el('p', { class: 'muted' }, '经核对无记录。'))),
    r.householdNotChecked && r.householdNotChecked.length
      ? FA.el('p', { class: 'warn' }, `未核对的家庭成员：${r.householdNotChecked.join('、')}`) : '');
}

// ---- scans: their read ID numbers (masked), the members they match, expired cards ----
async function loadPages() {
  try {
    const view = await FA.json('GET', caseUrl('/pages'));
    FA.releaseThumbnails($('pages'));
    $('pages-state').textContent = view.pages.length ? `共 ${view.pages.length} 页` : '尚无扫描件';
    const expired = view.pages.filter(p => p.cardBack && p.cardBack.expired);
    $('expired-cards').replaceChildren(expired.length
      ? FA.el('p', { class: 'message error' }, `证件已过期 ${expired.length} 张：`,
        expired.map(p => `${p.idNumbers.find(i => i.matchedMember)?.matchedMember || p.file}（有效期限 ${p.cardBack.validity}）`).join('；'))
      : '');
    $('pages').replaceChildren(...view.pages.map(scanRow));
  } catch (e) {
    $('pages').replaceChildren(FA.el('p', { class: 'bad' }, e.message));
  }
}

function scanRow(p) {
  const ids = p.idNumbers.length === 0 ? FA.el('span', { class: 'muted' }, '未识别到身份证号')
    : p.idNumbers.map(i => FA.el('div', { class: 'id-number' },
        FA.el('span', { class: i.valid ? '' : 'bad' }, i.masked), ' ',
        i.matchedMember ? FA.el('span', { class: 'ok' }, `✔ ${i.matchedMember}`)
          : FA.el('span', { class: 'warn' }, i.valid ? '未匹配到家庭成员' : '号码无效'),
        i.corrected ? FA.el('span', { class: 'muted' }, '（乡镇已更正）') : ''));
  const pdf = p.documents.searchablePdf;
  return FA.el('div', { class: 'page', 'data-pdf': pdf, 'data-page': p.page },
    FA.thumbnail(current.caseId, pdf, p.page, `${p.title} 第 ${p.page} 页`, FA.outlineOf(p)),
    FA.el('dl', {},
      FA.el('dt', {}, '材料类型'), FA.el('dd', { class: 'type' }, p.title),
      FA.el('dt', {}, '文件'), FA.el('dd', {}, `${p.file} 第 ${p.page} 页 `, pdf ? docLink(pdf) : ''),
      FA.el('dt', {}, '身份证号'), FA.el('dd', {}, ids),
      FA.cardBackNote(p),
      p.warnings.length ? [FA.el('dt', {}, '提示'), FA.el('dd', {}, p.warnings.map(w => FA.el('div', { class: 'warn' }, w)))] : []));
}

async function loadChecklist() {
  try {
    const c = await FA.json('GET', caseUrl('/checklist'));
    $('checklist-state').textContent = c.complete ? '材料齐全' : '材料不全';
    $('checklist-state').className = 'badge ' + (c.complete ? 'open' : 'sealed');
    $('checklist').replaceChildren(...c.items.map(i => FA.el('li', { class: i.present ? 'ok' : 'bad', 'data-code': i.code },
      i.present ? '✔ ' : '✘ ', i.material, i.member ? `（${i.member}）` : '')));
  } catch (e) {
    $('checklist').replaceChildren(FA.el('li', { class: 'bad' }, e.message));
  }
}

// ---- the decision: 批准 (with its terms), 不予批准 (with the reason), 退回补正 (with the items); the 负责人's 审签 ----
function showDecision() {
  if (!progress) return;
  const box = $('decision');
  if (!progress.withCounty) {
    box.replaceChildren(FA.el('p', { class: 'muted' }, `本案现为“${progress.stageLabel || '—'}”，不在县（区）民政局待审批状态，无需作出决定。`));
    return;
  }
  box.replaceChildren(awaiting() === '负责人审签' ? countersignPanel() : decisionForm());
}

function decisionForm() {
  const categories = progress.categories || [];
  const fields = termFields.filter(f => f.categories.some(c => categories.includes(c)));
  const choice = (value, text) => FA.el('label', { class: 'choice' },
    FA.el('input', { type: 'radio', name: 'decision', value, checked: value === 'approve' }), text);
  const input = f => {
    const id = `term-${f.name}`;
    const control = f.choices.length
      ? FA.el('select', { id, name: f.name }, FA.el('option', { value: '' }, '（请选择）'), f.choices.map(c => FA.el('option', { value: c }, c)))
      : f.name === 'fromMonth' ? FA.el('input', { id, name: f.name, placeholder: '如 2024-04 或 2024年4月', autocomplete: 'off' })
      : FA.el('input', { id, name: f.name, type: 'number', min: 0, step: f.name === 'coveredPersons' ? 1 : 0.01, inputmode: 'decimal' });
    const unit = f.unit && f.name !== 'fromMonth' ? `（${f.unit}）` : '';
    return FA.el('label', { for: id }, FA.el('span', {}, f.label + unit, f.required ? FA.el('span', { class: 'required', title: '必填' }, ' *') : ''), control);
  };
  const form = FA.el('form', { id: 'decision-form' },
    FA.el('fieldset', { class: 'choices-row' }, FA.el('legend', {}, '决定'),
      choice('approve', '批准'), choice('reject', '不予批准'), choice('return', '退回补正')),
    FA.el('div', { class: 'part approve' },
      FA.el('p', { class: 'muted' }, `按本案类别（${categories.join('、')}）填写审核确认表、告知书所载事项：`),
      FA.el('div', { class: 'terms' }, fields.map(input))),
    FA.el('div', { class: 'part reject hidden' },
      FA.el('label', { class: 'wide', for: 'd-reason' }, '不予批准的理由', FA.el('textarea', { id: 'd-reason', maxlength: 500 }))),
    FA.el('div', { class: 'part return hidden' },
      FA.el('label', { class: 'wide', for: 'd-supply' }, '需乡镇（街道）补正的材料（每行一项）',
        FA.el('textarea', { id: 'd-supply', placeholder: '残疾证\n住院费用结算单' }))),
    FA.el('div', { class: 'row' },
      FA.el('label', { for: 'd-date' }, '决定日期（北京时间，不填为今天）', FA.el('input', { id: 'd-date', type: 'date' })),
      FA.el('label', { for: 'd-note', class: 'grow' }, '备注（可不填）', FA.el('input', { id: 'd-note', maxlength: 500 }))),
    FA.el('div', { class: 'row' }, FA.el('button', { type: 'submit', id: 'decide' }, '提交审核确认（批准）')),
    FA.el('p', { class: 'muted' }, `签署人：${me ? `${me.unit || ''} ${me.post || ''} ${me.name}` : ''}；决定记录后须经本局另一名负责人审签。`));
  const labels = { approve: '提交审核确认（批准）', reject: '提交审核确认（不予批准）', return: '退回乡镇（街道）补正' };
  form.addEventListener('change', e => {
    if (e.target.name !== 'decision') return;
    for (const part of form.querySelectorAll('.part')) part.classList.toggle('hidden', !part.classList.contains(e.target.value));
    form.querySelector('#decide').textContent = labels[e.target.value];
  });
  form.addEventListener('submit', e => { e.preventDefault(); decide(form, fields); });
  return form;
}

function countersignPanel() {
  const decision = [...progress.timeline].reverse().find(t => t.what === '审核确认');
  const head = me && me.post === '负责人';
  const panel = FA.el('div', { id: 'countersign-panel' },
    FA.el('p', {}, '待本局负责人审签的审核确认：'),
    decision ? FA.el('dl', { class: 'facts' },
      FA.el('dt', {}, '结果'), FA.el('dd', {}, decision.outcome || '—'),
      FA.el('dt', {}, '签署人'), FA.el('dd', {}, `${decision.signedBy || decision.actor}（${decision.date}）`),
      decision.terms ? [FA.el('dt', {}, '审批事项'), FA.el('dd', {}, FA.termsText(decision.terms, termFields))] : [],
      decision.reason ? [FA.el('dt', {}, '理由'), FA.el('dd', {}, decision.reason)] : []) : '');
  if (!head) {
    panel.append(FA.el('p', { class: 'muted' }, '等待本局负责人审签（四眼原则：由作出决定者以外的负责人审签）。'));
    return panel;
  }
  const form = FA.el('form', { id: 'countersign-form', class: 'row' },
    FA.el('label', { for: 'c-date' }, '审签日期（北京时间，不填为今天）', FA.el('input', { id: 'c-date', type: 'date' })),
    FA.el('button', { type: 'submit', id: 'countersign' }, '审签'));
  form.addEventListener('submit', e => {
    e.preventDefault();
    record({ kind: 'countersigned', ...($('c-date').value ? { date: $('c-date').value } : {}) }, '已审签');
  });
  panel.append(form);
  return panel;
}

function decide(form, fields) {
  const kind = form.querySelector('input[name=decision]:checked').value;
  const body = {};
  if ($('d-date').value) body.date = $('d-date').value;
  if ($('d-note').value.trim()) body.note = $('d-note').value.trim();
  if (kind === 'approve') {
    const terms = {};
    for (const f of fields) {
      const v = $(`term-${f.name}`).value.trim();
      if (v) terms[f.name] = f.choices.length || f.name === 'fromMonth' ? v : Number(v);
    }
    record({ ...body, kind: 'confirmed', outcome: 'approved', terms }, '已记录审核确认（批准），待负责人审签');
  } else if (kind === 'reject') {
    record({ ...body, kind: 'confirmed', outcome: 'rejected', reason: $('d-reason').value.trim() }, '已记录审核确认（不予批准），待负责人审签');
  } else {
    const supply = $('d-supply').value.split('\n').map(s => s.trim()).filter(Boolean);
    record({ ...body, kind: 'returned', supply }, '已退回乡镇（街道）补正');
  }
}

async function record(body, done) {
  FA.show('decision-message', '');
  const button = $('decision').querySelector('button[type=submit]');
  if (button) button.disabled = true;
  try {
    await FA.json('POST', caseUrl('/events'), body);
    await loadQueue();
    await loadProgress();
    FA.show('decision-message', done, 'info');
  } catch (e) {
    FA.showProblem('decision-message', e);
    if (button) button.disabled = false;
  }
}

document.addEventListener('DOMContentLoaded', async () => {
  $('queue-form').addEventListener('submit', e => { e.preventDefault(); loadQueue(); });
  await FA.ensureKey();
  await loadMe();
  termFields = await FA.termFields();
  // The six categories in their legal order, as the server names them (every category is covered by some term).
  const categories = [...new Set(termFields.flatMap(f => f.categories))];
  $('q-category').append(...categories.map(c => FA.el('option', { value: c }, c)));
  await loadQueue();
  const fromUrl = new URLSearchParams(location.search).get('case');
  if (fromUrl) openCase(fromUrl);
});
