import type { ApplicationForm } from '@contract/application'
import type { Certificate, Ticket } from '@contract/results'

/** A 报名表, a four-sitting 准考证 and a certificate with what issue 21 saw overprinted or broken (layout tests). */
const qr = { text: 'x', dataUrl: 'data:image/png;base64,', size: 3, modules: '101010111' }

/** Rows the issue saw overprinted or broken, among the many of a real 报名表. */
export const FORM: ApplicationForm = {
  id: 'a1',
  title: '2027年度卫生专业技术资格考试报名表',
  code: 'ABCDE-12345',
  version: 1,
  submittedAt: '2026-11-30T16:30:00.000Z',
  sections: [
    {
      step: 'basic',
      title: '基本信息',
      rows: [
        { label: '姓名', value: '欧阳娜娜' },
        { label: '证件号码', value: '11010519491231002X' },
        { label: '性别', value: '女' },
        { label: '出生日期', value: '1990-03-07' },
      ],
    },
    {
      step: 'contact',
      title: '联系方式',
      rows: [
        { label: '手机号码', value: '13800138000' },
        { label: '通讯地址', value: '广东省广州市越秀区中山二路1号中山大学附属第一医院住院部三楼护理部办公室' },
        { label: '邮政编码', value: '510080' },
      ],
    },
    {
      step: 'education',
      title: '学历信息',
      rows: [
        { label: '最高学历', value: '本科（2020-12毕业）' },
        { label: '毕业学校', value: '首都医科大学' },
        { label: '所学专业', value: '护理学' },
        { label: '学历证书编号', value: '104321202005001234' },
      ],
    },
    {
      step: 'work',
      title: '工作信息',
      rows: [
        { label: '工作单位', value: '北京协和医院' },
        { label: '从事本专业工作年限', value: '5年' },
        { label: '是否取得住培合格证书', value: '否' },
        { label: '参加工作时间', value: '2020-07-01' },
      ],
    },
  ],
  photoUrl: '/api/application-photo/t',
  generatedAt: '2026-11-30T16:31:00.000Z',
}

export const TICKET: Ticket = {
  brief: {
    ticketId: 't',
    examName: '2027年度卫生专业技术资格考试',
    examYear: 2027,
    state: 'open',
    opensAt: '2027-05-01T00:00:00.000Z',
    closesAt: '2027-05-20T00:00:00.000Z',
    reminder: false,
  },
  ticketNo: '20271101000002',
  name: '欧阳娜娜',
  idTypeName: '居民身份证',
  idNumberMasked: '1101**********002X',
  idNumber: '11010519491231002X',
  photoUrl: null,
  speciality: '内科护理（中级）',
  sittings: ['基础知识', '相关专业知识', '专业知识', '专业实践能力'].map((subjectName, i) => ({
    subjectCode: String(i + 1),
    subjectName,
    date: '2027-05-16',
    time: '08:30–10:00',
    startsAt: '2027-05-16T00:30:00.000Z',
    endsAt: '2027-05-16T02:00:00.000Z',
    centre: '北京市东城区第一考点（北京市第一中学）',
    address: '北京市东城区新中街甲1号北京市第一中学逸夫楼三层',
    location: { latitude: 39.93736, longitude: 116.43771 },
    room: '第12考场',
    seat: '02',
  })),
  rules: [
    '考生须携带准考证和有效身份证件原件，按准考证上的时间、地点参加考试。',
    '开考前30分钟进入考场，开考15分钟后不得入场，考试开始60分钟后方可交卷离场。',
    '除黑色签字笔、2B铅笔和橡皮外，不得携带任何物品进入座位；手机等通讯工具须关闭后放在指定位置。',
    '考试采用人机对话方式，考生须核对屏幕上的姓名、准考证号和科目，如有不符立即向监考人员报告。',
  ],
  qr,
}

export const CERTIFICATE: Certificate = {
  number: '20271234567890',
  name: '欧阳娜娜',
  idNumberMasked: '1101**********002X',
  examName: '2027年度卫生专业技术资格考试',
  speciality: '内科护理（中级）',
  fromYear: 2026,
  toYear: 2027,
  issuedOn: '2027-07-01',
  issuer: '国家卫生健康委人才交流服务中心',
  verifyUrl: 'http://127.0.0.1/api/results/verify/20271234567890',
  qr,
}
