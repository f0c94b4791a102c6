import { OTHER_UNIT } from '../../../../domain/application-rules'
import { AUTO_CONFIRM_PROVINCES } from '../../../../domain/application-history'
import { PROVINCE_CODES } from '../../../../domain/id-card'

/**
 * The 32 考区 (31 provinces, autonomous regions and municipalities, plus 新疆生产建设兵团) with GB/T 2260 codes
 * (兵团 is 66, as the exam system numbers it) and how each runs the application:
 * - onlineConfirmation: 天津、上海、新疆兵团 confirm online (上传材料, 报名点 chosen with the test centre);
 * - autoConfirm: the twelve provinces of SPEC 3.1 (domain/application-history.ts holds the list);
 * - onlinePayment: the fee is collected online (西藏 collects it at the test centre, so 资格审核 is the last step);
 * - mobilePayment: the online fee can be paid on the phone (青海 and 宁夏 only on the PC website).
 */
export interface ProvinceEntry {
  code: string
  name: string
  onlineConfirmation: boolean
  autoConfirm: boolean
  onlinePayment: boolean
  mobilePayment: boolean
}

const ONLINE_CONFIRMATION = ['12', '31', '66']
const NO_ONLINE_PAYMENT = ['54']
const NO_MOBILE_PAYMENT = ['54', '63', '64']

const NAMES: Array<[string, string]> = [
  ['11', '北京'],
  ['12', '天津'],
  ['13', '河北'],
  ['14', '山西'],
  ['15', '内蒙古'],
  ['21', '辽宁'],
  ['22', '吉林'],
  ['23', '黑龙江'],
  ['31', '上海'],
  ['32', '江苏'],
  ['33', '浙江'],
  ['34', '安徽'],
  ['35', '福建'],
  ['36', '江西'],
  ['37', '山东'],
  ['41', '河南'],
  ['42', '湖北'],
  ['43', '湖南'],
  ['44', '广东'],
  ['45', '广西'],
  ['46', '海南'],
  ['50', '重庆'],
  ['51', '四川'],
  ['52', '贵州'],
  ['53', '云南'],
  ['54', '西藏'],
  ['61', '陕西'],
  ['62', '甘肃'],
  ['63', '青海'],
  ['64', '宁夏'],
  ['65', '新疆'],
  ['66', '新疆兵团'],
]

export const PROVINCES: readonly ProvinceEntry[] = NAMES.map(([code, name]) => ({
  code,
  name,
  onlineConfirmation: ONLINE_CONFIRMATION.includes(code),
  autoConfirm: AUTO_CONFIRM_PROVINCES.includes(code),
  onlinePayment: !NO_ONLINE_PAYMENT.includes(code),
  mobilePayment: !NO_MOBILE_PAYMENT.includes(code),
}))

const BY_CODE = new Map(PROVINCES.map((p) => [p.code, p]))

export function provinceOf(code: string): ProvinceEntry | undefined {
  return BY_CODE.get(code)
}

/**
 * 考点 per 考区: the cities (districts in the municipalities) where the exam sits, coded <province><nn>. For the
 * online-confirmation provinces each test centre lists its 报名点.
 */
