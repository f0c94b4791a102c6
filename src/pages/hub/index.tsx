import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect } from 'react'
import { getSessionToken } from '../../api'
import { Button } from '../../components/button'
import { PageContainer } from '../../components/page-container'
import { LOGIN_URL, requireLogin, useSession } from '../../stores/session'
import './index.scss'

/**
 * Placeholder of the personal-info hub (issue 5 builds the real one): where registration and login land, with the
 * account's entries (注销账号, 退出登录) the hub keeps.
 */
export default function HubPage() {
  const account = useSession((s) => s.account)
  const loadMe = useSession((s) => s.loadMe)
  const signOut = useSession((s) => s.signOut)

  useEffect(() => {
    if (!getSessionToken()) requireLogin()
    else if (!account) loadMe().catch(() => undefined)
  }, [account, loadMe])

  return (
    <PageContainer id='hub-page'>
      <View className='hub__card'>
        <Text className='hub__title'>个人信息管理</Text>
        {account && (
          <>
            <Text className='hub__line' id='hub-name'>
              {account.name}
            </Text>
            <Text className='hub__line' id='hub-id-number'>
              {account.idNumberMasked}
            </Text>
          </>
        )}
      </View>
      <View className='hub__actions'>
        <Button
          id='hub-cancel-account'
          variant='secondary'
          onClick={() => void Taro.navigateTo({ url: '/pages/account-cancel/index' })}
        >
          注销账号
        </Button>
        <Button
          id='hub-logout'
          variant='text'
          onClick={() => void signOut().then(() => Taro.reLaunch({ url: LOGIN_URL }))}
        >
          退出登录
        </Button>
      </View>
    </PageContainer>
  )
}
