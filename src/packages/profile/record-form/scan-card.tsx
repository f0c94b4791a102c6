import { Text, View } from '@tarojs/components'
import { ERROR_MESSAGES } from '@contract/errors'
import type { RecordField, RecordKind } from '@domain/education'
import { Button } from '../../../components/button'
import { Card } from '../../../components/card'
import { useScan, type ScanOutcome } from '../../../stores/scan'

/**
 * Scan a 学信网 query screenshot (album) or photograph the page on a PC (camera): the form's fields are filled and
 * marked 请核对 until changed or saved. Ids `<kind>-scan…`.
 */
export function ScanCard({ kind, labels }: { kind: RecordKind; labels: Record<RecordField, string> }) {
  const p = kind
  const scanPercent = useScan((s) => s.percent)
  const scanSource = useScan((s) => s.source)
  const scanError = useScan((s) => s.error)
  const scanned = useScan((s) => s.outcome[kind])
  return (
    <Card className='record-form__scan'>
      <Text className='pf-note'>
        {`可扫描学信网${kind === 'education' ? '学历' : '学位'}查询结果自动填写：手机截图从相册选择，电脑上的页面可直接拍照识别；也可手动填写。`}
      </Text>
      <View className='record-form__scan-actions'>
        <Button
          id={`${p}-scan`}
          variant='secondary'
          loading={scanPercent !== null && scanSource === 'album'}
          disabled={scanPercent !== null}
          onClick={() => void useScan.getState().scan(kind, 'album')}
        >
          从相册选择
        </Button>
        <Button
          id={`${p}-scan-camera`}
          variant='secondary'
          loading={scanPercent !== null && scanSource === 'camera'}
          disabled={scanPercent !== null}
          onClick={() => void useScan.getState().scan(kind, 'camera')}
        >
          拍照识别
        </Button>
      </View>
      {/* The platforms' camera pickers take no overlay: the framing advice is shown before the camera opens. */}
      <Text className='pf-note' id={`${p}-scan-camera-hint`}>
        拍照时请让查询结果页面占满画面、镜头正对屏幕，避开灯光反光，保持手机稳定。
      </Text>
      {scanPercent !== null && (
        <Text className='pf-note' id={`${p}-scan-progress`}>
          {scanPercent < 100 ? `正在上传截图 ${scanPercent}%` : '正在识别截图，请稍候…'}
        </Text>
      )}
      {scanError && (
        <Text className='pf-error' id={`${p}-scan-error`}>
          {scanError}
        </Text>
      )}
      {scanned?.notXuexin && (
        <Text className='pf-error' id={`${p}-scan-not-xuexin`}>
          {ERROR_MESSAGES.SCAN_NOT_XUEXIN}
        </Text>
      )}
      {scanned && !scanned.notXuexin && <ScanResult kind={kind} labels={labels} scanned={scanned} />}
    </Card>
  )
}

/** What the scan filled, left out, could not read with confidence, and whether the page is the candidate's. */
function ScanResult({
  kind,
  labels,
  scanned,
}: {
  kind: RecordKind
  labels: Record<RecordField, string>
  scanned: ScanOutcome
}) {
  const p = kind
  const unsureNames = [...scanned.unsure.fields.map((f) => labels[f]), ...(scanned.unsure.name ? ['姓名'] : [])]
  const missing = scanned.missing.filter((f) => !scanned.unsure.fields.includes(f))
  return (
    <View className='record-form__scan-result' id={`${p}-scan-result`}>
      <Text className='record-form__scan-done'>已根据截图填写，请逐项核对标有“请核对”的内容，无误后再保存。</Text>
      {missing.length > 0 && (
        <Text className='pf-note' id={`${p}-scan-missing`}>
          {`未识别到：${missing.map((f) => labels[f]).join('、')}，请手动填写。`}
        </Text>
      )}
      {unsureNames.length > 0 && (
        <Text className='pf-error' id={`${p}-scan-unsure`}>
          {`截图中的${unsureNames.join('、')}看不清，为免填错已留空，请对照学信网查询结果核对${
            scanned.unsure.fields.length ? '后填写' : ''
          }。`}
        </Text>
      )}
      {scanned.otherKind && (
        <Text className='pf-error' id={`${p}-scan-other-kind`}>
          {scanned.otherKind === 'degree'
            ? '这张截图是学位查询结果，请确认是否应添加到学位信息。'
            : '这张截图是学历查询结果，请确认是否应添加到学历信息。'}
        </Text>
      )}
      {(scanned.mismatch.name || scanned.mismatch.birthDate) && (
        <Text className='pf-error' id={`${p}-scan-mismatch`}>
          {`截图中的${[scanned.mismatch.name ? '姓名' : '', scanned.mismatch.birthDate ? '出生日期' : '']
            .filter(Boolean)
            .join('和')}与您的注册信息不一致，请确认是否为本人的记录。`}
        </Text>
      )}
    </View>
  )
}
