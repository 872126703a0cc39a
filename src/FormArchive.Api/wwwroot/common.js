// Shared by the clerk and archivist pages: the API key (sessionStorage), calls with X-Api-Key, downloads, small DOM helpers.
'use strict';
const KEY_STORAGE = 'formarchive.apiKey';

const FA = {
  key() { return sessionStorage.getItem(KEY_STORAGE); },

  setKey(k) { if (k) sessionStorage.setItem(KEY_STORAGE, k.trim()); else sessionStorage.removeItem(KEY_STORAGE); FA.showKeyState(); },

  showKeyState() {
    const el = document.getElementById('key-state');
    if (!el) return;
    const k = FA.key();
    el.textContent = k ? `已设置访问密钥（…${k.slice(-4)}）` : '未设置访问密钥';
  },

  /** The key dialog, built once here so every page shares the same markup (all text set as text, never HTML). */
  keyDialog() {
    let dlg = document.getElementById('key-dialog');
    if (dlg) return dlg;
    const el = (tag, props = {}, ...children) => {
      const e = Object.assign(document.createElement(tag), props);
      e.append(...children);
      return e;
    };
    const input = el('input', { id: 'key-input', type: 'password', autocomplete: 'off', placeholder: 'fa_…', required: true });
    dlg = el('dialog', { id: 'key-dialog' },
      el('form', { method: 'dialog' },
        el('h2', { textContent: '访问密钥' }),
        el('p', { id: 'key-reason', className: 'muted' }),
        el('label', { className: 'wide' }, 'X-Api-Key', input),
        el('p', { className: 'muted', textContent: '密钥只保存在本浏览器标签页（sessionStorage），关闭即清除。' }),
        el('button', { type: 'submit', id: 'key-save', textContent: '确定' })));
    document.body.append(dlg);
    return dlg;
  },

  /** Asks for the key in a dialog; resolves once one is entered. */
  askKey(reason) {
    return new Promise(resolve => {
      const dlg = FA.keyDialog();
      const input = document.getElementById('key-input');
      document.getElementById('key-reason').textContent = reason || '请求需要访问密钥（X-Api-Key）。';
      input.value = FA.key() || '';
      dlg.showModal();
      // Escape keeps the key there is; without one the dialog stays open.
      dlg.oncancel = e => { if (!FA.key()) e.preventDefault(); else resolve(FA.key()); };
      const form = dlg.querySelector('form');
      form.onsubmit = e => {
        e.preventDefault();
        if (!input.value.trim()) return;
        FA.setKey(input.value);
        dlg.close();
        resolve(FA.key());
      };
    });
  },

  async ensureKey() { return FA.key() || FA.askKey('请输入访问密钥（由管理员发放）。'); },

  /** fetch with the key; on 401 asks for a key once and retries. Throws Error(problem text) on failure. */
  async request(method, path, body, accept) {
    await FA.ensureKey();
    for (let attempt = 0; ; attempt++) {
      const headers = { 'X-Api-Key': FA.key() };
      if (accept) headers.Accept = accept;
      let payload;
      if (body !== undefined && body !== null) {
        if (body instanceof FormData) payload = body;
        else if (typeof body === 'string') { payload = body; headers['Content-Type'] = 'application/json'; }
        else { payload = JSON.stringify(body); headers['Content-Type'] = 'application/json'; }
      }
      const response = await fetch(path, { method, headers, body: payload });
      if (response.status === 401 && attempt === 0) { await FA.askKey('访问密钥无效或已吊销，请重新输入。'); continue; }
      if (!response.ok) throw await FA.problem(response);
      return response;
    }
  },

  async json(method, path, body) { return (await FA.request(method, path, body, 'application/json')).json(); },

  async problem(response) {
    let text = `${response.status} ${response.statusText}`;
    let problem = null;
    try {
      const p = problem = await response.json();
      text = FA.statusText(response.status) + (p.detail ? `：${p.detail}` : p.title ? `：${p.title}` : '');
      if (Array.isArray(p.errors)) text += '\n' + p.errors.map(e => `${e.path}: ${e.message}`).join('\n');
      if (Array.isArray(p.files)) text += '\n' + p.files.map(f => `${f.file}: ${f.reason}`).join('\n');
    } catch { /* not JSON */ }
    const err = new Error(text);
    err.status = response.status;
    err.problem = problem;
    return err;
  },

  statusText(status) {
    return ({ 400: '请求有误', 401: '需要访问密钥', 403: '无权操作', 404: '未找到', 409: '冲突', 413: '文件过大', 415: '格式不支持',
      422: '不符合要求', 503: '服务繁忙，请稍后再试' })[status] || `错误 ${status}`;
  },

  /** File name from Content-Disposition (RFC 6266 filename* first). */
  fileName(response, fallback) {
    const cd = response.headers.get('Content-Disposition') || '';
    const star = /filename\*=UTF-8''([^;]+)/i.exec(cd);
    if (star) return decodeURIComponent(star[1]);
    const plain = /filename="?([^";]+)"?/i.exec(cd);
    return plain ? plain[1] : fallback;
  },

  /** GETs a file with the key and hands it to the browser as a download. */
  async download(path, fallbackName, method = 'GET') {
    const response = await FA.request(method, path);
    const blob = await response.blob();
    FA.saveBlob(blob, FA.fileName(response, fallbackName));
  },

  saveBlob(blob, name) {
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url; a.download = name;
    document.body.appendChild(a); a.click(); a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  },

  /** Opens a file (e.g. a PDF) in a new tab. */
  async open(path) {
    const tab = window.open('', '_blank');
    const blob = await (await FA.request('GET', path)).blob();
    const url = URL.createObjectURL(blob);
    if (tab) tab.location = url; else FA.saveBlob(blob, 'document');
  },

  el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') e.className = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children.flat(Infinity)) if (c !== null && c !== undefined && c !== false) e.append(c instanceof Node ? c : String(c));
    return e;
  },

  show(id, text, kind = 'error') {
    const box = document.getElementById(id);
    box.textContent = text || '';
    box.className = text ? `message ${kind}` : 'hidden';
  },

  // Dates are China's calendar days (UTC+8) wherever the browser is: a point in time such as sealedAt
  // ("2026-11-27T20:00:00+00:00") is the China date of that moment (2026-11-28), not its UTC date cut off.
  date(d) {
    if (!d) return '';
    const text = String(d);
    if (!text.includes('T')) return text.slice(0, 10);
    const at = Date.parse(text);
    return Number.isNaN(at) ? text.slice(0, 10) : new Date(at + 8 * 3600 * 1000).toISOString().slice(0, 10);
  },
  // A point in time as China's wall clock (UTC+8), "2026-11-28 04:00", wherever the browser is.
  dateTime(d) {
    const at = Date.parse(String(d || ''));
    return Number.isNaN(at) ? '' : new Date(at + 8 * 3600 * 1000).toISOString().slice(0, 16).replace('T', ' ');
  },

  /** An ID number as the service masks it (Domain's IdNumberMasking): the first 6 and the last 4 characters kept. */
  maskId(n) {
    const s = String(n || '').trim().toUpperCase();
    return s.length <= 10 ? '*'.repeat(s.length) : `${s.slice(0, 6)}${'*'.repeat(s.length - 10)}${s.slice(-4)}`;
  },

  size(n) { return n >= 1048576 ? (n / 1048576).toFixed(1) + ' MB' : n >= 1024 ? Math.round(n / 1024) + ' KB' : n + ' B'; },

  TYPES: { 'id-front': '居民身份证（正面）', 'id-back': '居民身份证（反面）', 'hukou-home': '户口簿（户主页）', 'hukou-member': '户口簿（成员页）',
    'hukou-changes': '户口簿（变更页）', bank: '银行账户', hardship: '困难证明材料', application: '申请书', 'economic-check': '家庭经济状况核对表', other: '其他材料' },

  // The 卷内目录 as the desks show it: the dossier's columns (文号 as filed, empty when a document has none), then the file;
  // 下载 (onOpen) and, where the desk opens documents in a tab, 查看 (onView).
  directoryTable(rows, onOpen, onView) {
    const body = rows.map(d => FA.el('tr', { 'data-no': d.no },
      FA.el('td', {}, d.no), FA.el('td', {}, d.title), FA.el('td', { class: 'responsible' }, d.responsibleParty), FA.el('td', { class: 'doc-number' }, d.docNumber ?? ''),
      FA.el('td', { class: 'date' }, FA.date(d.date)),
      FA.el('td', {}, d.pages ?? ''), FA.el('td', { class: 'file muted' }, `${d.fileName}（${FA.size(d.size)}）`),
      FA.el('td', { class: 'actions' }, onView ? FA.el('button', { class: 'secondary', type: 'button', onclick: () => onView(d) }, '查看') : '',
        FA.el('button', { class: 'secondary', type: 'button', onclick: () => onOpen(d) }, '下载'))));
    return FA.el('table', { class: 'directory' },
      FA.el('thead', {}, FA.el('tr', {}, ['件号', '题名', '责任者', '文号', '日期', '页数', '文件', ''].map(h => FA.el('th', {}, h)))),
      FA.el('tbody', {}, body));
  },

  /**
   * A case's timeline (China time): date, time, step, outcome, who signed it (unit, post, name; else who recorded it);
   * the items a 退回补正 asks for, what a 批准 decided (labelled by <termFields>, GET /api/approval-terms), the documents
   * filed for a step (件号 in the volume holding it), and which 补充卷 holds a step recorded after sealing.
   */
  timeline(entries, termFields = []) {
    if (!entries || !entries.length) return FA.el('p', { class: 'muted' }, '尚无办理记录。');
    const supplement = t => /-V\d+$/.test(t.volume || '') ? t.volume : '';
    const who = t => {
      if (!t.signedBy) return t.actor;
      const others = String(t.actor || '').split('、').slice(1);
      return [FA.el('span', { class: 'signer' }, t.signedBy), others.length ? `（同行：${others.join('、')}）` : ''];
    };
    return FA.el('ol', { class: 'timeline' }, entries.map(t => FA.el('li', {},
      FA.el('span', { class: 'when' }, `${t.date} ${String(t.time).slice(0, 5)}`), t.what,
      t.outcome ? `（${t.outcome}）` : '', ' · ', who(t), t.reason ? ` · 理由：${t.reason}` : '', t.note ? ` · ${t.note}` : '',
      t.supply && t.supply.length ? ` · 需补正：${t.supply.join('、')}` : '',
      t.terms ? ` · ${FA.termsText(t.terms, termFields)}` : '',
      t.documents && t.documents.length ? ` · 附件：${supplement(t) ? supplement(t) + " " : ""}第 ${t.documents.join('、')} 件` : '',
      supplement(t) ? ` · 记入补充卷 ${supplement(t)}` : '')));
  },

  /** The fields of a 批准's terms, labelled as the forms print them (GET /api/approval-terms); loaded once. */
  termFields() {
    FA._termFields ??= FA.json('GET', '/api/approval-terms').catch(() => []);
    return FA._termFields;
  },

  /** What a 批准 decided, in the forms' words: "人均补助金额 520 元/月；…；起始月份（从何月起执行） 2024年4月". */
  termsText(terms, fields) {
    const month = v => { const m = /^(\d{4})-(\d{2})/.exec(String(v)); return m ? `${m[1]}年${Number(m[2])}月` : v; };
    return (fields || []).filter(f => terms[f.name] !== null && terms[f.name] !== undefined)
      .map(f => `${f.label} ${f.name === 'fromMonth' ? month(terms[f.name]) : terms[f.name]}${f.unit && f.name !== 'fromMonth' ? ' ' + f.unit : ''}`)
      .join('；');
  },

  /** A case's deadlines: what, due (overdue marked), done on, legal basis. */
  deadlineTable(deadlines) {
    return FA.el('table', { class: 'deadlines' },
      FA.el('thead', {}, FA.el('tr', {}, ['事项', '期限（北京时间）', '完成', '依据'].map(h => FA.el('th', {}, h)))),
      FA.el('tbody', {}, deadlines.map(d => FA.el('tr', { class: d.overdue ? 'overdue' : d.open ? '' : 'done' },
        FA.el('td', {}, d.what), FA.el('td', { class: 'date' }, d.due + (d.overdue ? '（已逾期）' : '')),
        FA.el('td', { class: 'date' }, d.doneOn ? d.doneOn + (d.wasLate ? '（逾期完成）' : '') : '—'), FA.el('td', { class: 'muted' }, d.basis)))));
  },

  // ---- scanned pages: thumbnails (<img> cannot send the key, so each is fetched with it and shown from a blob URL) ----
  _thumbnailUrls: new Set(),

  /**
   * The thumbnail of page <page> of the searchable PDF <pdfNo> of case <caseId>, the ID numbers' boxes drawn over it in
   * percent so they scale with it (set through the CSSOM: the pages' CSP refuses style attributes).
   */
  thumbnail(caseId, pdfNo, page, alt, outline) {
    if (!pdfNo) return FA.el('div', { class: 'thumb muted' }, '（无预览）');
    const img = FA.el('img', { alt, class: 'thumb' });
    FA.request('GET', `/api/cases/${encodeURIComponent(caseId)}/documents/${pdfNo}/pages/${page}/thumbnail?width=320`)
      .then(r => r.blob())
      .then(b => { const url = URL.createObjectURL(b); FA._thumbnailUrls.add(url); img.src = url; })
      .catch(() => img.replaceWith(FA.el('div', { class: 'thumb muted' }, '（无预览）')));
    if (!(outline && outline.width > 0 && outline.boxes.length)) return img;
    const boxes = outline.boxes.map(b => {
      const div = FA.el('div', { class: `id-box${b.valid ? '' : ' bad'}`, title: b.label });
      Object.assign(div.style, {
        left: `${100 * b.box.x / outline.width}%`, top: `${100 * b.box.y / outline.height}%`,
        width: `${100 * b.box.width / outline.width}%`, height: `${100 * b.box.height / outline.height}%`,
      });
      return div;
    });
    return FA.el('div', { class: 'thumb-frame' }, img, boxes);
  },

  /** The ID numbers' boxes of a scanned page, in the page image's pixels (numbers masked in their titles). */
  outlineOf(p) {
    return { width: p.width, height: p.height,
      boxes: (p.idNumbers || []).filter(i => i.box).map(i => ({ box: i.box, valid: i.valid, label: `身份证号 ${i.masked}` })) };
  },

  /** An ID card back's 有效期限 as dt/dd, the expired ones marked. */
  cardBackNote(p) {
    if (!p.cardBack) return [];
    const b = p.cardBack;
    return [FA.el('dt', {}, '有效期限'), FA.el('dd', {},
      FA.el('span', { class: b.expired ? 'bad expired' : '' }, b.validity || '未识别'),
      b.expired ? FA.el('span', { class: 'badge expired' }, '证件已过期') : '',
      b.issuingAuthority ? FA.el('span', { class: 'muted' }, `（签发机关：${b.issuingAuthority}）`) : '')];
  },

  releaseThumbnails(container) {
    for (const img of container.querySelectorAll('img.thumb')) {
      if (FA._thumbnailUrls.delete(img.src)) URL.revokeObjectURL(img.src);
    }
  },

  /** A refusal as the desks show it: the API's sentence, and the materials a submission lacks one a line. */
  showProblem(id, err) {
    FA.show(id, err.message);
    const missing = err.problem && err.problem.missingMaterials;
    if (!Array.isArray(missing) || !missing.length) return;
    const box = document.getElementById(id);
    const [head] = err.message.split('尚缺：');
    box.replaceChildren(FA.el('div', {}, head.replace(/[，,]$/, '') + '。尚缺以下材料：'),
      FA.el('ol', { class: 'missing' }, missing.map(m => FA.el('li', {}, m))));
  },

  // The server's case id is the 案件编号; 案卷号 is the clerk's own file number, part of the 档号 the cover prints.
  summary(c, { archivalCode = false } = {}) {
    return FA.el('div', { class: 'summary' },
      ...[['案件编号', c.caseId], ...(archivalCode ? [['本单位案卷号', c.fileNumber], ['档号', c.archivalCode]] : []), ['题名', c.title], ['申请人', c.applicantName], ['身份证号', c.idNumberMasked], ['乡镇（街道）', c.township],
        ['村（社区）', c.village], ['救助类别', c.category], ['登记状态', c.stage], ['受理日期', FA.date(c.openedOn)],
        ...(c.volume > 1 ? [['卷次', `第 ${c.volume} 卷（${c.supplementOf} 的补充卷）`]] : [])]
        .map(([k, v]) => FA.el('div', {}, FA.el('span', {}, k), v || '—')),
      FA.el('div', {}, FA.el('span', {}, '状态'), c.sealed
        ? FA.el('span', { class: 'badge sealed' }, `已封存 ${FA.date(c.sealedAt)}`)
        : FA.el('span', { class: 'badge open' }, '办理中')));
  },
};

document.addEventListener('DOMContentLoaded', () => {
  FA.showKeyState();
  const change = document.getElementById('key-change');
  if (change) change.addEventListener('click', () => FA.askKey('更换访问密钥。'));
});
