// Clerk page: open/create a case, upload scans with per-file progress, per-page results, checklist, print forms.
'use strict';
let current = null; // the open case (CaseView)
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
  renderCase();
  await loadChecklist();
}

function renderCase() {
  $('case-summary').replaceChildren(FA.summary(current));
  $('directory').replaceChildren(FA.directoryTable(current.directory,
    d => FA.download(`/api/cases/${encodeURIComponent(current.caseId)}/documents/${d.no}`, d.fileName).catch(e => alert(e.message))));
  for (const b of [$('print-button'), $('notice-button'), $('drop')]) b.toggleAttribute('disabled', current.sealed);
  if (current.sealed) $('drop').textContent = '案件已封存，不能再上传。';
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
  if ($('new-case-id').value.trim()) body.caseId = $('new-case-id').value.trim();
  try {
    const created = await FA.json('POST', '/api/cases', body);
    $('create-form').classList.add('hidden');
    await openCase(created.caseId);
    FA.show('open-message', `已创建案件 ${created.caseId}`, 'info');
  } catch (err) {
    FA.show('open-message', err.message);
  }
}

// ---- uploads: one request per file so each has its own progress bar ----
function uploadFiles(files) {
  if (!current || current.sealed) return;
  const queue = [...files].map(f => ({ file: f, box: uploadBox(f) }));
  (async () => {
    for (const item of queue) await uploadOne(item.file, item.box);
    await refreshCase();
    await loadChecklist();
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
    const thumb = FA.el('img', { alt: `${file.file} 第 ${p.page} 页`, class: 'thumb' });
    const pdfLink = FA.el('a', { href: '#', onclick: e => { e.preventDefault(); FA.open(`/api/cases/${caseId}/documents/${file.documents.searchablePdf}`).catch(x => alert(x.message)); } }, '查看可检索 PDF');
    ui.pages.append(FA.el('div', { class: 'page' }, thumb,
      FA.el('dl', {},
        FA.el('dt', {}, '页'), FA.el('dd', {}, `第 ${p.page} 页`),
        FA.el('dt', {}, '材料类型'), FA.el('dd', { class: 'type' }, p.title || FA.TYPES[p.type] || p.type,
          p.classifiedAs && p.classifiedAs !== p.type ? FA.el('span', { class: 'muted' }, `（自动识别为 ${FA.TYPES[p.classifiedAs] || p.classifiedAs}）`) : ''),
        FA.el('dt', {}, '身份证号'), FA.el('dd', {}, ids),
        FA.el('dt', {}, '识别置信度'), FA.el('dd', {}, p.ocrConfidence != null ? `${Math.round(p.ocrConfidence * (p.ocrConfidence <= 1 ? 100 : 1))}%` : '—',
          p.deskewDegrees ? FA.el('span', { class: 'muted' }, `，纠偏 ${p.deskewDegrees}°`) : ''),
        FA.el('dt', {}, '提示'), FA.el('dd', {}, p.warnings.length ? p.warnings.map(w => FA.el('div', { class: 'warn' }, w)) : FA.el('span', { class: 'muted' }, '无')),
        FA.el('dt', {}, '归档'), FA.el('dd', {}, `件号 ${file.documents.original}（原件）、${file.documents.searchablePdf}（PDF）、${file.documents.ingestResult}（识别结果） `, pdfLink))));
    // The API has no thumbnail endpoint: show the filed original when the browser can display it.
    const original = file.documents.original;
    FA.request('GET', `/api/cases/${caseId}/documents/${original}`).then(r => r.blob()).then(b => {
      if (/^image\/(jpeg|png|gif|webp)/.test(b.type)) thumb.src = URL.createObjectURL(b); else thumb.replaceWith(FA.el('div', { class: 'muted' }, '（无预览）'));
    }).catch(() => thumb.remove());
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

async function supplementNotice() {
  FA.show('checklist-message', '');
  try {
    await FA.download(`/api/cases/${encodeURIComponent(current.caseId)}/supplement-notice`, '补充材料一次性告知书.pdf', 'POST');
    await refreshCase();
  } catch (e) {
    FA.show('checklist-message', e.message, e.status === 409 ? 'info' : 'error');
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
  $('notice-button').addEventListener('click', supplementNotice);
  loadForms();
  await FA.ensureKey();
  const fromUrl = new URLSearchParams(location.search).get('case');
  if (fromUrl) openCase(fromUrl);
});
