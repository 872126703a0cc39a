// The case data's labels, from templates/case.schema.json's descriptions: one place for the case-entry form (which
// edits the data) and the county desk (which reads it).
'use strict';
const CaseLabels = {
  // Where a description gives no Chinese name (or only a unit), the field's name here.
  LABELS: {
    applicant: '申请人', members: '共同生活家庭成员', supporters: '非共同生活赡抚扶养人', sex: '性别', id_number: '身份证号码',
    marital_status: '婚姻状况', health_status: '健康状况', occupation_status: '职业状况', annual_income: '年收入（元）',
    categories: '保障类别', visits: '动态管理入户调查记录', name: '姓名', relationship: '与申请人关系', birth_date: '出生年月',
    from_ocr: 'OCR 识别待确认',
  },

  /** The schema <s> with its $ref resolved against <schema>'s definitions (own keywords win). */
  resolve(schema, s) {
    while (s && s.$ref) {
      const { $ref, ...own } = s;
      s = { ...schema.definitions[$ref.split('/').pop()], ...own };
    }
    return s || {};
  },

  /** The Chinese name a description starts with (姓名, 年收入（元）…), else the fallback for <key>, else the key. */
  label(s, key) {
    const d = s.title || s.description || '';
    const m = /^[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef0-9×…\/ ]+/.exec(d);
    const text = m ? m[0].trim().replace(/[（(,，;；:：]+$/, '') : '';
    // A unit (元) or a number (18-character …) is no name.
    return text.length >= 2 && /[\u4e00-\u9fff]/.test(text) ? text : CaseLabels.LABELS[key] || text || key;
  },
};
