import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect } from 'react'
import { PageContainer } from '../../components/page-container'
import './index.scss'
import { routes, useQuery } from '../../routes'

/** 服务协议 and 隐私政策, viewable from the login page before ticking the agreement. */
const DOCS = {
  service: {
    title: '服务协议',
    sections: [
      [
        '一、服务内容',
        '本小程序为卫生专业技术资格考试、护士执业资格考试考生提供注册、登录、个人信息管理、网上报名、报名进度查询等服务。',
      ],
      [
        '二、账号',
        '考生应使用本人居民身份证注册，一人一号。姓名、证件类型、证件号码注册后考生本人不能修改。考生应妥善保管密码，因泄露密码造成的后果由考生承担。',
      ],
      [
        '三、考生义务',
        '考生应如实填写报名信息，对所提交信息的真实性、准确性负责。提供虚假信息的，按考试有关规定处理。',
      ],
      ['四、账号注销', '尚未填写报名信息的考生可申请注销账号；注销后账号信息不可恢复，同一证件号码可重新注册。'],
      ['五、其他', '本协议未尽事宜，以考试主管部门发布的考试公告和有关规定为准。'],
    ],
  },
  privacy: {
    title: '隐私政策',
    sections: [
      [
        '一、收集的信息',
        '为办理考试报名，我们收集您的姓名、证件号码、照片、学历学位、联系方式、工作情况等信息，以及人脸识别时的核验结果。',
      ],
      ['二、使用目的', '上述信息仅用于身份核验、报名资格审核、考试组织和成绩管理，不用于其他目的。'],
      ['三、保护措施', '密码以不可逆方式加密保存；证件号码在页面上脱敏显示；传输全程加密；日志不记录个人信息。'],
      ['四、人脸识别', '人脸识别由您所使用的平台（微信、支付宝、百度）按其规则完成，我们仅获取核验是否通过的结果。'],
      ['五、您的权利', '您可以在个人信息管理中查看您的信息；符合条件时可注销账号。'],
    ],
  },
} as const

type Doc = keyof typeof DOCS

export default function AgreementPage() {
  const params = useQuery(routes.agreement)
  const doc: Doc = params.doc === 'privacy' ? 'privacy' : 'service'
  const content = DOCS[doc]
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: content.title })
  }, [content.title])
  return (
    <PageContainer id='agreement-page'>
      <View className='agreement' id={`agreement-${doc}`}>
        <Text className='agreement__title'>{content.title}</Text>
        {content.sections.map(([heading, text]) => (
          <View key={heading} className='agreement__section'>
            <Text className='agreement__heading'>{heading}</Text>
            <Text className='agreement__text'>{text}</Text>
          </View>
        ))}
      </View>
    </PageContainer>
  )
}
