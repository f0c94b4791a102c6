import { View } from '@tarojs/components'
import { ContactStep, type ApplicationView } from '@contract/application'
import { TextField } from '../../../components/form-field/text-field'
import { useForm } from '../../../forms/use-form'
import { draftKey, savedOr, StepPage } from '../wizard'
import { StepSubmit } from '../step-submit'
import { Card } from '../../../components/card'

/** Step 3 联系方式: mobile, address and postcode checked by the shared rules; e-mail optional. */
export default function ApplyContactPage() {
  return <StepPage step='contact'>{(view) => <ContactForm view={view} />}</StepPage>
}

function ContactForm({ view }: { view: ApplicationView }) {
  const p = 'apply-contact'
  const form = useForm({
    schema: ContactStep,
    initial: savedOr(view, 'contact', { mobile: '', address: '', postcode: '', email: '' }, (s) => ({ ...s })),
    draft: { key: draftKey(view.id, 'contact') },
  })
  return (
    <View>
      <Card>
        <TextField
          id={`${p}-mobile`}
          label='手机号码'
          required
          kind='number'
          maxlength={13}
          placeholder='请输入11位手机号码'
          {...form.field('mobile')}
        />
        <TextField
          id={`${p}-address`}
          label='通讯地址'
          required
          maxlength={60}
          placeholder='省市区街道门牌号'
          {...form.field('address')}
        />
        <TextField
          id={`${p}-postcode`}
          label='邮政编码'
          required
          kind='number'
          maxlength={6}
          placeholder='6位数字'
          {...form.field('postcode')}
        />
        <TextField id={`${p}-email`} label='电子邮箱' maxlength={60} placeholder='选填' {...form.field('email')} />
      </Card>
      <StepSubmit view={view} step='contact' form={form} />
    </View>
  )
}
