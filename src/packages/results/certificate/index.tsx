import { Image, Text, View } from '@tarojs/components'
import { useMemo } from 'react'
import { PageContainer } from '../../../components/page-container'
import { useGuardedLoad } from '../../../stores/guarded-load'
import { useResults } from '../../../stores/results'
import { drawCertificate } from '../images'
import { SaveAsImage } from '../save-image'
import '../results.scss'

/** 成绩合格证明: once every subject passed within the rolling window; its number and a verification QR code. */
export default function CertificatePage() {
  const result = useResults((s) => s.certificate)
  const loading = useResults((s) => s.loading.certificate)
  const error = useResults((s) => s.errors.certificate)
  const loadCertificate = useResults((s) => s.loadCertificate)

  useGuardedLoad(loadCertificate, { on: 'show' })

  const c = result?.available ? result.certificate : null
  const drawing = useMemo(() => (c ? drawCertificate(c) : null), [c])
  return (
    <PageContainer
      id='certificate-page'
      loading={!result && loading}
      error={!result ? error : null}
      onRetry={loadCertificate}
    >
      {result && !result.available && (
        <View className='rs-card'>
          <Text className='rs-state' id='certificate-unavailable'>
            {result.reason}
          </Text>
          <Text className='rs-note'>通过全部科目后，成绩合格证明在这里查看和保存。</Text>
        </View>
      )}
      {c && (
        <>
          <View className='rs-card rs-cert' id='certificate-card'>
            <Text className='rs-cert__title'>成绩合格证明</Text>
            <View className='rs-row'>
              <Text className='rs-row__label'>证明编号</Text>
              <Text className='rs-row__value' id='certificate-number'>
                {c.number}
              </Text>
            </View>
            <View className='rs-row'>
              <Text className='rs-row__label'>姓名</Text>
              <Text className='rs-row__value' id='certificate-name'>
                {c.name}
              </Text>
            </View>
            <View className='rs-row'>
              <Text className='rs-row__label'>证件号码</Text>
              <Text className='rs-row__value' id='certificate-id-number'>
                {c.idNumberMasked}
              </Text>
            </View>
            <View className='rs-row'>
              <Text className='rs-row__label'>考试</Text>
              <Text className='rs-row__value' id='certificate-exam'>
                {c.examName}
              </Text>
            </View>
            <View className='rs-row'>
              <Text className='rs-row__label'>专业</Text>
              <Text className='rs-row__value' id='certificate-speciality'>
                {c.speciality}
              </Text>
            </View>
            <View className='rs-row'>
              <Text className='rs-row__label'>合格年度</Text>
              <Text className='rs-row__value' id='certificate-years'>
                {c.fromYear === c.toYear ? `${c.toYear}年度` : `${c.fromYear}—${c.toYear}年度`}
              </Text>
            </View>
            <View className='rs-row'>
              <Text className='rs-row__label'>签发日期</Text>
              <Text className='rs-row__value' id='certificate-issued'>
                {c.issuedOn}
              </Text>
            </View>
            <Image id='certificate-qr' className='rs-qr' src={c.qr.dataUrl} />
            <Text className='rs-note'>扫描二维码可核验证明真伪</Text>
          </View>
          {drawing && <SaveAsImage page='certificate' fileName={`成绩合格证明-${c.number}.png`} drawing={drawing} />}
        </>
      )}
    </PageContainer>
  )
}
