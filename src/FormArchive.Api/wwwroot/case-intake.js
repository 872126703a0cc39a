// A new case started from its scans (case-entry.html without ?case=): the applicant's ID card and the 户口簿 cards are
// read by OCR (nothing filed), the applicant and members prefilled and marked until the clerk confirms them; on
// confirmation the case is opened, the scans filed into it and the confirmed data saved as its first version.
// Uses the generated form of case-entry.js (model, render, collect, showErrors …).
'use strict';

/** The files read, with the hint each is filed under once the case exists. */
let intakeFiles = [];

function startIntake() {
  $('case-id').textContent = '（新建）';
  $('record-state').textContent = '先上传证件扫描件并识别，核对预填的申请人和家庭成员后建立案件。';
  for (const id of ['intake-section', 'intake-actions']) $(id).classList.remove('hidden');
  for (const id of ['entry-form', 'case-actions', 'versions-section', 'advanced']) $(id).classList.add('hidden');
  $('intake-read').addEventListener('click', readScans);
}

function chosenFiles() {
  return [
    ...[...$('intake-id-front').files].map(f => ({ file: f, hint: 'id-front' })),
    ...[...$('intake-id-back').files].map(f => ({ file: f, hint: 'id-back' })),
    ...[...$('intake-hukou').files].map(f => ({ file: f, hint: 'hukou-member' })),
  ];
}

function scanForm(files) {
  const form = new FormData();
  for (const f of files) { form.append('files', f.file, f.file.name); form.append('hint', f.hint); }
  return form;
}

async function readScans() {
  const files = chosenFiles();
  if (files.length === 0) { FA.show('intake-message', '请先选择申请人的居民身份证或户口簿扫描件。'); $('intake-id-front').focus(); return; }
  const button = $('intake-read');
  button.disabled = true;
  FA.show('intake-message', `正在识别 ${files.length} 个文件…`, 'info');
  try {
    const read = await FA.json('POST', '/api/case-intake/scans', scanForm(files));
    intakeFiles = files;
    scanned = read;
    prefill(read.persons);
    $('entry-form').classList.remove('hidden');
    render();
    renderScanned();
    flagMembers();
    const unread = read.persons.length === 0;
    FA.show('intake-message', unread ? '未能从扫描件中识别出人员，请手工填写申请人和家庭成员。'
      : `识别出 ${read.persons.length} 人，已预填申请人和家庭成员（黄色为识别结果）。请逐项核对，点“确认”或直接改正。`, unread ? 'error' : 'info');
    (document.querySelector('#entry-form .from-ocr button.confirm') || document.querySelector('#entry-form [data-path]'))?.focus();
  } catch (e) {
    FA.show('intake-message', e.message);
  } finally { button.disabled = false; }
}

/** The applicant from the ID card front (else the 户主 of the 户口簿), every person read as a member. */
function prefill(persons) {
  const front = persons.find(p => p.type === 'id-front' && p.name) || persons.find(p => p.relationship === '户主') || persons[0];
  model = { members: [] };
  if (front) {
    model.applicant = { name: front.name, id_number: front.idNumber, sex: front.sex, from_ocr: true };
    if (front.ethnicity) model.applicant.ethnicity = front.ethnicity.endsWith('族') ? front.ethnicity : `${front.ethnicity}族`;
    if (front.address) model.applicant.hukou_address = front.address;
    prune(model.applicant);
  }
  persons.forEach((p, i) => {
    if (model.members.some(m => p.idNumber && m.id_number === p.idNumber)) return; // the same person on two scans
    const m = { name: p.name, sex: p.sex, birth_date: p.birthDate, id_number: p.idNumber, from_ocr: true };
    m.relationship = p === front ? '本人' : p.type === 'hukou-member' && p.relationship !== '户主' ? p.relationship : null;
    model.members.push(prune(m));
  });
}

/** Opens the case from the confirmed form, files the scans into it and saves the data as its first version. */
async function createFromScans() {
  clearErrors();
  const pending = document.querySelectorAll('#entry-form button.confirm');
  if (pending.length > 0) {
    FA.show('message', `还有 ${pending.length} 处识别结果未确认：请核对后点“确认”（或直接改正）。`);
    pending[0].focus();
    return;
  }
  const data = collect();
  const a = data.applicant || {};
  // What opening a case needs, asked here in the clerk's words before the server is (its own checks follow).
  const needed = [['$.applicant.name', a.name, '请填写申请人姓名'], ['$.applicant.id_number', a.id_number, '请填写申请人身份证号码'],
    ['$.categories', [].concat(data.categories || []).length > 0, '请填写申请的保障类别（如 低保、特困）']]
    .filter(([, v]) => !v).map(([path, , message]) => ({ path, message }));
  if (needed.length > 0) { showErrors(needed); return; }
  // The members the case opens with: those with an ID number (scans are matched by it); every member is in the data.
  const numbered = (data.members || []).map((m, i) => ({ m, i })).filter(x => x.m.id_number);
  const body = {
    applicant: { name: a.name || '', idNumber: (a.id_number || '').toUpperCase() },
    village: data.village || '', categories: [].concat(data.categories || []),
    members: numbered.map(x => ({ name: x.m.name || '', idNumber: x.m.id_number.toUpperCase() })),
  };
  const button = $('create-button');
  button.disabled = true;
  let created;
  try {
    created = await FA.json('POST', '/api/cases', body);
  } catch (e) {
    button.disabled = false;
    // The opening request's paths (camelCase, members with a number only) as the form's.
    if (e.problem?.errors) showErrors(e.problem.errors.map(err => ({ ...err, path: err.path
      .replace('$.applicant.idNumber', '$.applicant.id_number')
      .replace(/^\$\.members\[(\d+)\]\.idNumber/, (_, n) => `$.members[${numbered[n].i}].id_number`)
      .replace(/^\$\.members\[(\d+)\]/, (_, n) => `$.members[${numbered[n].i}]`) })));
    else FA.show('message', e.message);
    return;
  }
  caseId = created.caseId;
  history.replaceState(null, '', `case-entry.html?case=${encodeURIComponent(caseId)}`);
  const done = [`已建立案件 ${caseId}`];
  let saved = false;
  try {
    await FA.json('POST', `/api/cases/${encodeURIComponent(caseId)}/scans`, scanForm(intakeFiles));
    done.push(`${intakeFiles.length} 个证件扫描件已归档`);
    // What the case knows that the form did not ask for (乡镇, 受理单位) comes from its draft.
    const draft = (await FA.json('GET', `/api/cases/${encodeURIComponent(caseId)}/record`)).data;
    data.township ??= draft.township;
    data.acceptance = { ...draft.acceptance, ...data.acceptance };
    const r = await FA.json('PUT', `/api/cases/${encodeURIComponent(caseId)}/record`, data);
    saved = true;
    done.push(`案件数据已保存为第 ${r.version} 版`);
  } catch (e) {
    done.push(`但未能完成：${e.message}。请在本页或经办人工作台补传、保存`);
  }
  for (const id of ['intake-section', 'intake-actions']) $(id).classList.add('hidden');
  for (const id of ['case-actions', 'versions-section', 'advanced']) $(id).classList.remove('hidden');
  await openCaseEntry();
  // Not saved: what the clerk confirmed stays in the form, to save again.
  if (!saved) { model = data; render(); }
  FA.show('message', done.join('，') + '。', saved ? 'info' : 'error');
}
