// Archivist page: search the catalog, open a case, read its 卷内目录, dossier PDF, export ZIP, verification.
'use strict';
let current = null;
const $ = id => document.getElementById(id);
// The catalog's stage names (Casework's) as the clerk reads them.
const STAGES = { Accepted: '受理', Investigation: '核对授权/入户调查', PreliminaryOpinion: '初审意见', Publicity: '公示', Confirmed: '审核确认',
  Notified: '告知', OnRoll: '发放/录入', Closed: '办结', Invalid: '记录有误' };

async function search(e) {
  e?.preventDefault();
  FA.show('search-message', '');
  const q = {};
  const put = (k, id) => { const v = $(id).value.trim(); if (v) q[k] = v; };
  put('idNumber', 'q-id'); put('name', 'q-name'); put('township', 'q-township'); put('village', 'q-village');
  put('category', 'q-category'); put('status', 'q-status'); put('openedFrom', 'q-from'); put('openedTo', 'q-to');
  put('caseStage', 'q-stage'); put('dueBefore', 'q-due');
  try {
    const rows = await FA.json('POST', '/api/cases/search', q);
    if (rows.length === 0) { $('results').replaceChildren(FA.el('p', { class: 'muted' }, '没有符合条件的案卷。')); return; }
    $('results').replaceChildren(FA.el('table', { id: 'results-table' },
      FA.el('thead', {}, FA.el('tr', {}, ['案件编号', '档号', '题名', '申请人', '身份证号', '乡镇（街道）', '村（社区）', '类别', '受理日期', '办理阶段', '下一期限', '状态', '件数', ''].map(h => FA.el('th', {}, h)))),
      FA.el('tbody', {}, rows.map(r => FA.el('tr', { 'data-case': r.caseId },
        FA.el('td', { class: 'wraps' }, r.caseId), FA.el('td', { class: 'wraps' }, r.archivalCode || ''), FA.el('td', { class: 'wraps' }, r.title), FA.el('td', {}, r.applicantName), FA.el('td', {}, r.idNumberMasked),
        FA.el('td', {}, r.township), FA.el('td', {}, r.village), FA.el('td', {}, r.category), FA.el('td', {}, FA.date(r.openedOn)),
        FA.el('td', {}, STAGES[r.caseStage] || ''), FA.el('td', {}, r.nextDue || ''),
        FA.el('td', {}, String(r.status).toLowerCase() === 'sealed' ? FA.el('span', { class: 'badge sealed' }, '已封存') : FA.el('span', { class: 'badge open' }, '办理中')),
        FA.el('td', {}, r.documents),
        FA.el('td', {}, FA.el('button', { type: 'button', class: 'secondary open-case', onclick: () => openCase(r.caseId) }, '打开')))))));
  } catch (err) {
    FA.show('search-message', err.message);
  }
}

async function openCase(caseId) {
  FA.show('case-message', '');
  try {
    current = await FA.json('GET', `/api/cases/${encodeURIComponent(caseId)}`);
  } catch (e) {
    FA.show('search-message', e.message);
    return;
  }
  $('case-area').classList.remove('hidden');
  $('verify-section').classList.add('hidden');
  $('case-summary').replaceChildren(FA.summary(current, { archivalCode: true }));
  $('directory').replaceChildren(FA.directoryTable(current.directory,
    d => FA.download(`/api/cases/${encodeURIComponent(current.caseId)}/documents/${d.no}`, d.fileName).catch(e => FA.show('case-message', e.message))));
  loadTimeline(current.caseId);
  $('export-button').disabled = !current.sealed;
  $('export-button').title = current.sealed ? '' : '只有已封存的案卷可以导出';
  $('case-area').scrollIntoView({ behavior: 'smooth' });
}

/** The case's steps beside its 卷内目录 (China time). */
async function loadTimeline(caseId) {
  FA.show('timeline-message', '');
  try {
    const p = await FA.json('GET', `/api/cases/${encodeURIComponent(caseId)}/progress`);
    $('timeline-stage').textContent = p.stageLabel || '尚未受理';
    $('timeline').replaceChildren(FA.timeline(p.timeline));
  } catch (e) {
    $('timeline-stage').textContent = '';
    $('timeline').replaceChildren();
    FA.show('timeline-message', e.message);
  }
}

async function run(button, work) {
  FA.show('case-message', '');
  const label = button.textContent;
  button.disabled = true;
  button.textContent = '处理中…';
  try { await work(); }
  catch (e) { FA.show('case-message', e.message); }
  finally { button.textContent = label; button.disabled = button.id === 'export-button' && !current.sealed; }
}

async function verify() {
  const r = await FA.json('GET', `/api/cases/${encodeURIComponent(current.caseId)}/verify?format=json`);
  $('verify-section').classList.remove('hidden');
  $('verify-state').textContent = r.passed ? '全部通过' : `${r.checks.filter(c => c.passed === false).length} 项未通过`;
  $('verify-state').className = 'badge ' + (r.passed ? 'open' : 'sealed');
  $('verify-result').replaceChildren(
    FA.el('p', { class: 'muted' }, `检测时间 ${new Date(r.checkedAt).toLocaleString('zh-CN')}，存储 ${r.store === 'local' ? '本地存储' : r.store}，${r.sealed ? '已封存' : '未封存'}，文件 ${r.documentCount} 件`),
    FA.el('table', {},
      FA.el('thead', {}, FA.el('tr', {}, ['检测项目', '检测对象', '检测结果', '说明'].map(h => FA.el('th', {}, h)))),
      FA.el('tbody', {}, r.checks.map(c => FA.el('tr', {},
        FA.el('td', {}, `${c.item} ${c.itemName}：${c.name}`), FA.el('td', {}, c.subject),
        // passed is null for a check that could not be made here (未检测).
        FA.el('td', { class: c.passed ? 'ok' : c.passed === false ? 'bad' : 'muted' }, c.passed ? '✔ 通过' : c.passed === false ? '✘ 未通过' : '— 未检测'),
        FA.el('td', {}, c.detail))))));
}

document.addEventListener('DOMContentLoaded', async () => {
  $('search-form').addEventListener('submit', search);
  const id = () => encodeURIComponent(current.caseId);
  $('dossier-button').addEventListener('click', e => run(e.target, () => FA.download(`/api/cases/${id()}/dossier`, `${current.caseId} 案卷.pdf`)));
  $('export-button').addEventListener('click', e => run(e.target, () => FA.download(`/api/cases/${id()}/export`, `${current.caseId}.zip`)));
  $('verify-button').addEventListener('click', e => run(e.target, verify));
  $('verify-pdf-button').addEventListener('click', e => run(e.target, () => FA.download(`/api/cases/${id()}/verify?format=pdf`, `${current.caseId} 四性检测报告.pdf`)));
  await FA.ensureKey();
});
