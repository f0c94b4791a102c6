import { Text, View } from '@tarojs/components'
import { Checkbox } from '../../components/form-field/controls'
import { go, routes } from '../../routes'

const openDoc = (doc: 'service' | 'privacy') => void go.to(routes.agreement, { doc })

/** 我已阅读并同意《服务协议》和《隐私政策》: the tick (with its words, one tap target) and the two documents. */
export function AgreementTick({ agreed, onToggle }: { agreed: boolean; onToggle: () => void }) {
  return (
    <View className='login__agree'>
      <View className='login__agree-tick' id='login-agree' onClick={onToggle}>
        <Checkbox value='agree' checked={agreed} color='#1456b8' label='我已阅读并同意《服务协议》和《隐私政策》' />
        <Text className='login__agree-text'>我已阅读并同意</Text>
      </View>
      <Text className='login__doc-link' id='login-doc-service' onClick={() => openDoc('service')}>
        《服务协议》
      </Text>
      <Text className='login__agree-text'>和</Text>
      <Text className='login__doc-link' id='login-doc-privacy' onClick={() => openDoc('privacy')}>
        《隐私政策》
      </Text>
    </View>
  )
}
