import { Text, View } from '@tarojs/components'
import { FieldInput } from '../../../components/form-field/controls'
import Taro from '@tarojs/taro'
import { useEffect, useMemo, useState } from 'react'
import { ERROR_MESSAGES } from '@contract/errors'
import { AddRecordRequest } from '@contract/profile'
import { Button } from '../../../components/button'
import { FormField } from '../../../components/form-field'
import { DateSelect, PickerSelect } from '../../../components/picker-select'
import { useForm } from '../../../forms/use-form'
import { PageContainer } from '../../../components/page-container'
import { toast } from '../../../components/toast'
import {
  OTHER_MAJOR,
  OTHER_SCHOOL,
  EARLIEST_GRADUATION,
  RECORD_FIELDS,
  RECORD_FIELD_LABELS,
  RECORD_KIND_NAMES,
  STUDY_MODES,
  levelsFor,
  recordMessage,
  type RecordField,
  type RecordKind,
} from '@domain/education'
import { MAJORS } from '@domain/majors'
import type { FormScanField } from '@domain/xuexin-fill'
import { useProfile, type RecordDraft } from '../../../stores/profile'
import { useScan } from '../../../stores/scan'
import { useRequireSession } from '../../../stores/session'
import { serverToday } from '../../../stores/shared'
import { go, routes, useQuery } from '../../../routes'
import { Card } from '../../../components/card'
import '../profile.scss'
import './index.scss'

const MAJOR_OPTIONS = [...MAJORS, OTHER_MAJOR]

