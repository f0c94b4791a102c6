import { Input, Picker, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useMemo, useRef, useState } from 'react'
import { ERROR_MESSAGES } from '@contract/errors'
import { AddRecordRequest } from '@contract/profile'
import { validate, type FieldErrors } from '@contract/validate'
import { ApiError, messageOf, newIdempotencyKey } from '../../../api'
import { Button } from '../../../components/button'
import { DateSelect } from '../../../components/date-select'
import { FormField } from '../../../components/form-field'
import { PageContainer } from '../../../components/page-container'
import { toast } from '../../../components/toast'
import {
  OTHER_MAJOR,
  OTHER_SCHOOL,
  RECORD_KIND_NAMES,
  STUDY_MODES,
  chinaToday,
  levelLabel,
  levelsFor,
  type RecordKind,
} from '../../../domain/education'
import { MAJORS } from '../../../domain/majors'
import type { FormScanField } from '../../../domain/xuexin-fill'
import { useProfile } from '../../../stores/profile'
import { useScan } from '../../../stores/scan'
import '../profile.scss'
import './index.scss'

const MAJOR_OPTIONS = [...MAJORS, OTHER_MAJOR]

/** Adds one education or degree record, typed or filled from a scanned 学信网 screenshot and then checked. */
export default function RecordFormPage() {
  const kind: RecordKind = useRouter().params.kind === 'degree' ? 'degree' : 'education'
  const p = kind
  const draft = useProfile((s) => s.drafts[kind])
  const schoolResults = useProfile((s) => s.schoolResults)
  const { setDraft, clearDraft, searchSchools, addRecord } = useProfile.getState()
  const [keyword, setKeyword] = useState(draft.school && draft.school !== OTHER_SCHOOL ? draft.school : '')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  // One key per filled form: a retried save after a lost answer is not a second record.
  const idempotencyKey = useRef(newIdempotencyKey())
  const levels = useMemo(() => levelsFor(kind), [kind])
  const today = chinaToday()
  const scanPercent = useScan((s) => s.percent)
  const scanError = useScan((s) => s.error)
  const scanned = useScan((s) => s.outcome[kind])
  const checkTag = (field: FormScanField) => (scanned?.marked.includes(field) ? '请核对' : undefined)
  const fieldNames: Record<FormScanField, string> = {
    certificateNo: '证书编号',
    school: '毕业院校',
    graduationDate: '毕业时间',
    major: '所学专业',
    level: levelLabel(kind),
    studyMode: '培养方式',
  }

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

  const update = (patch: Partial<typeof draft>) => {
    setDraft(kind, patch)
    useScan.getState().unmark(kind, Object.keys(patch))
    setErrors((e) => {
      const next = { ...e }
      for (const k of Object.keys(patch)) delete next[k]
      return next
    })
  }

  const save = async () => {
    setFormError(null)
    const input = {
      kind,
      ...draft,
      otherSchool: draft.school === OTHER_SCHOOL ? draft.otherSchool : undefined,
      otherMajor: draft.major === OTHER_MAJOR ? draft.otherMajor : undefined,
    }
    const checked = validate(AddRecordRequest, input)
    setErrors(checked.errors)
    if (!checked.ok) return
    setSaving(true)
    try {
      await addRecord(checked.value, idempotencyKey.current)
      clearDraft(kind)
      useScan.getState().clear(kind)
      void toast.success('已添加，等待核验')
      void Taro.navigateBack()
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fields).length) setErrors(err.fields)
      setFormError(messageOf(err))
      // A refused save can be corrected and sent again as a new request.
      idempotencyKey.current = newIdempotencyKey()
    } finally {
      setSaving(false)
    }
  }

  const schoolChosen = draft.school !== '' && (draft.school === OTHER_SCHOOL || draft.school === keyword)
  const showResults = keyword.trim() !== '' && !schoolChosen

  return (
    <PageContainer id={`${p}-form-page`}>
      {/* Scan a 学信网 query screenshot: the fields below are filled and marked 请核对 until changed or saved. */}
      <View className='pf-card record-form__scan'>
        <Text className='pf-note'>可扫描学信网查询结果截图自动填写，或直接手动填写。</Text>
        <Button
          id={`${p}-scan`}
          variant='secondary'
          loading={scanPercent !== null}
          onClick={() => void useScan.getState().scan(kind)}
        >
          {kind === 'education' ? '扫描学历查询结果' : '扫描学位查询结果'}
        </Button>
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
            {scanned.missing.length > 0 && (
              <Text className='pf-note' id={`${p}-scan-missing`}>
                {`未识别到：${scanned.missing.map((f) => fieldNames[f]).join('、')}，请手动填写。`}
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
      </View>

      <View className='pf-card'>
        <FormField
          id={`${p}-form-certificate`}
          label='证书编号'
          required
          error={errors.certificateNo}
          tag={checkTag('certificateNo')}
        >
          <Input
            id={`${p}-form-certificate`}
            className='form-field__input'
            value={draft.certificateNo}
            maxlength={30}
            placeholder='请输入证书编号'
            onInput={(e) => update({ certificateNo: e.detail.value })}
          />
        </FormField>

        <FormField
          id={`${p}-form-school`}
          label='毕业院校'
          required
          error={errors.school}
          tag={checkTag('school')}
          hint={draft.school ? undefined : '输入学校名称关键字搜索，如“医科”“卫生职业”'}
        >
          <Input
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
            <Input
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

        <FormField
          id={`${p}-form-date`}
          label='毕业时间'
          required
          error={errors.graduationDate}
          tag={checkTag('graduationDate')}
        >
          <DateSelect
            id={`${p}-form-date`}
            value={draft.graduationDate}
            end={today}
            placeholder='请选择毕业时间'
            onChange={(graduationDate) => update({ graduationDate })}
          />
        </FormField>

        <FormField id={`${p}-form-major`} label='所学专业' required error={errors.major} tag={checkTag('major')}>
          <Picker
            id={`${p}-form-major-picker`}
            className='record-form__picker-wrap'
            mode='selector'
            range={MAJOR_OPTIONS}
            value={Math.max(0, MAJOR_OPTIONS.indexOf(draft.major))}
            onChange={(e) => update({ major: MAJOR_OPTIONS[Number(e.detail.value)] })}
          >
            <Text
              id={`${p}-form-major`}
              className={`record-form__picker ${draft.major ? '' : 'record-form__placeholder'}`}
            >
              {draft.major || '请选择所学专业'}
            </Text>
          </Picker>
        </FormField>
        {draft.major === OTHER_MAJOR && (
          <FormField
            id={`${p}-form-other-major`}
            label='专业名称'
            required
            error={errors.otherMajor}
            tag={checkTag('major')}
          >
            <Input
              id={`${p}-form-other-major`}
              className='form-field__input'
              value={draft.otherMajor}
              maxlength={40}
              placeholder='请输入毕业证上的专业名称'
              onInput={(e) => update({ otherMajor: e.detail.value })}
            />
          </FormField>
        )}

        <FormField
          id={`${p}-form-level`}
          label={levelLabel(kind)}
          required
          error={errors.level}
          tag={checkTag('level')}
        >
          <Picker
            id={`${p}-form-level-picker`}
            className='record-form__picker-wrap'
            mode='selector'
            range={levels as string[]}
            value={Math.max(0, levels.indexOf(draft.level))}
            onChange={(e) => update({ level: levels[Number(e.detail.value)] })}
          >
            <Text
              id={`${p}-form-level`}
              className={`record-form__picker ${draft.level ? '' : 'record-form__placeholder'}`}
            >
              {draft.level || `请选择${levelLabel(kind)}`}
            </Text>
          </Picker>
        </FormField>

        <FormField id={`${p}-form-mode`} label='培养方式' required error={errors.studyMode} tag={checkTag('studyMode')}>
          <Picker
            id={`${p}-form-mode-picker`}
            className='record-form__picker-wrap'
            mode='selector'
            range={STUDY_MODES as unknown as string[]}
            value={Math.max(0, (STUDY_MODES as readonly string[]).indexOf(draft.studyMode))}
            onChange={(e) => update({ studyMode: STUDY_MODES[Number(e.detail.value)] })}
          >
            <Text
              id={`${p}-form-mode`}
              className={`record-form__picker ${draft.studyMode ? '' : 'record-form__placeholder'}`}
            >
              {draft.studyMode || '请选择培养方式'}
            </Text>
          </Picker>
        </FormField>

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
      </View>
    </PageContainer>
  )
}
