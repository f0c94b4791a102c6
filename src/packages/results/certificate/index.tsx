import { Image, Text } from '@tarojs/components'
import { imageAlt } from '../../../components/a11y'
import { useMemo } from 'react'
import { PageContainer } from '../../../components/page-container'
import { useGuardedLoad } from '../../../stores/guarded-load'
import { useResults } from '../../../stores/results'
import { drawCertificate } from '../images'
import { SaveAsImage } from '../save-image'
import { Card, LabelValue } from '../../../components/card'
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
        <Card>
          <Text className='rs-state' id='certificate-unavailable'>
            {result.reason}
          </Text>
          <Text className='rs-note'>通过全部科目后，成绩合格证明在这里查看和保存。</Text>
        </Card>
      )}
      {c && (
        <>
          <Card className='rs-cert' id='certificate-card'>
            <Text className='rs-cert__title'>成绩合格证明</Text>
            <LabelValue layout='compact' label='证明编号' valueId='certificate-number' value={c.number} />
            <LabelValue layout='compact' label='姓名' valueId='certificate-name' value={c.name} />
            <LabelValue layout='compact' label='证件号码' valueId='certificate-id-number' value={c.idNumberMasked} />
            <LabelValue layout='compact' label='考试' valueId='certificate-exam' value={c.examName} />
            <LabelValue layout='compact' label='专业' valueId='certificate-speciality' value={c.speciality} />
            <LabelValue
              layout='compact'
              label='合格年度'
              valueId='certificate-years'
              value={c.fromYear === c.toYear ? `${c.toYear}年度` : `${c.fromYear}—${c.toYear}年度`}
            />
            <LabelValue layout='compact' label='签发日期' valueId='certificate-issued' value={c.issuedOn} />
            <LabelValue layout='compact' label='发证机构' valueId='certificate-issuer' value={c.issuer} />
            <Image id='certificate-qr' className='rs-qr' src={c.qr.dataUrl} {...imageAlt('核验二维码')} />
            <Text className='rs-note'>扫描二维码可核验证明真伪</Text>
          </Card>
          {drawing && <SaveAsImage page='certificate' fileName={`成绩合格证明-${c.number}.png`} drawing={drawing} />}
        </>
      )}
    </PageContainer>
  )
}