/** Adds one education or degree record, typed or filled from a scanned 学信网 screenshot and then checked. */
export default function RecordFormPage() {
  const kind: RecordKind = useQuery(routes.profileRecordForm).kind === 'degree' ? 'degree' : 'education'
  useRequireSession()
  const p = kind
  const draft = useProfile((s) => s.drafts[kind])
  const schoolResults = useProfile((s) => s.schoolResults)
  const { setDraft, clearDraft, searchSchools, addRecord } = useProfile.getState()
  // The kind's own labels: a degree is 学位证书编号, 学位授予单位, 获学位日期; the rules' messages follow them.
  const labels = RECORD_FIELD_LABELS[kind]
  const hasStudyMode = RECORD_FIELDS[kind].includes('studyMode')
  // The draft lives in the profile store (the scanner fills it too), kept on the device there.
  const form = useForm({
    schema: AddRecordRequest,
    initial: draft,
    state: [
      draft,
      (update: RecordDraft | ((prev: RecordDraft) => RecordDraft)) =>
        setDraft(kind, typeof update === 'function' ? update(useProfile.getState().drafts[kind]) : update),
      () => clearDraft(kind),
    ],
    toInput: (d: RecordDraft) => ({
      kind,
      ...d,
      otherSchool: d.school === OTHER_SCHOOL ? d.otherSchool : undefined,
      otherMajor: d.major === OTHER_MAJOR ? d.otherMajor : undefined,
      // A degree has no 培养方式 (RECORD_FIELDS).
      studyMode: hasStudyMode ? d.studyMode : undefined,
    }),
  })
  const { formError, submitting: saving } = form
  const errors = {
    ...form.errors,
    ...Object.fromEntries(
      RECORD_FIELDS[kind].map((f: RecordField) => [f, recordMessage(kind, f, form.errors[f])] as const),
    ),
  }
  const [keyword, setKeyword] = useState(draft.school && draft.school !== OTHER_SCHOOL ? draft.school : '')
  const levels = useMemo(() => levelsFor(kind), [kind])
  // Graduation dates are checked against China's today on the server's clock, not the phone's.
  const today = serverToday()
  const scanPercent = useScan((s) => s.percent)
  const scanSource = useScan((s) => s.source)
  const scanError = useScan((s) => s.error)
  const scanned = useScan((s) => s.outcome[kind])
  // Filled from the page, or left empty because the page could not be read with confidence: 请核对 either way.
  const checkTag = (field: FormScanField) =>
    scanned?.marked.includes(field) || scanned?.unsure.fields.includes(field) ? '请核对' : undefined
  const unsureNames = scanned
    ? [...scanned.unsure.fields.map((f) => labels[f]), ...(scanned.unsure.name ? ['姓名'] : [])]
    : []
  const fieldNames: Record<FormScanField, string> = labels

  // A scan filled the draft: show the recognised school in the search box as chosen.
  useEffect(() => {
    if (!scanned || scanned.notXuexin) return
    const school = useProfile.getState().drafts[kind].school
    if (school && school !== OTHER_SCHOOL) setKeyword(school)
  }, [scanned, kind])

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: `添加${RECORD_KIND_NAMES[kind]}` })
  }, [kind])

  // Search as the candidate types, once they pause.
  useEffect(() => {
    if (!keyword.trim() || keyword === draft.school) return
    const timer = setTimeout(() => void searchSchools(keyword), 300)
    return () => clearTimeout(timer)
  }, [keyword, draft.school, searchSchools])

  const update = (patch: Partial<RecordDraft>) => {
    form.patch(patch)
    useScan.getState().unmark(kind, Object.keys(patch))
  }

  // One key per filled form (the kit's): a retried save after a lost answer is not a second record.
  const save = () =>
    form.submit(async (value, idempotencyKey) => {
      await addRecord(value, idempotencyKey)
      useScan.getState().clear(kind)
      void toast.success('已添加，等待核验')
      void go.back()
    })

  const schoolChosen = draft.school !== '' && (draft.school === OTHER_SCHOOL || draft.school === keyword)
  const showResults = keyword.trim() !== '' && !schoolChosen

  return (
    <PageContainer id={`${p}-form-page`}>
      {/* Scan a 学信网 query screenshot: the fields below are filled and marked 请核对 until changed or saved. */}
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
        {scanned && !scanned.notXuexin && (
          <View className='record-form__scan-result' id={`${p}-scan-result`}>
            <Text className='record-form__scan-done'>已根据截图填写，请逐项核对标有“请核对”的内容，无误后再保存。</Text>
            {scanned.missing.filter((f) => !scanned.unsure.fields.includes(f)).length > 0 && (
              <Text className='pf-note' id={`${p}-scan-missing`}>
                {`未识别到：${scanned.missing
                  .filter((f) => !scanned.unsure.fields.includes(f))
                  .map((f) => fieldNames[f])
                  .join('、')}，请手动填写。`}
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
        )}
      </Card>

      <Card>
        <FormField
          id={`${p}-form-certificate`}
          label={labels.certificateNo}
          required
          error={errors.certificateNo}
          tag={checkTag('certificateNo')}
        >
          <FieldInput
            id={`${p}-form-certificate`}
            className='form-field__input'
            value={draft.certificateNo}
            maxlength={30}
            placeholder={`请输入${labels.certificateNo}`}
            onInput={(e) => update({ certificateNo: e.detail.value })}
          />
        </FormField>

        <FormField
          id={`${p}-form-school`}
          label={labels.school}
          required
          error={errors.school}
          tag={checkTag('school')}
          hint={draft.school ? undefined : '输入学校名称关键字搜索，如“医科”“卫生职业”'}
        >
          <FieldInput
            id={`${p}-form-school`}
            className='form-field__input'
            value={draft.school === OTHER_SCHOOL ? OTHER_SCHOOL : keyword}
            maxlength={40}
            placeholder='搜索学校名称'
            onInput={(e) => {
              setKeyword(e.detail.value)
              update({ school: '' })
            }}
          />
        </FormField>
        {showResults && (
          <View className='record-form__options' id={`${p}-form-school-options`}>
            {schoolResults.map((name, i) => (
              <Text
                key={name}
                id={`${p}-form-school-option-${i}`}
                className='record-form__option'
                onClick={() => {
                  setKeyword(name)
                  update({ school: name, otherSchool: '' })
                }}
              >
                {name}
              </Text>
            ))}
            <Text
              id={`${p}-form-school-other`}
              className='record-form__option record-form__option--other'
              onClick={() => update({ school: OTHER_SCHOOL, otherSchool: keyword.trim() })}
            >
              {schoolResults.length ? '以上都不是，选择“其他学校”' : '未找到学校，选择“其他学校”'}
            </Text>
          </View>
        )}
        {draft.school === OTHER_SCHOOL && (
          <FormField
            id={`${p}-form-other-school`}
            label='学校名称'
            required
            error={errors.otherSchool}
            tag={checkTag('school')}
          >
            <FieldInput
              id={`${p}-form-other-school`}
              className='form-field__input'
              value={draft.otherSchool}
              maxlength={40}
              placeholder='请输入毕业证上的学校全称'
              onInput={(e) => update({ otherSchool: e.detail.value })}
            />
            <Text
              id={`${p}-form-school-search`}
              className='record-form__link'
              onClick={() => {
                setKeyword('')
                update({ school: '' })
              }}
            >
              重新搜索
            </Text>
          </FormField>
        )}

        <DateSelect
          id={`${p}-form-date`}
          label={labels.graduationDate}
          error={errors.graduationDate}
          tag={checkTag('graduationDate')}
          value={draft.graduationDate}
          start={EARLIEST_GRADUATION}
          end={today}
          placeholder={`请选择${labels.graduationDate}`}
          onChange={(graduationDate) => update({ graduationDate })}
        />

        <PickerSelect
          id={`${p}-form-major`}
          label={labels.major}
          error={errors.major}
          tag={checkTag('major')}
          value={draft.major}
          options={MAJOR_OPTIONS}
          placeholder='请选择所学专业'
          onChange={(major) => update({ major })}
        />
        {draft.major === OTHER_MAJOR && (
          <FormField
            id={`${p}-form-other-major`}
            label='专业名称'
            required
            error={errors.otherMajor}
            tag={checkTag('major')}
          >
            <FieldInput
              id={`${p}-form-other-major`}
              className='form-field__input'
              value={draft.otherMajor}
              maxlength={40}
              placeholder='请输入毕业证上的专业名称'
              onInput={(e) => update({ otherMajor: e.detail.value })}
            />
          </FormField>
        )}

        <PickerSelect
          id={`${p}-form-level`}
          label={labels.level}
          error={errors.level}
          tag={checkTag('level')}
          value={draft.level}
          options={levels}
          placeholder={`请选择${labels.level}`}
          onChange={(level) => update({ level })}
        />

        {hasStudyMode && (
          <PickerSelect
            id={`${p}-form-mode`}
            label={labels.studyMode}
            error={errors.studyMode}
            tag={checkTag('studyMode')}
            value={draft.studyMode}
            options={STUDY_MODES}
            placeholder={`请选择${labels.studyMode}`}
            onChange={(studyMode) => update({ studyMode })}
          />
        )}

        {formError && (
          <Text className='pf-error' id={`${p}-form-error`}>
            {formError}
          </Text>
        )}
        <View className='pf-actions'>
          <Button id={`${p}-save`} loading={saving} onClick={() => void save()}>
            保存
          </Button>
        </View>
      </Card>
    </PageContainer>
  )
}
