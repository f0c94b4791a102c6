import { Input, Picker, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useMemo, useRef, useState } from 'react'
import { AddRecordRequest } from '@contract/profile'
import { validate, type FieldErrors } from '@contract/validate'
import { ApiError, messageOf, newIdempotencyKey } from '../../../api'
import { Button } from '../../../components/button'
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
import { useProfile } from '../../../stores/profile'
import '../profile.scss'
import './index.scss'

const MAJOR_OPTIONS = [...MAJORS, OTHER_MAJOR]

/** Adds one education or degree record by typing (the scanner issue fills the same draft from a screenshot). */
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
      {/* The scanner issue wires this slot: scan a 学信网 query screenshot, then check the filled fields. */}
      <View className='pf-card record-form__scan'>
        <Text className='pf-note'>可扫描学信网查询结果截图自动填写，或直接手动填写。</Text>
        <Button id={`${p}-scan`} variant='secondary' onClick={() => void toast.info('扫描功能暂未开放，请手动填写')}>
          {kind === 'education' ? '扫描学历查询结果' : '扫描学位查询结果'}
        </Button>
      </View>

      <View className='pf-card'>
        <FormField id={`${p}-form-certificate`} label='证书编号' required error={errors.certificateNo}>
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
          <FormField id={`${p}-form-other-school`} label='学校名称' required error={errors.otherSchool}>
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

        <FormField id={`${p}-form-date`} label='毕业时间' required error={errors.graduationDate}>
          <Picker
            id={`${p}-form-date-picker`}
            className='record-form__picker-wrap'
            mode='date'
            value={draft.graduationDate || today}
            start='1950-01-01'
            end={today}
            onChange={(e) => update({ graduationDate: String(e.detail.value) })}
          >
            <Text
              id={`${p}-form-date`}
              className={`record-form__picker ${draft.graduationDate ? '' : 'record-form__placeholder'}`}
            >
              {draft.graduationDate || '请选择毕业时间'}
            </Text>
          </Picker>
        </FormField>

        <FormField id={`${p}-form-major`} label='所学专业' required error={errors.major}>
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
          <FormField id={`${p}-form-other-major`} label='专业名称' required error={errors.otherMajor}>
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

        <FormField id={`${p}-form-level`} label={levelLabel(kind)} required error={errors.level}>
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

        <FormField id={`${p}-form-mode`} label='培养方式' required error={errors.studyMode}>
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
