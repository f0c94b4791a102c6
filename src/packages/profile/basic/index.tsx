import { Text, View } from '@tarojs/components'
import { Button } from '../../../components/button'
import { PageContainer } from '../../../components/page-container'
import { IdentityTag, PhotoTag } from '../../../components/verification-tag'
import { useProfile } from '../../../stores/profile'
import { useGuardedLoad } from '../../../stores/guarded-load'
import { go, routes } from '../../../routes'
import { Card, LabelValue } from '../../../components/card'
import '../profile.scss'

/** The account engineer's cancellation page (issue 4). */

/** 基础信息: who the candidate is (ID number masked), and the two verification results. */
export default function BasicInfoPage() {
  const basic = useProfile((s) => s.basic)
  const loading = useProfile((s) => s.loading.basic)
  const error = useProfile((s) => s.errors.basic)
  const loadBasic = useProfile((s) => s.loadBasic)

  useGuardedLoad(loadBasic)

  return (
    <PageContainer id='basic-page' loading={!basic && loading} error={!basic ? error : null} onRetry={loadBasic}>
      {basic && (
        <>
          <Card>
            <LabelValue label='用户名' valueId='basic-username' value={basic.username} />
            <LabelValue label='姓名' valueId='basic-name' value={basic.name} />
            <LabelValue label='证件类型' valueId='basic-id-type' value={basic.idTypeName} />
            <LabelValue label='证件号码' valueId='basic-id-number' value={basic.idNumberMasked} />
            <LabelValue label='身份核验结果'>
              <IdentityTag id='basic-identity-status' state={basic.identity} />
            </LabelValue>
            <LabelValue label='照片核验结果'>
              <PhotoTag id='basic-photo-status' state={basic.photo} />
            </LabelValue>
          </Card>
          <Text className='pf-note'>姓名、证件类型和证件号码注册后不能修改。如有错误，请联系报名考点。</Text>
          <View className='pf-actions'>
            <Button id='basic-cancel-account' variant='secondary' onClick={() => void go.to(routes.accountCancel)}>
              注销账号
            </Button>
          </View>
        </>
      )}
    </PageContainer>
  )
}
