import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { PaymentView } from '@contract/process'
import { Button } from '../../../components/button'
import { PageContainer } from '../../../components/page-container'
import { go, routes, useQuery } from '../../../routes'
import { ofApplication, useProcess, type PayResult } from '../../../stores/process'
import { useGuardedLoad } from '../../../stores/guarded-load'
import { chinaTime, yuan } from '../nodes'
import { Card, LabelValue } from '../../../components/card'
import '../process.scss'
import './index.scss'

const STATE_TEXT: Record<PaymentView['state'], string> = {
  'not-ready': '资格审核通过后才能缴费',
  due: '待缴费',
  paying: '支付结果确认中',
  paid: '已缴费',
  closed: '缴费时间已结束，视为放弃考试',
  'pc-only': '请在电脑上缴费',
  none: '本考区不在网上收费',
}

/**
 * 报名缴费: the subjects and fees from the server, the total, and payment through the platform (WeChat requestPayment,
 * Alipay tradePay, Baidu requestPolymerPayment, H5 the simulated cashier). Whether it is paid is the server's word:
 * after the cashier closes the page asks the server, which asks the platform.
 */
export default function PayPage() {
  const { id } = useQuery(routes.pay)
  const pay = useProcess((s) => ofApplication(s.payment, id))
  const loading = useProcess((s) => !!s.loading.payment)
  const loadError = useProcess((s) => s.errors.payment ?? null)
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<PayResult | null>(null)

  const load = async () => {
    if (id) await useProcess.getState().loadPayment(id)
  }
  useGuardedLoad(load, { keys: [id] })

  const payNow = async () => {
    if (!id) return
    setBusy(true)
    setResult(null)
    setResult(await useProcess.getState().pay(id))
    setBusy(false)
  }

  const error = id ? loadError : '没有找到这条报名信息'
  const pcOnly = pay?.state === 'pc-only'
  return (
    <PageContainer id='pay-page' loading={!pay && loading} error={!pay ? error : null} onRetry={load}>
      {pay && (
        <>
          <Card title='缴费信息'>
            {pay.items.map((item) => (
              <LabelValue
                key={item.code}
                id={`pay-item-${item.code}`}
                label={item.name}
                value={`¥${yuan(item.amount)}`}
              />
            ))}
            <LabelValue label='合计'>
              <Text className='ui-row__value pay__total' id='pay-total'>{`¥${yuan(pay.total)}`}</Text>
            </LabelValue>
            <LabelValue label='缴费截止' valueId='pay-deadline' value={chinaTime(pay.deadline)} />
            <LabelValue label='状态'>
              <Text
                className={`ui-row__value pay__state pay__state--${pay.state}`}
                id='pay-state'
                data-state={pay.state}
              >
                {STATE_TEXT[pay.state]}
              </Text>
            </LabelValue>
          </Card>
          {pcOnly && (
            <Card className='pay__pc' id='pay-pc-only' title='请在电脑上缴费'>
              <Text className='pc-note'>{pay.pcMessage}</Text>
            </Card>
          )}
          {result && (
            <Text className={result.ok ? 'pc-ok' : 'pc-error'} id='pay-result'>
              {result.text}
            </Text>
          )}
          <View className='pc-actions'>
            {(pay.state === 'due' || pay.state === 'paying') && (
              <Button id='pay-submit' loading={busy} onClick={() => void payNow()}>
                {`立即缴费 ¥${yuan(pay.total)}`}
              </Button>
            )}
            {pay.state === 'paying' && (
              <Button id='pay-refresh' variant='secondary' onClick={() => void load()}>
                刷新支付结果
              </Button>
            )}
            <Button id='pay-back' variant='text' onClick={() => void go.back()}>
              返回报考流程
            </Button>
          </View>
        </>
      )}
    </PageContainer>
  )
}