const CENTRE_CITIES: Record<string, string[]> = {
  '11': ['东城区', '西城区', '朝阳区', '海淀区', '丰台区', '通州区'],
  '12': ['和平区', '河西区', '南开区', '滨海新区'],
  '13': ['石家庄市', '唐山市', '保定市', '邯郸市', '沧州市'],
  '14': ['太原市', '大同市', '长治市', '运城市'],
  '15': ['呼和浩特市', '包头市', '赤峰市', '鄂尔多斯市'],
  '21': ['沈阳市', '大连市', '鞍山市', '锦州市'],
  '22': ['长春市', '吉林市', '四平市', '延边州'],
  '23': ['哈尔滨市', '齐齐哈尔市', '牡丹江市', '佳木斯市'],
  '31': ['黄浦区', '徐汇区', '浦东新区', '闵行区'],
  '32': ['南京市', '苏州市', '无锡市', '徐州市', '南通市'],
  '33': ['杭州市', '宁波市', '温州市', '金华市'],
  '34': ['合肥市', '芜湖市', '蚌埠市', '安庆市'],
  '35': ['福州市', '厦门市', '泉州市', '漳州市'],
  '36': ['南昌市', '赣州市', '九江市', '上饶市'],
  '37': ['济南市', '青岛市', '烟台市', '潍坊市', '临沂市'],
  '41': ['郑州市', '洛阳市', '商丘市', '南阳市', '新乡市'],
  '42': ['武汉市', '宜昌市', '襄阳市', '荆州市'],
  '43': ['长沙市', '株洲市', '衡阳市', '岳阳市'],
  '44': ['广州市', '深圳市', '佛山市', '东莞市', '汕头市'],
  '45': ['南宁市', '柳州市', '桂林市', '玉林市'],
  '46': ['海口市', '三亚市', '儋州市'],
  '50': ['渝中区', '江北区', '万州区', '涪陵区'],
  '51': ['成都市', '绵阳市', '南充市', '宜宾市'],
  '52': ['贵阳市', '遵义市', '六盘水市', '毕节市'],
  '53': ['昆明市', '曲靖市', '大理州', '红河州'],
  '54': ['拉萨市', '日喀则市', '林芝市'],
  '61': ['西安市', '宝鸡市', '咸阳市', '汉中市'],
  '62': ['兰州市', '天水市', '酒泉市', '庆阳市'],
  '63': ['西宁市', '海东市', '海西州'],
  '64': ['银川市', '石嘴山市', '固原市'],
  '65': ['乌鲁木齐市', '伊犁州', '喀什地区', '昌吉州'],
  '66': ['第一师', '第六师', '第八师', '兵直'],
}

/**
 * The region name that starts each province's 单位名称 (units), from the ID-card region table (domain/id-card.ts);
 * the two municipalities are written short, and 新疆兵团 (not an ID-card region) is added.
 */
const UNIT_REGION: ReadonlyMap<string, string> = new Map([
  ...Object.entries(PROVINCE_CODES),
  ['11', '北京'],
  ['12', '天津'],
  ['66', '新疆生产建设兵团'],
])

export interface CentreEntry {
  code: string
  name: string
  enrolPoints: Array<{ code: string; name: string }>
}

export function centresOf(province: string): CentreEntry[] {
  const cities = CENTRE_CITIES[province] ?? []
  const online = ONLINE_CONFIRMATION.includes(province)
  return cities.map((city, i) => {
    const code = `${province}${String(i + 1).padStart(2, '0')}`
    return {
      code,
      name: `${city}考点`,
      enrolPoints: online
        ? [
            { code: `${code}01`, name: `${city}卫生健康委员会报名点` },
            { code: `${code}02`, name: `${city}人民医院报名点` },
          ]
        : [],
    }
  })
}

const MUNICIPAL_UNITS: Record<string, string[]> = {
  '11': ['北京协和医院', '北京大学第一医院', '首都医科大学附属北京朝阳医院', '北京市东城区社区卫生服务中心'],
  '31': ['复旦大学附属中山医院', '上海交通大学医学院附属瑞金医院', '上海市第一人民医院', '上海市徐汇区中心医院'],
  '12': ['天津医科大学总医院', '天津市第一中心医院', '天津市人民医院'],
  '50': ['重庆医科大学附属第一医院', '重庆市人民医院', '重庆市中医院'],
}

/** 单位名称 choices of a province, ending with 其他 (then the unit's name and 单位类别 are typed). */
export function unitsOf(province: string): string[] {
  const region = UNIT_REGION.get(province)
  if (!region) return []
  const units = MUNICIPAL_UNITS[province] ?? [
    `${region}人民医院`,
    `${region}中医院`,
    `${region}妇幼保健院`,
    `${region}疾病预防控制中心`,
  ]
  return [...units, OTHER_UNIT]
}
