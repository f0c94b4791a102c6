import { View } from '@tarojs/components'
import { ContactStep, type ApplicationView } from '@contract/application'
import { TextFields, type TextFieldSpec } from '../../../components/form-field/text-field'
import { useForm } from '../../../forms/use-form'
import { draftKey, savedOr, StepPage } from '../wizard'
import { StepSubmit } from '../step-submit'
import { Card } from '../../../components/card'

/** Step 3 联系方式: mobile, address and postcode checked by the shared rules; e-mail optional. */
export default function ApplyContactPage() {
  return <StepPage step='contact'>{(view) => <ContactForm view={view} />}</StepPage>
}

/** The step's four fields, in order: the mobile, address and postcode required; the e-mail optional. */
const CONTACT_FIELDS = {
  mobile: {
    id: 'apply-contact-mobile',
    label: '手机号码',
    required: true,
    kind: 'number',
    maxlength: 13,
    placeholder: '请输入11位手机号码',
  },
  address: {
    id: 'apply-contact-address',
    label: '通讯地址',
    required: true,
    maxlength: 60,
    placeholder: '省市区街道门牌号',
  },
  postcode: {
    id: 'apply-contact-postcode',
    label: '邮政编码',
    required: true,
    kind: 'number',
    maxlength: 6,
    placeholder: '6位数字',
  },
  email: { id: 'apply-contact-email', label: '电子邮箱', maxlength: 60, placeholder: '选填' },
} satisfies Record<string, TextFieldSpec>

function ContactForm({ view }: { view: ApplicationView }) {
  const form = useForm({
    schema: ContactStep,
    initial: savedOr(view, 'contact', { mobile: '', address: '', postcode: '', email: '' }, (s) => ({ ...s })),
    draft: { key: draftKey(view.id, 'contact') },
  })
  return (
    <View>
      <Card>
        <TextFields fields={CONTACT_FIELDS} field={form.field} />
      </Card>
      <StepSubmit view={view} step='contact' form={form} />
    </View>
  )
}
